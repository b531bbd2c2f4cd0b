/**
 * The browser preview's workbook host: the user's .xlsx held in memory as an exceljs workbook, behind
 * the same interface as Office.js, plus `download()` for the result workbook. No file system: bytes in,
 * bytes out, so it bundles for the browser.
 *
 * Reading goes through src/workbook (`loadWorkbook`, `workbookSources`); writing lays sheets out with the
 * same `SheetJob`s as the Office host (src/host/jobs.ts): one Excel table per sheet, number formats,
 * fills, frozen header, widths, notes beside the table; charts become a note (exceljs cannot draw them).
 */
import ExcelJS from "exceljs";
import { t } from "../engine/messages";
import type { ResultSheet } from "../engine/report";
import type { CellValue, Lang } from "../engine/types";
import type { TableSource } from "../engine/workbook";
import { HostError, throwIfAborted } from "../host/errors";
import { besideColumn, insertJob, resultJob, VALIDATION_MIN_ROWS, type SheetJob } from "../host/jobs";
import { MAX_BLOCK_ROWS, namesThatExist, planWrite, tableName, type ExistingSheet } from "../host/layout";
import type { InsertTable, PreviewWorkbookHost, ProgressFn, WriteOptions } from "../host/types";
import { loadWorkbook, workbookSources, type XlsxBytes } from "../workbook/xlsx";

/** Where `selectCell` last went (the preview has no grid to show it; the UI may display it). */
export interface PreviewSelection {
  sheet: string;
  /** 1-based. */
  row: number;
  /** 0-based. */
  column: number;
}

/** Lets the page repaint (progress bar, cancel button) between blocks. */
const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class PreviewHost implements PreviewWorkbookHost {
  readonly kind = "preview" as const;
  private lastSelection: PreviewSelection | null = null;

  constructor(
    private readonly workbook: ExcelJS.Workbook,
    /** Language of the notes the host writes itself (chart notes). */
    public lang: Lang = "zh",
  ) {}

  /**
   * Opens .xlsx bytes (e.g. from `await file.arrayBuffer()`). Throws HostError "host.notXlsx" for a file
   * that is not a readable workbook (legacy .xls, password-protected, truncated, other files).
   */
  static async open(data: XlsxBytes, lang: Lang = "zh"): Promise<PreviewHost> {
    const loaded = await loadWorkbook(data);
    if (!loaded.ok) throw new HostError("host.notXlsx", { reason: t(loaded.key, lang) });
    return new PreviewHost(loaded.workbook, lang);
  }

  /** An empty workbook, e.g. to insert the sample workbook without opening a file. */
  static blank(lang: Lang = "zh"): PreviewHost {
    return new PreviewHost(new ExcelJS.Workbook(), lang);
  }

  /** Where the last `selectCell` went, or null. */
  get selection(): PreviewSelection | null {
    return this.lastSelection;
  }

  async listTables(onProgress?: ProgressFn, signal?: AbortSignal): Promise<TableSource[]> {
    throwIfAborted(signal);
    const sources = workbookSources(this.workbook);
    const rows = sources.reduce((s, src) => s + src.rows.length, 0);
    onProgress?.(rows, rows);
    return sources;
  }

  /**
   * The table holding the last selected cell (`selection`): the first of the workbook's tables (Excel
   * tables first, then sheets with a header row) on that sheet whose rectangle contains it; else null.
   */
  async selectionTable(): Promise<TableSource | null> {
    const at = this.lastSelection;
    if (!at) return null;
    const sheet = at.sheet.toLowerCase();
    return (
      workbookSources(this.workbook).find((src) => {
        const top = src.headerRow ?? 1;
        const left = src.firstColumn ?? 0;
        const width = src.rows.reduce((w, r) => Math.max(w, r.length), 0);
        return (
          src.sheet.toLowerCase() === sheet &&
          at.row >= top &&
          at.row < top + src.rows.length &&
          at.column >= left &&
          at.column < left + width
        );
      }) ?? null
    );
  }

  async existingSheets(names: string[]): Promise<string[]> {
    return namesThatExist(
      names,
      this.workbook.worksheets.map((ws) => ws.name),
    );
  }

  async writeResults(sheets: ResultSheet[], options: WriteOptions): Promise<void> {
    const lang = options.lang ?? this.lang;
    const jobs = sheets.map((sheet) => withChartNotes(resultJob(sheet), sheet, lang));
    await this.writeJobs(jobs, { ...options, results: true });
  }

  async insertTables(tables: InsertTable[], options: WriteOptions): Promise<void> {
    await this.writeJobs(tables.map(insertJob), { ...options, results: false });
  }

  async selectCell(sheet: string, row: number, column: number): Promise<void> {
    if (!Number.isInteger(row) || row < 1 || !Number.isInteger(column) || column < 0) {
      throw new RangeError(`No cell at row ${row}, column ${column}`);
    }
    const ws = this.sheet(sheet);
    if (!ws) throw new HostError("host.sheetMissing", { sheet });
    const address = ws.getCell(row, column + 1).address;
    const frozen = ws.views?.[0]?.state === "frozen" ? { state: "frozen" as const, xSplit: 0, ySplit: 1 } : {};
    ws.views = [{ ...frozen, activeCell: address }];
    const tab = this.workbook.worksheets.indexOf(ws);
    this.workbook.views = [
      { x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: tab, visibility: "visible" },
    ];
    this.lastSelection = { sheet: ws.name, row, column };
  }

  async download(): Promise<Uint8Array> {
    if (this.workbook.worksheets.length === 0) throw new HostError("host.noWorkbook");
    const out = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(out as ArrayBuffer);
  }

  private sheet(name: string): ExcelJS.Worksheet | undefined {
    return this.workbook.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
  }

  private inventory(): ExistingSheet[] {
    // exceljs keeps a sheet's tables keyed by name (`worksheet.tables`, missing from its typings).
    return this.workbook.worksheets.map((ws) => ({
      name: ws.name,
      tables: Object.keys((ws as unknown as { tables?: Record<string, unknown> }).tables ?? {}),
    }));
  }

  /** Checks everything first (nothing changes if a check fails), then replaces and writes each sheet. */
  private async writeJobs(jobs: SheetJob[], options: WriteOptions & { results: boolean }): Promise<void> {
    throwIfAborted(options.signal);
    const existing = this.inventory();
    const replaced = planWrite(
      jobs.map((j) => j.name),
      existing,
      options,
    );
    const replacedNames = new Set(replaced.map((s) => s.name));
    const taken = new Set(
      existing.filter((s) => !replacedNames.has(s.name)).flatMap((s) => s.tables.map((n) => n.toLowerCase())),
    );
    const tableNames = jobs.map((j) => tableName(j.tableBase, taken));
    const total = jobs.reduce((s, j) => s + j.rows.length + 1, 0);
    let done = 0;
    options.onProgress?.(0, total);

    // Prepare every sheet's cells first (the long part, in blocks that can be cancelled)...
    const bodies: ExcelJS.CellValue[][][] = [];
    for (const job of jobs) {
      const body: ExcelJS.CellValue[][] = [];
      for (let start = 0; start < job.rows.length; start += MAX_BLOCK_ROWS) {
        throwIfAborted(options.signal);
        const end = Math.min(job.rows.length, start + MAX_BLOCK_ROWS);
        for (let r = start; r < end; r++) body.push(xlsxRow(job.rows[r], job.width));
        done += end - start;
        options.onProgress?.(done, total);
        await yieldToUi();
      }
      bodies.push(body);
    }
    throwIfAborted(options.signal);
    // ...then change the workbook in one go, so a cancel leaves it as it was.
    for (const old of replaced) {
      const ws = this.sheet(old.name);
      if (ws) this.workbook.removeWorksheet(ws.id);
    }
    jobs.forEach((job, j) => addSheet(this.workbook, job, tableNames[j], bodies[j]));
    options.onProgress?.(total, total);
  }
}

/** The job with a note per chart (the preview writes the chart's data, not the chart). */
function withChartNotes(job: SheetJob, sheet: ResultSheet, lang: Lang): SheetJob {
  const notes = [...job.notes];
  for (const chart of job.charts) {
    notes.push(
      t("host.chartNote", lang, {
        title: chart.title,
        category: sheet.columns[chart.categoryColumn].header,
        series: chart.seriesColumns.map((c) => `“${sheet.columns[c].header}”`).join(lang === "zh" ? "、" : ", "),
      }),
    );
  }
  return { ...job, notes };
}

/** A row as exceljs takes it: blanks as null, padded or cut to `width`. */
function xlsxRow(row: ReadonlyArray<CellValue>, width: number): ExcelJS.CellValue[] {
  const out: ExcelJS.CellValue[] = new Array(width);
  for (let c = 0; c < width; c++) {
    const v = row[c];
    out[c] = v === undefined || (typeof v === "number" && !Number.isFinite(v)) ? null : v;
  }
  return out;
}

/** Display width of text: CJK and full-width characters count double. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/.test(ch) ? 2 : 1;
  return w;
}

/** Approximate width of a cell as Excel shows it with its number format. */
function shownWidth(v: ExcelJS.CellValue, format: string | null): number {
  if (v === null || v === undefined) return 0;
  if (v instanceof Date || format === "yyyy-mm-dd") return 10;
  if (typeof v === "number") {
    if (!format || format === "@") return String(v).length;
    const decimals = /\.(0+)/.exec(format)?.[1].length ?? 0;
    const s = (format.endsWith("%") ? v * 100 : v).toFixed(decimals);
    const digits = s.split(".")[0].replace("-", "").length;
    const commas = format.includes(",") ? Math.floor((digits - 1) / 3) : 0;
    return s.length + commas + (format.startsWith("¥") || format.endsWith("%") ? 1 : 0);
  }
  return textWidth(String(v));
}

/** One sheet: an Excel table at A1 with formats, fills, widths, frozen header, lists and notes. */
function addSheet(workbook: ExcelJS.Workbook, job: SheetJob, name: string, body: ExcelJS.CellValue[][]): void {
  const ws = workbook.addWorksheet(job.name, { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  const headers = job.header.map((h, c) => (h === null || h === undefined || h === "" ? `Column${c + 1}` : String(h)));
  const unique = new Set(headers.map((h) => h.toLowerCase())).size === headers.length;
  const numFmt = (c: number): string | undefined => job.formats[c] ?? undefined;
  if (job.width > 0 && unique) {
    ws.addTable({
      name,
      ref: "A1",
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: headers.map((h, c) => ({ name: h, filterButton: true, style: numFmt(c) ? { numFmt: numFmt(c) } : {} })),
      // Excel tables hold at least one data row (an empty template gets a blank one, as Excel does).
      rows: body.length > 0 ? body : [new Array(job.width).fill(null)],
    });
  } else {
    // Headers that cannot name table columns (blank or repeated): a plain range with a filter.
    ws.addRow(headers);
    for (const r of body) ws.addRow(r);
    body.forEach((_, r) => {
      for (let c = 0; c < job.width; c++) if (numFmt(c)) ws.getCell(r + 2, c + 1).numFmt = numFmt(c)!;
    });
    if (job.width > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: job.width } };
  }
  ws.getRow(1).font = { bold: true };
  for (const { run, color } of job.fills) {
    const fill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${color.slice(1)}` } };
    for (let r = run.start; r < run.start + run.count; r++) {
      for (let c = 0; c < job.width; c++) ws.getCell(r + 2, c + 1).fill = fill;
    }
  }
  for (const v of job.validation) {
    const rows = Math.max(body.length, VALIDATION_MIN_ROWS);
    const formula = `"${v.list.join(",")}"`;
    for (let r = 0; r < rows; r++) {
      ws.getCell(r + 2, v.column + 1).dataValidation = { type: "list", allowBlank: true, formulae: [formula] };
    }
  }
  // Autofit: the widest of the header and the first 500 rows as shown.
  const sample = body.length > 500 ? body.slice(0, 500) : body;
  for (let c = 0; c < job.width; c++) {
    let width = textWidth(headers[c]) + 3; // room for the filter button
    for (const r of sample) width = Math.max(width, shownWidth(r[c], job.formats[c]));
    ws.getColumn(c + 1).width = Math.min(60, Math.max(8, width + 2));
  }
  const notesColumn = besideColumn(job) + 1;
  job.notes.forEach((line, i) => {
    ws.getCell(i + 1, notesColumn).value = line;
  });
  if (job.notes.length > 0) ws.getColumn(notesColumn).width = Math.min(100, Math.max(12, ...job.notes.map(textWidth)));
}
