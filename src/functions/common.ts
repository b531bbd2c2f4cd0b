/**
 * Helpers shared by the custom function wrappers: argument coercion, language, and turning engine
 * problems into `CustomFunctions.Error` values with a message the user understands.
 * No business logic lives here: it is all in src/engine.
 */
import { formatProblem, langFromLocale, t } from "../engine/messages";
import type { CellValue, Lang, Problem, Rows } from "../engine/types";

/** Excel error codes we return (subset of CustomFunctions.ErrorCode). */
export type ExcelErrorCode = "#VALUE!" | "#N/A" | "#NUM!" | "#REF!" | "#DIV/0!";

/** Stand-in for CustomFunctions.Error outside Excel (jest, the browser preview). */
export class FunctionError extends Error {
  readonly code: ExcelErrorCode;
  constructor(code: ExcelErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

interface CustomFunctionsLike {
  Error: new (code: unknown, message?: string) => unknown;
  ErrorCode: Record<string, unknown>;
}

function customFunctionsGlobal(): CustomFunctionsLike | undefined {
  const g = globalThis as unknown as { CustomFunctions?: CustomFunctionsLike };
  return g.CustomFunctions && typeof g.CustomFunctions.Error === "function" ? g.CustomFunctions : undefined;
}

const CODE_NAMES: Record<ExcelErrorCode, string> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
  "#REF!": "invalidReference",
  "#DIV/0!": "divisionByZero",
};

/** An Excel error value to return from (or throw in) a custom function. Messages are cut to 255 characters. */
export function excelError(code: ExcelErrorCode, message: string): Error {
  const msg = message.length > 255 ? message.slice(0, 252) + "…" : message;
  const cf = customFunctionsGlobal();
  if (cf) return new cf.Error(cf.ErrorCode[CODE_NAMES[code]], msg) as Error;
  return new FunctionError(code, msg);
}

/** The language for function messages: Office's display language when running in Office, else English. */
export function functionLang(): Lang {
  const g = globalThis as unknown as { Office?: { context?: { displayLanguage?: string } } };
  try {
    return langFromLocale(g.Office?.context?.displayLanguage);
  } catch {
    return "en";
  }
}

/** The first error among problems as an Excel #VALUE! error (with a count of the rest), or undefined. */
export function problemsToError(problems: ReadonlyArray<Problem>, lang: Lang = functionLang()): Error | undefined {
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length === 0) return undefined;
  let msg = formatProblem(errors[0], lang);
  if (errors.length > 1) msg += t("function.moreProblems", lang, { count: errors.length - 1 });
  return excelError("#VALUE!", msg);
}

/** Coerces a range argument (any[][]) into Rows: empty strings stay as blanks. */
export function toRows(matrix: unknown): Rows {
  if (!Array.isArray(matrix)) return [[matrix as CellValue]];
  return (matrix as unknown[]).map((row) => (Array.isArray(row) ? (row as CellValue[]) : [row as CellValue]));
}

/** Reads an optional text argument (optional params arrive as null or undefined). */
export function optionalText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const s = String(value).trim();
  return s === "" ? undefined : s;
}

/** Reads an optional number argument. */
export function optionalNumber(value: unknown): number | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Flattens a single column or row range into a list. */
export function toList(matrix: unknown): CellValue[] {
  const rows = toRows(matrix);
  if (rows.length === 1) return [...rows[0]];
  return rows.map((r) => r[0]);
}
