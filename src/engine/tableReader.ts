/**
 * The one table reader: rows (first row headers) → typed records plus a list of problems.
 * Used by the task pane, the custom functions that take whole tables, and the headless runner.
 *
 * Headers are matched by the Chinese/English names and aliases of schema.ts, case- and
 * space-insensitive, in any column order. Unknown columns are kept (in `extra`) and ignored.
 * Fully blank rows are skipped. A cell that cannot be read becomes `undefined` with a problem.
 */
import { cellText, isBlank, normalizeHeader, parseDate, parseEducation, parseNumber, parseYesNo } from "./parse";
import type { ColumnDef, ColumnType, PatternDef, TableDef } from "./schema";
import type { CellValue, Problem, Rows } from "./types";

/** A parsed cell: text, number (also dates as day numbers, education as rank 1..5), yes/no. */
export type Parsed = string | number | boolean | undefined;

export interface TableRecord {
  /** Row in the table, 1-based, the header row being row 1 (= worksheet row when the table starts in row 1). */
  row: number;
  /** Parsed values of the known columns, by canonical key. Blank or unreadable cells are `undefined`. */
  values: Record<string, Parsed>;
  /** Numbered column families (e.g. choices), in index order, blanks included as `undefined`. */
  lists: Record<string, Parsed[]>;
  /** Unknown columns, by their header as written, raw values. */
  extra: Record<string, CellValue>;
}

export interface ColumnRef {
  key: string;
  index: number;
  header: string;
}

export interface PatternRef {
  key: string;
  /** Column indexes in order of their number (志愿1, 志愿2, …). */
  columns: { n: number; index: number; header: string }[];
}

export interface TableRead {
  def: TableDef;
  /** The name the user gave the table (sheet or Excel table name). */
  tableName: string;
  records: TableRecord[];
  problems: Problem[];
  /** Known columns found, by canonical key. */
  columns: Record<string, ColumnRef>;
  patterns: Record<string, PatternRef>;
  /** Unknown columns, in order. */
  extraColumns: { index: number; header: string }[];
}

export interface ReadOptions {
  /** Name shown in messages (defaults to the table's Chinese or English name). */
  tableName?: string;
  /** Row number of the header row in the sheet, so problems name worksheet rows (default 1). */
  headerRow?: number;
}

const matcherCache = new WeakMap<TableDef, Map<string, ColumnDef>>();

function columnMatcher(def: TableDef): Map<string, ColumnDef> {
  let m = matcherCache.get(def);
  if (!m) {
    m = new Map();
    for (const c of def.columns) {
      for (const name of [c.key, c.zh, c.en, ...(c.aliases ?? [])]) {
        const k = normalizeHeader(name);
        if (!m.has(k)) m.set(k, c);
      }
    }
    matcherCache.set(def, m);
  }
  return m;
}

/** The column definition a header names, if any. */
export function matchColumn(def: TableDef, header: CellValue): ColumnDef | undefined {
  return columnMatcher(def).get(normalizeHeader(header));
}

function matchPattern(def: TableDef, header: CellValue): { p: PatternDef; n: number } | undefined {
  const h = normalizeHeader(header);
  for (const p of def.patterns ?? []) {
    const m = p.pattern.exec(h);
    if (m) {
      const g = m.slice(1).find((x) => x !== undefined);
      const n = g === undefined ? 1 : Number(g);
      if (Number.isInteger(n) && n >= 1) return { p, n };
    }
  }
  return undefined;
}

/** True when a name (sheet or Excel table) names this table. */
export function matchesTableName(def: TableDef, name: string): boolean {
  const n = normalizeHeader(name);
  return [def.id, def.zh, def.en, ...def.aliases].some((a) => normalizeHeader(a) === n);
}

interface ParseResult {
  value: Parsed;
  problem?: { key: string; params?: Record<string, string | number> };
}

function parseCell(
  type: ColumnType,
  raw: CellValue,
  bounds: { min?: number; max?: number },
  choices?: Record<string, string[]>,
): ParseResult {
  switch (type) {
    case "text": {
      const s = cellText(raw);
      if (s === "") return { value: undefined };
      if (choices) {
        const n = normalizeHeader(s);
        for (const [canonical, spellings] of Object.entries(choices)) {
          if (normalizeHeader(canonical) === n || spellings.some((x) => normalizeHeader(x) === n)) {
            return { value: canonical };
          }
        }
        return {
          value: undefined,
          problem: {
            key: "cell.notChoice",
            params: {
              allowed: Object.values(choices)
                .map((v) => v[0])
                .join(" / "),
            },
          },
        };
      }
      return { value: s };
    }
    case "number":
    case "integer": {
      const n = parseNumber(raw);
      if (n === undefined) return { value: undefined };
      if (n === null) return { value: undefined, problem: { key: "cell.notNumber" } };
      if (type === "integer" && !Number.isInteger(n)) return { value: undefined, problem: { key: "cell.notInteger" } };
      if (bounds.min !== undefined && n < bounds.min) {
        return { value: undefined, problem: { key: "cell.belowMin", params: { min: bounds.min } } };
      }
      if (bounds.max !== undefined && n > bounds.max) {
        return { value: undefined, problem: { key: "cell.aboveMax", params: { max: bounds.max } } };
      }
      return { value: n };
    }
    case "yesno": {
      const b = parseYesNo(raw);
      if (b === undefined) return { value: undefined };
      if (b === null) return { value: undefined, problem: { key: "cell.notYesNo" } };
      return { value: b };
    }
    case "education": {
      const e = parseEducation(raw);
      if (e === undefined) return { value: undefined };
      if (e === null) return { value: undefined, problem: { key: "cell.notEducation" } };
      return { value: e };
    }
    case "date": {
      const d = parseDate(raw);
      if (d === undefined) return { value: undefined };
      if (d === null) return { value: undefined, problem: { key: "cell.notDate" } };
      return { value: d };
    }
  }
}

/**
 * Reads a table.
 *
 * @example
 * readTable(POSTS, [["岗位编号", "职数"], ["P01", 2]]).records[0].values
 *   // => { id: "P01", quota: 2 }
 */
export function readTable(def: TableDef, rows: Rows, options: ReadOptions = {}): TableRead {
  const tableName = options.tableName ?? def.zh;
  const headerRow = options.headerRow ?? 1;
  const problems: Problem[] = [];
  const columns: Record<string, ColumnRef> = {};
  const patterns: Record<string, PatternRef> = {};
  const extraColumns: { index: number; header: string }[] = [];
  const result: TableRead = { def, tableName, records: [], problems, columns, patterns, extraColumns };

  const header = rows[0] ?? [];
  const seenPatternCols = new Map<string, number>();
  header.forEach((h, index) => {
    if (isBlank(h)) return;
    const text = cellText(h);
    const col = matchColumn(def, h);
    if (col) {
      const existing = columns[col.key];
      if (existing) {
        problems.push({
          severity: "warning",
          table: def.id,
          tableName,
          tableRow: headerRow,
          columnIndex: index,
          column: text,
          value: text,
          key: "column.duplicateHeader",
          params: { other: existing.header },
        });
        return;
      }
      columns[col.key] = { key: col.key, index, header: text };
      return;
    }
    const pm = matchPattern(def, h);
    if (pm) {
      const id = `${pm.p.key}#${pm.n}`;
      if (seenPatternCols.has(id)) {
        problems.push({
          severity: "warning",
          table: def.id,
          tableName,
          tableRow: headerRow,
          columnIndex: index,
          column: text,
          value: text,
          key: "column.duplicateHeader",
          params: { other: String(header[seenPatternCols.get(id) ?? 0] ?? "") },
        });
        return;
      }
      seenPatternCols.set(id, index);
      const ref = (patterns[pm.p.key] ??= { key: pm.p.key, columns: [] });
      ref.columns.push({ n: pm.n, index, header: text });
      return;
    }
    extraColumns.push({ index, header: text });
  });
  for (const ref of Object.values(patterns)) ref.columns.sort((a, b) => a.n - b.n);

  for (const c of def.columns) {
    if (c.required && !columns[c.key]) {
      problems.push({
        severity: "error",
        table: def.id,
        tableName,
        column: c.zh === c.en ? c.zh : `${c.zh} / ${c.en}`,
        key: "column.missing",
      });
    }
  }

  const colDefs = def.columns.filter((c) => columns[c.key]);
  const patternDefs = (def.patterns ?? []).filter((p) => patterns[p.key]);
  const firstSeen = new Map<string, Map<string, number>>();
  for (const c of colDefs) if (c.unique) firstSeen.set(c.key, new Map());

  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    let blank = true;
    for (let i = 0; i < cells.length; i++) {
      if (!isBlank(cells[i])) {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    const tableRow = headerRow + r;
    const rec: TableRecord = { row: tableRow, values: {}, lists: {}, extra: {} };

    for (const c of colDefs) {
      const ref = columns[c.key];
      const raw = cells[ref.index];
      const parsed = parseCell(c.type, raw, c, c.choices);
      if (parsed.problem) {
        problems.push({
          severity: "error",
          table: def.id,
          tableName,
          tableRow,
          columnIndex: ref.index,
          column: ref.header,
          value: raw,
          key: parsed.problem.key,
          params: parsed.problem.params,
        });
      }
      let v = parsed.value;
      if (c.type === "text" && typeof v === "string" && c.unique) v = v.normalize("NFKC");
      rec.values[c.key] = v;
      if (v === undefined && c.required && !parsed.problem) {
        problems.push({
          severity: "error",
          table: def.id,
          tableName,
          tableRow,
          columnIndex: ref.index,
          column: ref.header,
          value: raw,
          key: "cell.required",
        });
      }
      if (c.unique && v !== undefined) {
        const seen = firstSeen.get(c.key)!;
        const k = String(v);
        const first = seen.get(k);
        if (first !== undefined) {
          problems.push({
            severity: "error",
            table: def.id,
            tableName,
            tableRow,
            columnIndex: ref.index,
            column: ref.header,
            value: raw,
            key: "cell.duplicateId",
            params: { first },
          });
        } else {
          seen.set(k, tableRow);
        }
      }
    }

    for (const p of patternDefs) {
      const list: Parsed[] = [];
      for (const pc of patterns[p.key].columns) {
        const raw = cells[pc.index];
        const parsed = parseCell(p.type, raw, p);
        if (parsed.problem) {
          problems.push({
            severity: "error",
            table: def.id,
            tableName,
            tableRow,
            columnIndex: pc.index,
            column: pc.header,
            value: raw,
            key: parsed.problem.key,
            params: parsed.problem.params,
          });
        }
        list.push(parsed.value);
      }
      rec.lists[p.key] = list;
    }

    for (const ec of extraColumns) {
      const raw = cells[ec.index];
      if (!isBlank(raw)) rec.extra[ec.header] = raw;
    }
    result.records.push(rec);
  }

  return result;
}

/**
 * Problems for columns a model needs but the table lacks (the reader only enforces identity columns).
 *
 * @example requireColumns(staffRead, ["currentPay"], "薪酬套改") // => [] or one "column.missingFor" problem
 */
export function requireColumns(read: TableRead, keys: ReadonlyArray<string>, model: string): Problem[] {
  const out: Problem[] = [];
  for (const key of keys) {
    if (read.columns[key]) continue;
    const c = read.def.columns.find((x) => x.key === key);
    out.push({
      severity: "error",
      table: read.def.id,
      tableName: read.tableName,
      column: c ? `${c.zh} / ${c.en}` : key,
      key: "column.missingFor",
      params: { model },
    });
  }
  return out;
}

/** Reads an unknown (extra) column's cell as a number, with a problem when it is not one. */
export function extraNumber(
  read: TableRead,
  rec: TableRecord,
  header: string,
): { value: number | undefined; problem?: Problem } {
  const raw = rec.extra[header];
  const n = parseNumber(raw);
  if (n === null) {
    const col = read.extraColumns.find((c) => c.header === header);
    return {
      value: undefined,
      problem: {
        severity: "error",
        table: read.def.id,
        tableName: read.tableName,
        tableRow: rec.row,
        columnIndex: col?.index,
        column: header,
        value: raw,
        key: "cell.notNumber",
      },
    };
  }
  return { value: n };
}
