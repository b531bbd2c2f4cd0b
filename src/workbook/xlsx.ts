/**
 * .xlsx input and output, shared by the headless runner and the browser preview.
 *
 * Reading an .xlsx and adding result sheets to it go straight to the package (./ooxml.ts): the values are
 * scanned from the sheet XML and the result sheets are added as new parts, every part of the input copied
 * byte for byte, so nothing of the input is lost and 100k-row workbooks take seconds. exceljs builds new
 * workbooks (the sample, from table sources) and is the full object model the browser preview edits
 * (`loadWorkbook`, `workbookSources`, `addResultSheet`).
 *
 * No Node file system here: bytes in (ArrayBuffer / Uint8Array), bytes out (Uint8Array), so the same code
 * runs in a browser. Failures are values (`{ ok: false, key }` with a `cli.*` message key), never throws.
 *
 * Limits, known and accepted:
 * - Formulas are read as their cached results (what Excel last calculated); a file saved by a tool that does
 *   not store results reads as blanks there. A merged range's value is in its first cell only, as in Excel.
 * - Result sheets hold inline strings (Excel turns them into shared strings when it saves); charts cannot be
 *   created, so a note beside the table says which columns to chart. docProps/app.xml's list of sheet names
 *   is left as it was (Excel rebuilds it on save).
 * - Not read: zip64 packages (over 4 GB or 65,535 parts) and password-protected files (reported as such).
 *   Strict Open XML parts are found by relationship suffix (untested); sheets added to them use transitional types.
 * - exceljs (sample, preview) reads a table's header flag wrongly when Excel leaves `headerRowCount` out
 *   (fixed on load) and repeats a merged range's value in every cell of it.
 */
import ExcelJS from "exceljs";
import { t, columnLetter } from "../engine/messages";
import {
  formatForKind,
  HIGHLIGHT_FILL,
  safeSheetName,
  type ResultColumn,
  type ResultSheet,
  type RowHighlight,
} from "../engine/report";
import type { CellValue, Lang, Problem } from "../engine/types";
import type { TableSource } from "../engine/workbook";
import {
  ByteBuilder,
  escapeXml,
  openPackage,
  readPackage,
  type SheetGrid,
  type StyleBook,
  type TableRef,
  type ZipCodec,
} from "./ooxml";

export type XlsxBytes = ArrayBuffer | Uint8Array;

export type ReadXlsxResult = { ok: true; sources: TableSource[] } | { ok: false; key: XlsxErrorKey };

export type XlsxErrorKey = "cli.notXlsx" | "cli.encrypted" | "cli.truncated";

const MS_PER_DAY = 86_400_000;

function toUint8(data: XlsxBytes): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** A copy as a standalone ArrayBuffer (exceljs and JSZip want one; never a view on the caller's bytes). */
function toArrayBuffer(data: XlsxBytes): ArrayBuffer {
  const u = toUint8(data);
  return u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(u: Uint8Array, magic: ReadonlyArray<number>): boolean {
  if (u.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (u[i] !== magic[i]) return false;
  return true;
}

/** True when the UTF-16LE text occurs in the bytes (stream names inside a CFB container). */
function containsUtf16(u: Uint8Array, text: string): boolean {
  const pattern: number[] = [];
  for (const ch of text) pattern.push(ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8);
  outer: for (let i = 0; i + pattern.length <= u.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (u[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/** True when a zip's end-of-central-directory record (PK\x05\x06) is within its last 64 KiB + 22 bytes. */
function hasZipEnd(u: Uint8Array): boolean {
  const stop = Math.max(0, u.length - 65557);
  for (let i = u.length - 22; i >= stop; i--) {
    if (u[i] === 0x50 && u[i + 1] === 0x4b && u[i + 2] === 0x05 && u[i + 3] === 0x06) return true;
  }
  return false;
}

/**
 * What the bytes are, before handing them to exceljs: an .xlsx (zip), a password-protected workbook
 * (an encrypted OOXML package is a CFB container with an EncryptionInfo stream), a truncated zip, or
 * something else (including legacy .xls).
 *
 * @example sniffXlsx(new TextEncoder().encode("hello")) // => "cli.notXlsx"
 */
export function sniffXlsx(data: XlsxBytes): "zip" | XlsxErrorKey {
  const u = toUint8(data);
  if (startsWith(u, CFB_MAGIC)) {
    return containsUtf16(u, "EncryptionInfo") || containsUtf16(u, "EncryptedPackage") ? "cli.encrypted" : "cli.notXlsx";
  }
  if (!startsWith(u, [0x50, 0x4b, 0x03, 0x04])) return "cli.notXlsx";
  return hasZipEnd(u) ? "zip" : "cli.truncated";
}

/** Loads an exceljs workbook, or says why not. */
export async function loadWorkbook(
  data: XlsxBytes,
): Promise<{ ok: true; workbook: ExcelJS.Workbook } | { ok: false; key: XlsxErrorKey }> {
  const kind = sniffXlsx(data);
  if (kind !== "zip") return { ok: false, key: kind };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(toArrayBuffer(data));
  } catch {
    return { ok: false, key: "cli.notXlsx" };
  }
  if (workbook.worksheets.length === 0) return { ok: false, key: "cli.notXlsx" };
  fixLoadedTables(workbook);
  return { ok: true, workbook };
}

/**
 * exceljs 4.4 reads a table's header flag from `headerRowCount="1"`, but Excel leaves that attribute out
 * when it is 1 (the default), so tables saved by Excel come back as header-less and would be written
 * back with `headerRowCount="0"`. A table whose first row holds its column names has a header row.
 */
function fixLoadedTables(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    for (const table of sheetTables(ws)) {
      const model = tableModel(table);
      if (!model || model.headerRow) continue;
      const range = parseRange(model.tableRef);
      if (!range) continue;
      const names = (model.columns ?? []).map((c) => String(c.name ?? ""));
      const first = names.map((_, i) => cellText(normalizeCell(ws.getCell(range.top, range.left + i).value)));
      if (names.length > 0 && names.every((n, i) => n === first[i])) model.headerRow = true;
    }
  }
}

/** The Excel tables of a worksheet (exceljs keeps them in `tables`, which its typings do not declare). */
function sheetTables(ws: ExcelJS.Worksheet): unknown[] {
  return Object.values((ws as unknown as { tables?: Record<string, unknown> }).tables ?? {});
}

interface TableModelLike {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns?: { name?: string }[];
}

function tableModel(table: unknown): TableModelLike | undefined {
  const t = table as { table?: TableModelLike; model?: TableModelLike };
  return t?.table ?? t?.model;
}

/** "B3:D10" → 1-based bounds. */
function parseRange(ref: string | undefined): { top: number; left: number; bottom: number; right: number } | undefined {
  if (!ref) return undefined;
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return undefined;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const left = col(m[1]);
  const top = Number(m[2]);
  const right = m[3] ? col(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) : top;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/**
 * An exceljs cell value as a plain value: formula → its cached result, rich text → its text, hyperlink →
 * its text, error → the error text (e.g. "#N/A"), dates as Date.
 *
 * @example normalizeCell({ formula: "1+1", result: 2 }) // => 2
 * @example normalizeCell({ richText: [{ text: "张" }, { text: "三" }] }) // => "张三"
 */
export function normalizeCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) return normalizeCell(o.result);
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
    if ("error" in o) return String(o.error);
    if ("text" in o) return normalizeCell(o.text);
    if ("hyperlink" in o) return String(o.hyperlink);
  }
  return String(v);
}

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  return v instanceof Date ? v.toISOString() : String(v).trim();
}

/** The cells of a grid range as rows (0-based arrays). */
function rangeRows(grid: SheetGrid, top: number, left: number, bottom: number, right: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) {
    const values = grid.rows.get(r);
    const out: CellValue[] = new Array(right - left + 1);
    for (let c = left; c <= right; c++) out[c - left] = values?.[c] ?? null;
    rows.push(out);
  }
  return rows;
}

/** An exceljs worksheet as a grid of plain values and its tables. */
function worksheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows = new Map<number, CellValue[]>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const values = row.values as unknown[];
    const out: CellValue[] = [];
    if (Array.isArray(values)) for (let c = 1; c < values.length; c++) out[c] = normalizeCell(values[c]);
    rows.set(r, out);
  });
  const tables: TableRef[] = [];
  for (const table of sheetTables(ws)) {
    const model = tableModel(table);
    if (!model) continue;
    tables.push({
      name: model.name,
      ref: model.tableRef ?? model.ref ?? "",
      headerRow: model.headerRow === true,
      totalsRow: model.totalsRow === true,
    });
  }
  return { name: ws.name, rows, tables };
}

/**
 * The tables of a workbook's grids: every Excel table (ListObject) first, then every sheet whose first
 * non-empty row holds headers (at least one text cell), each with its sheet, header row and first column.
 */
export function gridSources(grids: ReadonlyArray<SheetGrid>): TableSource[] {
  const tables: TableSource[] = [];
  const sheets: TableSource[] = [];
  for (const grid of grids) {
    for (const table of grid.tables) {
      const range = parseRange(table.ref);
      if (!range || !table.headerRow) continue; // a table without a header row cannot be matched by names
      const bottom = table.totalsRow ? range.bottom - 1 : range.bottom;
      tables.push({
        name: table.name,
        sheet: grid.name,
        rows: rangeRows(grid, range.top, range.left, bottom, range.right),
        headerRow: range.top,
        firstColumn: range.left - 1,
      });
    }
    let headerRow = 0;
    let lastRow = 0;
    let left = Infinity;
    let right = 0;
    const numbers = [...grid.rows.keys()].sort((a, b) => a - b);
    for (const r of numbers) {
      const values = grid.rows.get(r)!;
      let any = false;
      let text = false;
      let lo = Infinity;
      let hi = 0;
      for (let c = 1; c < values.length; c++) {
        const v = values[c];
        if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
        any = true;
        if (typeof v === "string") text = true;
        if (c < lo) lo = c;
        hi = c;
      }
      if (!any) continue;
      if (headerRow === 0) {
        if (!text) continue;
        headerRow = r;
        left = lo;
      }
      lastRow = r;
      if (hi > right) right = hi;
    }
    // A sheet that is just one Excel table (same header cell) is already a source: do not read it twice.
    const sameAsTable = tables.some(
      (tb) => tb.sheet === grid.name && tb.headerRow === headerRow && tb.firstColumn === left - 1,
    );
    if (headerRow > 0 && !sameAsTable) {
      sheets.push({
        name: grid.name,
        sheet: grid.name,
        rows: rangeRows(grid, headerRow, left, lastRow, right),
        headerRow,
        firstColumn: left - 1,
      });
    }
  }
  return [...tables, ...sheets];
}

/** The tables of a loaded exceljs workbook (as `gridSources`). */
export function workbookSources(workbook: ExcelJS.Workbook): TableSource[] {
  return gridSources(workbook.worksheets.map(worksheetGrid));
}

/**
 * Reads an .xlsx into table sources for `identifyTables`.
 *
 * @example
 * const r = await readXlsx(bytes);
 * if (r.ok) readTables(identifyTables(r.sources)); else console.log(t(r.key, "en"));
 */
export async function readXlsx(data: XlsxBytes): Promise<ReadXlsxResult> {
  const kind = sniffXlsx(data);
  if (kind !== "zip") return { ok: false, key: kind };
  const read = await readPackage(toArrayBuffer(data));
  if (!read.ok) return read;
  return { ok: true, sources: gridSources(read.sheets) };
}

// ------------------------------------------------------------------------------------------- output

/** ARGB fills (exceljs) of the shared highlight colours. */
const FILLS: Record<RowHighlight["style"], string> = {
  bad: `FF${HIGHLIGHT_FILL.bad.slice(1)}`,
  warn: `FF${HIGHLIGHT_FILL.warn.slice(1)}`,
  good: `FF${HIGHLIGHT_FILL.good.slice(1)}`,
};

/** Excel number format of a result column (the shared formats; text cells keep General). */
export function numberFormat(col: ResultColumn): string | undefined {
  if (col.kind === "text") return undefined;
  return formatForKind(col.kind, col.decimals) ?? undefined;
}

/** Display width of text: CJK and full-width characters count double. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

function displayWidth(v: CellValue, col: ResultColumn): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === "number") {
    if (col.kind === "money")
      return v.toFixed(2).length + Math.floor((String(Math.trunc(Math.abs(v))).length - 1) / 3) + 1;
    if (col.kind === "percent") return (v * 100).toFixed(1).length + 1;
    if (col.kind === "date") return 10;
    return col.kind === "number" ? v.toFixed(col.decimals ?? 2).length : String(v).length;
  }
  if (v instanceof Date) return 10;
  return textWidth(String(v));
}

/** Excel's day 0 in the 1900 date system (serial 1 = 1900-01-01, counting Excel's phantom 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * An Excel serial day number (1900 system, as Office.js reads and writes dates) as a UTC date.
 *
 * @example excelSerialToDate(45658) // => 2025-01-01T00:00:00.000Z
 */
export function excelSerialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * MS_PER_DAY));
}

/** A result cell as exceljs takes it: Excel serial numbers in date columns become dates. */
export function outputCell(v: CellValue, col: ResultColumn): ExcelJS.CellValue {
  if (v === undefined) return null;
  if (col.kind === "date" && typeof v === "number") return excelSerialToDate(v);
  return v as ExcelJS.CellValue;
}

function uniqueSheetName(workbook: ExcelJS.Workbook, wanted: string): string {
  return uniqueName(
    workbook.worksheets.map((w) => w.name),
    wanted,
  );
}

/** Adds one result sheet: header bold and frozen, formats, widths, row fills, notes beside the table. */
export function addResultSheet(workbook: ExcelJS.Workbook, sheet: ResultSheet, lang: Lang): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(uniqueSheetName(workbook, sheet.name), {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1 }],
  });
  const sample = sheet.rows.length > 500 ? sheet.rows.slice(0, 500) : sheet.rows;
  ws.columns = sheet.columns.map((col, i) => {
    let width = textWidth(col.header);
    for (const r of sample) width = Math.max(width, displayWidth(r[i], col));
    const numFmt = numberFormat(col);
    return {
      header: col.header,
      key: `c${i}`,
      width: Math.min(50, Math.max(8, width + 2)),
      style: numFmt ? { numFmt } : {},
    };
  });
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle" };
  for (const r of sheet.rows) ws.addRow(sheet.columns.map((col, i) => outputCell(r[i], col)));
  if (sheet.columns.length > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  for (const h of sheet.highlights ?? []) {
    const fill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILLS[h.style] } };
    for (const r of h.rows) {
      if (r < 0 || r >= sheet.rows.length) continue;
      const row = ws.getRow(r + 2);
      for (let c = 1; c <= sheet.columns.length; c++) row.getCell(c).fill = fill;
    }
  }
  const notes = [...(sheet.notes ?? [])];
  for (const chart of sheet.charts ?? []) {
    const series = chart.seriesColumns.map((i) => sheet.columns[i]?.header ?? String(i)).join(", ");
    notes.push(
      t("cli.chartNote", lang, {
        title: chart.title,
        type: t(`cli.chart.${chart.type}`, lang),
        category: sheet.columns[chart.categoryColumn]?.header ?? "",
        series,
      }),
    );
  }
  if (notes.length > 0) {
    const c = sheet.columns.length + 2;
    const head = ws.getCell(1, c);
    head.value = t("cli.notesHeader", lang);
    head.font = { bold: true };
    notes.forEach((line, i) => {
      ws.getCell(i + 2, c).value = line;
    });
    ws.getColumn(c).width = Math.min(100, Math.max(12, ...notes.map((n) => textWidth(n) + 2)));
  }
  return ws;
}

/** A valid Excel table name from any text: letters, digits, underscores and dots, starting with a letter. */
function excelTableName(name: string, taken: Set<string>): string {
  let n = name.normalize("NFKC").replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (!/^[\p{L}_]/u.test(n)) n = `_${n}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(n) || /^[rc]$/i.test(n)) n = `_${n}`;
  let out = n;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${n}_${i}`;
  taken.add(out.toLowerCase());
  return out;
}

export interface WriteOptions {
  /** When writing table sources: make each an Excel table (ListObject), as the add-in expects (default true). */
  asTables?: boolean;
  /** When adding sheets to .xlsx bytes: the compression of the new parts (Node passes zlib's). */
  codec?: ZipCodec;
}

/** A new workbook holding the sources as sheets (one per source, header in A1). */
function sourcesWorkbook(sources: ReadonlyArray<TableSource>, options: WriteOptions): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const tableNames = new Set<string>();
  for (const src of sources) {
    const ws = workbook.addWorksheet(uniqueSheetName(workbook, src.sheet || src.name), {
      views: [{ state: "frozen", xSplit: 0, ySplit: 1 }],
    });
    const header = src.rows[0] ?? [];
    const width = src.rows.reduce((m, r) => Math.max(m, r.length), 0);
    const headerNames = Array.from({ length: width }, (_, i) => cellText(header[i] ?? null));
    const tableable =
      options.asTables !== false &&
      src.rows.length > 1 &&
      width > 0 &&
      headerNames.every((h) => h !== "") &&
      new Set(headerNames.map((h) => h.toLowerCase())).size === width;
    const body = src.rows
      .slice(1)
      .map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? null) as ExcelJS.CellValue));
    if (tableable) {
      ws.addTable({
        name: excelTableName(src.name, tableNames),
        ref: "A1",
        headerRow: true,
        totalsRow: false,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: headerNames.map((name) => ({ name, filterButton: true })),
        rows: body,
      });
    } else {
      ws.addRow(headerNames);
      for (const r of body) ws.addRow(r);
    }
    ws.getRow(1).font = { bold: true };
    const sample = src.rows.slice(0, 200);
    for (let i = 0; i < width; i++) {
      let w = 6;
      for (const r of sample) w = Math.max(w, textWidth(cellText(r[i] ?? null).slice(0, 10)));
      ws.getColumn(i + 1).width = Math.min(40, w + 3);
      const first = body.find((r) => r[i] !== null && r[i] !== undefined)?.[i];
      if (first instanceof Date) ws.getColumn(i + 1).numFmt = "yyyy-mm-dd";
    }
  }
  return workbook;
}

/**
 * Writes a workbook: the input (the original .xlsx bytes, whose sheets are kept as they are, or table
 * sources such as the sample, written one sheet each) plus one sheet per result.
 * exceljs cannot create charts: a chart's data is in its sheet and a note says how to chart it.
 *
 * @example
 * const out = await writeXlsx(inputBytes, sheets, "zh"); // input sheets unchanged + result sheets
 * const sample = await writeXlsx(sources, [], "zh");     // a new workbook of tables
 */
export async function writeXlsx(
  input: XlsxBytes | ReadonlyArray<TableSource>,
  sheets: ReadonlyArray<ResultSheet>,
  lang: Lang,
  options: WriteOptions = {},
): Promise<Uint8Array> {
  if (!Array.isArray(input)) return addResultSheets(input as XlsxBytes, sheets, lang, options.codec);
  const workbook = sourcesWorkbook(input as ReadonlyArray<TableSource>, options);
  for (const sheet of sheets) addResultSheet(workbook, sheet, lang);
  const out = await workbook.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

/**
 * The input .xlsx with the result sheets added: every part of the input kept byte for byte (values,
 * formats, tables, charts, anything), the result sheets laid out as `addResultSheet` does (bold frozen
 * header, number formats, widths, filter, row fills, notes beside the table).
 *
 * @example const out = await addResultSheets(inputBytes, run.sheets("zh"), "zh");
 */
export async function addResultSheets(
  input: XlsxBytes,
  sheets: ReadonlyArray<ResultSheet>,
  lang: Lang,
  codec?: ZipCodec,
): Promise<Uint8Array> {
  const kind = sniffXlsx(input);
  if (kind !== "zip") throw new XlsxError(kind);
  let pkg;
  try {
    pkg = await openPackage(toUint8(input), codec);
  } catch {
    pkg = undefined;
  }
  if (!pkg) throw new XlsxError("cli.notXlsx");
  for (const sheet of sheets) {
    const name = uniqueName(pkg.sheetNames, sheet.name);
    const n = sheet.columns.length;
    pkg.addSheet(name, resultSheetXml(sheet, lang, pkg.styles), n > 0 ? `A1:${columnLetter(n - 1)}1` : undefined);
  }
  return pkg.bytes();
}

/** A result sheet as worksheet XML in UTF-8 (inline strings; styles registered in the package's styles). */
export function resultSheetXml(sheet: ResultSheet, lang: Lang, styles: StyleBook): Uint8Array {
  const cols = sheet.columns;
  const n = cols.length;
  const letters = Array.from({ length: n + 2 }, (_, i) => columnLetter(i));
  const header = styles.id({ bold: true, middle: true });
  const fills = new Map<number, string>();
  for (const h of sheet.highlights ?? []) {
    for (const r of h.rows) if (r >= 0 && r < sheet.rows.length) fills.set(r, FILLS[h.style]);
  }
  const plain = cols.map((c) => styles.id({ numFmt: numberFormat(c) }));
  const filled = new Map<string, number[]>();
  const styleRow = (fill: string | undefined): number[] => {
    if (!fill) return plain;
    let ids = filled.get(fill);
    if (!ids) filled.set(fill, (ids = cols.map((c) => styles.id({ numFmt: numberFormat(c), fill }))));
    return ids;
  };

  const notes = [...(sheet.notes ?? [])];
  for (const chart of sheet.charts ?? []) {
    const series = chart.seriesColumns.map((i) => cols[i]?.header ?? String(i)).join(", ");
    notes.push(
      t("cli.chartNote", lang, {
        title: chart.title,
        type: t(`cli.chart.${chart.type}`, lang),
        category: cols[chart.categoryColumn]?.header ?? "",
        series,
      }),
    );
  }
  const noteCol = n + 1; // 0-based: one blank column after the table
  const noteCell = (r: number, text: string, s?: number): string =>
    `<c r="${letters[noteCol]}${r}"${s === undefined ? "" : ` s="${s}"`} t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;

  const sample = sheet.rows.length > 500 ? sheet.rows.slice(0, 500) : sheet.rows;
  const widths = cols.map((col, i) => {
    let w = textWidth(col.header);
    for (const r of sample) w = Math.max(w, displayWidth(r[i], col));
    return Math.min(50, Math.max(8, w + 2));
  });
  const parts = new ByteBuilder();
  parts.add(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
  );
  const lastRow = Math.max(sheet.rows.length + 1, notes.length > 0 ? notes.length + 1 : 1);
  const lastCol = notes.length > 0 ? noteCol : Math.max(0, n - 1);
  parts.add(`<dimension ref="A1:${letters[lastCol]}${lastRow}"/>`);
  parts.add(
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
  );
  parts.add('<sheetFormatPr defaultRowHeight="15"/>');
  const colXml = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
  if (notes.length > 0) {
    const w = Math.min(100, Math.max(12, ...notes.map((x) => textWidth(x) + 2)));
    colXml.push(`<col min="${noteCol + 1}" max="${noteCol + 1}" width="${w}" customWidth="1"/>`);
  }
  if (colXml.length > 0) parts.add(`<cols>${colXml.join("")}</cols>`);
  parts.add("<sheetData>");
  let row = `<row r="1">`;
  for (let i = 0; i < n; i++) {
    row += `<c r="${letters[i]}1" s="${header}" t="inlineStr"><is><t>${escapeXml(cols[i].header)}</t></is></c>`;
  }
  if (notes.length > 0) row += noteCell(1, t("cli.notesHeader", lang), header);
  parts.add(`${row}</row>`);
  const rows = sheet.rows;
  for (let k = 0; k < lastRow - 1; k++) {
    const r = k + 2;
    const values = rows[k];
    parts.add(`<row r="${r}">`);
    if (values) {
      const fill = fills.get(k);
      const ids = styleRow(fill);
      for (let i = 0; i < n; i++) {
        const cell = cellXml(values[i], `${letters[i]}${r}`, ids[i]);
        if (cell !== undefined) parts.add(cell);
        else if (fill) parts.add(`<c r="${letters[i]}${r}" s="${ids[i]}"/>`);
      }
    }
    if (k < notes.length) parts.add(noteCell(r, notes[k]));
    parts.add("</row>");
  }
  parts.add("</sheetData>");
  if (n > 0) parts.add(`<autoFilter ref="A1:${letters[n - 1]}1"/>`);
  parts.add('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  parts.add("</worksheet>");
  return parts.bytes();
}

/** One cell's XML, or undefined for an empty cell. Date columns hold Excel serials already. */
function cellXml(v: CellValue, ref: string, s: number): string | undefined {
  if (v === null || v === undefined) return undefined;
  const st = s === 0 ? "" : ` s="${s}"`;
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${st}><v>${v}</v></c>` : undefined;
  if (typeof v === "boolean") return `<c r="${ref}"${st} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date) {
    const serial = (v.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
    return Number.isFinite(serial) ? `<c r="${ref}"${st}><v>${serial}</v></c>` : undefined;
  }
  const text = String(v);
  const space = text.length > 0 && text.trim().length !== text.length ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${st} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

function uniqueName(taken: ReadonlyArray<string>, wanted: string): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  const base = safeSheetName(wanted) || "Sheet";
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** Thrown only by `writeXlsx` when given bytes that `readXlsx` would have refused. */
export class XlsxError extends Error {
  constructor(readonly key: XlsxErrorKey) {
    super(key);
  }
}

/** A sheet name as Excel writes it in a reference: quoted when it holds anything but letters and digits. */
export function sheetRef(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * The worksheet address of a problem: `Sheet!C5` for a cell, `Sheet!C1` for a column's header,
 * `Sheet!5:5` for a row, `Sheet` for a table; undefined when its table is not among the sources.
 *
 * @example problemAddress({ severity: "error", table: "staff", tableName: "人员", tableRow: 7, columnIndex: 9,
 *   key: "cell.notNumber" }, [{ name: "人员", sheet: "人员", rows: [] }]) // => "人员!J7"
 */
export function problemAddress(problem: Problem, sources: ReadonlyArray<TableSource>): string | undefined {
  const src =
    sources.find((s) => s.name === problem.tableName) ??
    (problem.tableName === undefined ? undefined : sources.find((s) => s.sheet === problem.tableName));
  if (!src) return undefined;
  const sheet = sheetRef(src.sheet);
  const first = src.firstColumn ?? 0;
  if (problem.tableRow !== undefined && problem.columnIndex !== undefined) {
    return `${sheet}!${columnLetter(first + problem.columnIndex)}${problem.tableRow}`;
  }
  if (problem.columnIndex !== undefined)
    return `${sheet}!${columnLetter(first + problem.columnIndex)}${src.headerRow ?? 1}`;
  if (problem.tableRow !== undefined) return `${sheet}!${problem.tableRow}:${problem.tableRow}`;
  return sheet;
}
