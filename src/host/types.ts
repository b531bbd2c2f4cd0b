/**
 * The one workbook interface the task panes talk to. Two implementations: Office.js (src/excel, the
 * only code that calls Office.js) and the in-memory .xlsx of the browser preview (src/preview).
 * Nothing else differs between running inside Excel and running in the preview.
 *
 * Failures are thrown as `HostError` (message key + params, see src/host/errors.ts) or passed through
 * unchanged from Office.js / exceljs; nothing is swallowed. Cancelling through an `AbortSignal` rejects
 * with a `HostError` whose key is "host.cancelled".
 */
import type { ResultSheet } from "../engine/report";
import type { CellValue, Lang } from "../engine/types";
import type { TableSource } from "../engine/workbook";

/** Progress in units of rows: `done` of `total`. */
export type ProgressFn = (done: number, total: number) => void;

export interface WriteOptions {
  /** Replace existing sheets of the same name (the UI asks the user first, see `existingSheets`). */
  replace: boolean;
  /** Counts rows written (headers included). */
  onProgress?: ProgressFn;
  signal?: AbortSignal;
  /** Language of texts the host adds itself (the preview's chart notes); default: the host's own. */
  lang?: Lang;
}

/** A drop-down list on one column of an inserted table (data rows only). */
export interface ColumnValidation {
  /** 0-based column of the table. */
  column: number;
  /** The allowed values (joined with "," for Excel: no item may contain a comma). */
  list: string[];
}

/** A table to insert as a new sheet holding one Excel table of the same name. */
export interface InsertTable {
  /** Sheet and table name (the name the engine recognises, e.g. "人员" or "Staff"). */
  name: string;
  /** First row headers, then data (may be headers only, for empty templates). */
  rows: CellValue[][];
  validation?: ColumnValidation[];
}

export interface WorkbookHost {
  readonly kind: "office" | "preview";
  /**
   * Every candidate table: Excel tables (ListObjects) and sheets whose first used row holds at least
   * one text header. Each comes with its sheet, `headerRow` (1-based) and `firstColumn` (0-based), so
   * problems can be turned into cells. Values only; read in blocks of at most 10,000 rows per round trip.
   * `onProgress` counts rows read.
   */
  listTables(onProgress?: ProgressFn, signal?: AbortSignal): Promise<TableSource[]>;
  /** Which of `names` already exist as sheets (compared case-insensitively, as Excel does), as given. */
  existingSheets(names: string[]): Promise<string[]>;
  /**
   * Writes result sheets. A sheet of the same name is replaced only when `replace` is true; a sheet that
   * holds an input table (a table or sheet whose name the engine recognises, or any Excel table this
   * add-in did not write) is never written to: that throws "host.inputSheet" before anything changes.
   * Values first in blocks, formats after, calculation suspended while writing; frozen header; money
   * ¥#,##0.00; percent 0.0%; dates yyyy-mm-dd; autofit; each sheet an Excel table; highlighted rows
   * filled; charts (Excel charts in Office, a note in the preview); notes beside the table.
   * Numbers in "date" columns are Excel serials (as the engine's sheets give them); Date values also work.
   */
  writeResults(sheets: ResultSheet[], options: WriteOptions): Promise<void>;
  /** Go to a problem: activate the sheet and select one cell. `row` is 1-based, `column` 0-based. */
  selectCell(sheet: string, row: number, column: number): Promise<void>;
  /**
   * Inserts tables (the sample workbook, or empty templates) as new sheets, each holding an Excel table
   * named like the sheet, with drop-down lists where given. Existing sheets of the same name are
   * replaced only when `replace` is true, else "host.sheetExists" is thrown before anything changes.
   */
  insertTables(tables: InsertTable[], options: WriteOptions): Promise<void>;
  /**
   * The table the user has selected, for a table whose name the engine does not recognise: the Excel
   * table holding the selection's top-left cell, else the selected range itself when it spans more than
   * one row (taken as header row + data), else the used range of the selection's sheet. (The selection's
   * current region, `Range.getSurroundingRegion`, needs ExcelApi 1.13 and is not used.) Named after the
   * Excel table, else the sheet; `headerRow`/`firstColumn` say where it sits. Null when nothing usable is
   * selected (no selection, or an empty sheet). Optional: hosts without a selection leave it out.
   */
  selectionTable?(): Promise<TableSource | null>;
}

/** The browser preview's host: the same interface, plus the workbook as .xlsx bytes for a download. */
export interface PreviewWorkbookHost extends WorkbookHost {
  readonly kind: "preview";
  /** The whole workbook (inputs and results) as .xlsx bytes. */
  download(): Promise<Uint8Array>;
}
