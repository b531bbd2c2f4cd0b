/**
 * What both hosts agree on, as pure functions: block sizes, number formats, highlight colours, sheet and
 * table naming, which sheets are protected as inputs, and the checks run before any write.
 */
import { formatForKind, type ResultColumn, type ResultSheet } from "../engine/report";
import { TABLES } from "../engine/schema";
import { matchesTableName } from "../engine/tableReader";
import type { CellValue } from "../engine/types";
import { HostError } from "./errors";

/** At most this many rows per round trip (Office.js `context.sync()`), reading or writing. */
export const MAX_BLOCK_ROWS = 10_000;
/** At most this many cells per round trip: keeps each request well under Excel on the web's 5 MB. */
export const MAX_BLOCK_CELLS = 200_000;
/** Formatting operations (fills of row runs) per round trip. */
export const MAX_FORMAT_OPS = 2_000;

/** Prefix of the Excel tables this add-in writes for results: a sheet holding one is ours to replace. */
export const RESULT_TABLE_PREFIX = "SR_";

/** A run of rows: `start` (0-based) and `count`. */
export interface Block {
  start: number;
  count: number;
}

/**
 * Splits `rows` rows of `columns` columns into blocks of at most MAX_BLOCK_ROWS rows and
 * MAX_BLOCK_CELLS cells.
 *
 * @example rowBlocks(25_000, 10) // => [{start:0,count:10000},{start:10000,count:10000},{start:20000,count:5000}]
 */
export function rowBlocks(rows: number, columns: number): Block[] {
  const size = Math.max(1, Math.min(MAX_BLOCK_ROWS, Math.floor(MAX_BLOCK_CELLS / Math.max(1, columns))));
  const out: Block[] = [];
  for (let start = 0; start < rows; start += size) out.push({ start, count: Math.min(size, rows - start) });
  return out;
}

/**
 * Groups consecutive blocks into round trips of at most MAX_BLOCK_ROWS rows and MAX_BLOCK_CELLS cells
 * (a block already within the limits is never split), so many small tables share one round trip.
 *
 * @example groupBlocks([{rows: 300, columns: 5}, {rows: 10000, columns: 5}]).map((g) => g.length) // => [1, 1]
 */
export function groupBlocks<T extends { rows: number; columns: number }>(blocks: ReadonlyArray<T>): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let rows = 0;
  let cells = 0;
  for (const b of blocks) {
    const c = b.rows * b.columns;
    if (current.length > 0 && (rows + b.rows > MAX_BLOCK_ROWS || cells + c > MAX_BLOCK_CELLS)) {
      groups.push(current);
      current = [];
      rows = 0;
      cells = 0;
    }
    current.push(b);
    rows += b.rows;
    cells += c;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Runs of consecutive row indexes, for filling highlighted rows with few range operations.
 *
 * @example rowRuns([5, 1, 2, 3, 9]) // => [{start:1,count:3},{start:5,count:1},{start:9,count:1}]
 */
export function rowRuns(rows: ReadonlyArray<number>): Block[] {
  const sorted = [...new Set(rows)].filter((r) => Number.isInteger(r) && r >= 0).sort((a, b) => a - b);
  const out: Block[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.start + last.count === r) last.count++;
    else out.push({ start: r, count: 1 });
  }
  return out;
}

/** Number format code of a result column; `null` leaves Excel's General format. */
export function numberFormatFor(column: ResultColumn): string | null {
  return formatForKind(column.kind, column.decimals);
}

// One definition of formats and fills for every writer lives beside ResultSheet.
export { formatForKind, HIGHLIGHT_FILL } from "../engine/report";

/** Excel's 1900-system serial of a Date (days since 1899-12-30, UTC, with the time as a fraction). */
export function dateToSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

/** True when a (sheet or table) name is one the engine reads as an input table (schema.ts names). */
export function isInputTableName(name: string): boolean {
  return Object.values(TABLES).some((def) => matchesTableName(def, name));
}

/** True when an Excel table name is one this add-in gives to result tables. */
export function isResultTableName(name: string): boolean {
  return name.toUpperCase().startsWith(RESULT_TABLE_PREFIX);
}

/** Throws "host.badSheetName" unless `name` can be a sheet name as it is. */
export function checkSheetName(name: string): void {
  if (
    name.length === 0 ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.trim() !== name ||
    name.toLowerCase() === "history"
  ) {
    throw new HostError("host.badSheetName", { sheet: name });
  }
}

/**
 * A valid Excel table name made from `base` (letters, digits, "_" and "."; not a cell reference),
 * distinct (case-insensitively) from every name in `taken`; the name is added to `taken`.
 *
 * @example tableName("Staff list", new Set()) // => "Staff_list"
 */
export function tableName(base: string, taken: Set<string>): string {
  let name = base.normalize("NFKC").replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (!/^[\p{L}_]/u.test(name)) name = `_${name}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) name = `_${name}`;
  name = name.slice(0, 250);
  let candidate = name;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${name}_${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** What a host knows about one existing sheet before a write. */
export interface ExistingSheet {
  name: string;
  /** Names of the Excel tables on it. */
  tables: string[];
}

/**
 * True when a sheet must never be written to or replaced by results: it holds any Excel table this
 * add-in did not write (user data, input tables included), or it holds none of ours and its name is an
 * input table's name. A sheet holding only our result tables is an earlier result, whatever its name
 * (e.g. the "Pool" result sheet, whose name is also an alias of the pool ledger).
 *
 * @example isProtectedSheet({ name: "人员", tables: [] }) // => true
 * @example isProtectedSheet({ name: "Pool", tables: ["SR_pool"] }) // => false
 */
export function isProtectedSheet(sheet: ExistingSheet): boolean {
  if (sheet.tables.some((t) => !isResultTableName(t))) return true;
  return sheet.tables.length === 0 && isInputTableName(sheet.name);
}

/**
 * Checks a set of sheets to write against the workbook, before anything changes: valid and distinct
 * names; for results, no protected (input) sheet; an existing sheet only with `replace`.
 * Returns the existing sheets to replace (as they are named in the workbook).
 */
export function planWrite(
  names: ReadonlyArray<string>,
  existing: ReadonlyArray<ExistingSheet>,
  options: { replace: boolean; results: boolean },
): ExistingSheet[] {
  const seen = new Set<string>();
  for (const name of names) {
    checkSheetName(name);
    const key = name.toLowerCase();
    if (seen.has(key)) throw new HostError("host.duplicateSheet", { sheet: name });
    seen.add(key);
  }
  const replaced: ExistingSheet[] = [];
  for (const name of names) {
    const old = existing.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!old) continue;
    if (options.results && isProtectedSheet(old)) throw new HostError("host.inputSheet", { sheet: old.name });
    if (!options.replace) throw new HostError("host.sheetExists", { sheet: old.name });
    replaced.push(old);
  }
  return replaced;
}

/** The names of existing sheets among `names` (case-insensitive, as Excel compares), in the order given. */
export function namesThatExist(names: ReadonlyArray<string>, sheetNames: ReadonlyArray<string>): string[] {
  const have = new Set(sheetNames.map((n) => n.toLowerCase()));
  return names.filter((n) => have.has(n.toLowerCase()));
}

/** True when the first row holds at least one text header: the test for "a sheet with a header row". */
export function hasHeaderRow(rows: ReadonlyArray<ReadonlyArray<CellValue>>): boolean {
  const first = rows[0];
  return !!first && first.some((v) => typeof v === "string" && v.trim() !== "");
}

/** Total data rows of result sheets (the unit of write progress). */
export function totalRows(sheets: ReadonlyArray<Pick<ResultSheet, "rows">>): number {
  return sheets.reduce((s, sh) => s + sh.rows.length, 0);
}
