/**
 * Cell values as Office.js `Range.values` takes them: numbers as numbers, dates as Excel serials,
 * blanks as "", and text that Excel would otherwise reinterpret (a formula, a number, a date, TRUE)
 * kept as text with Excel's apostrophe prefix.
 */
import { dateToSerial } from "../host/layout";
import type { CellValue } from "../engine/types";

export type OfficeCell = string | number | boolean;

/** Text Excel would turn into a formula, number, percent, date, time or boolean when written as a value. */
const REINTERPRETED =
  /^(?:[=+\-@].*|\s*[-+]?[¥$￥]?\s*(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?\s*%?\s*|\(\s*[\d,.]+\s*\)|\d{1,4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,4}\s*日?)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m?)?|true|false|#[A-Z/0]+[!?]?.*)$/is;

/**
 * One cell for `Range.values`.
 *
 * @example officeCell(new Date(Date.UTC(2024, 2, 1))) // => 45352
 * @example officeCell("007") // => "'007"
 * @example officeCell(null) // => ""
 */
export function officeCell(value: CellValue, textColumn = false): OfficeCell {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : dateToSerial(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  // A column formatted as text ("@") before its values are written keeps every string as typed.
  if (textColumn) return value;
  return REINTERPRETED.test(value) ? `'${value}` : value;
}

/** A row for `Range.values`, padded or cut to `width` cells. */
export function officeRow(
  row: ReadonlyArray<CellValue>,
  width: number,
  textColumns?: ReadonlyArray<boolean>,
): OfficeCell[] {
  const out: OfficeCell[] = new Array(width);
  for (let c = 0; c < width; c++) out[c] = officeCell(row[c], textColumns?.[c] ?? false);
  return out;
}

/** Office.js hands back "" for an empty cell; the engine's tables use null. */
export function fromOffice(values: ReadonlyArray<ReadonlyArray<unknown>>): CellValue[][] {
  return values.map((row) =>
    row.map((v) => (v === "" || v === null || v === undefined ? null : (v as string | number | boolean))),
  );
}
