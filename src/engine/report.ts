/**
 * Result sheets as plain data: every model turns its results into `ResultSheet`s, and every host
 * (Office.js, the in-memory .xlsx of the browser preview, the headless runner) writes them the same way.
 */
import type { CellValue } from "./types";

/** How a column is shown: money is yuan (¥ #,##0.00), percent 0.0%, date = Excel serial day (1900 system). */
export type ColumnKind = "text" | "integer" | "number" | "money" | "percent" | "date" | "boolean";

export interface ResultColumn {
  header: string;
  kind: ColumnKind;
  /** Decimal places for "number" (default 2). */
  decimals?: number;
}

/** Conditional highlight of rows, e.g. outcomes "not selected" or pay losers. */
export interface RowHighlight {
  /** Row indexes (0-based, data rows) to highlight. */
  rows: number[];
  style: "bad" | "warn" | "good";
}

export interface ChartSpec {
  type: "column" | "bar" | "line" | "pie";
  title: string;
  /** Column index of the category labels. */
  categoryColumn: number;
  /** Column indexes of the series. */
  seriesColumns: number[];
}

export interface ResultSheet {
  /** Stable id, e.g. "placements". */
  id: string;
  /** Sheet name in the user's language (≤ 31 characters, no []:*?/\). */
  name: string;
  columns: ResultColumn[];
  rows: CellValue[][];
  highlights?: RowHighlight[];
  charts?: ChartSpec[];
  /** Lines of explanation written above or beside the table (e.g. settings used, notes). */
  notes?: string[];
}

/** A sheet name safe for Excel: forbidden characters replaced, at most 31 characters. */
export function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, "_").slice(0, 31);
}

/**
 * Excel number format of a column kind, used by every writer (Office.js, the preview, the runner):
 * money ¥#,##0.00, percent 0.0%, integer 0, number with its decimals, dates yyyy-mm-dd, text "@";
 * `null` leaves Excel's General format.
 *
 * @example formatForKind("number", 1) // => "0.0"
 */
export function formatForKind(kind: ColumnKind, decimals = 2): string | null {
  switch (kind) {
    case "money":
      return "¥#,##0.00";
    case "percent":
      return "0.0%";
    case "integer":
      return "0";
    case "number":
      return decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
    case "date":
      return "yyyy-mm-dd";
    case "text":
      return "@";
    case "boolean":
      return null;
  }
}

/** Fill colours of highlighted rows (light red, light yellow, light green, as Excel's own presets). */
export const HIGHLIGHT_FILL: Readonly<Record<RowHighlight["style"], string>> = {
  bad: "#FFC7CE",
  warn: "#FFEB9C",
  good: "#C6EFCE",
};
