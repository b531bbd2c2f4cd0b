/**
 * Shared types of the engine. The engine is pure: no Office, React, DOM, clock or randomness.
 */

/** A cell value as any host hands it over (Office.js values, exceljs cells normalised, CSV text). */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A table as rows of cells; the first row holds the headers. */
export type Rows = ReadonlyArray<ReadonlyArray<CellValue>>;

/** The user's language. Chinese display languages map to `zh`, every other to `en`. */
export type Lang = "zh" | "en";

export type Severity = "error" | "warning" | "info";

/** Parameters interpolated into a message: `{name}` in the template. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * One problem found in the user's data or settings. Problems are values, never exceptions.
 *
 * `tableRow` is 1-based and counts the header row as row 1, so for a table whose header starts in
 * A1 it equals the worksheet row. `columnIndex` is 0-based within the table. Hosts that know where
 * a table sits (Office.js, the runner) turn these into a cell address.
 */
export interface Problem {
  severity: Severity;
  /** Logical table id (see schema.ts), e.g. "staff", or "settings" for a parameter. */
  table: string;
  /** The table's name as the user named it (sheet or Excel table name), when known. */
  tableName?: string;
  tableRow?: number;
  columnIndex?: number;
  /** The header as found in the user's table, or the expected header when the column is missing. */
  column?: string;
  value?: CellValue;
  key: string;
  params?: MessageParams;
}

/** A calculation that may fail: a value, or the problems that stopped it. Warnings travel with ok results. */
export type Outcome<T> = { ok: true; value: T; problems: Problem[] } | { ok: false; problems: Problem[] };

export function ok<T>(value: T, problems: Problem[] = []): Outcome<T> {
  return { ok: true, value, problems };
}

export function fail<T>(problems: Problem[]): Outcome<T> {
  return { ok: false, problems };
}

export function hasErrors(problems: ReadonlyArray<Problem>): boolean {
  return problems.some((p) => p.severity === "error");
}
