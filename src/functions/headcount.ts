/**
 * Custom functions of the headcount area: thin wrappers over src/engine/headcount. With the add-in's
 * namespace REFORM they read REFORM.REDUCTION, REFORM.POOLBALANCE and REFORM.QUOTACHECK in Excel
 * (精简比例, 周转池余额 and 编制核查 in Chinese Excel).
 */
import { poolFromTables, quotaCheck, reductionRate, unitsFromRead } from "../engine/headcount";
import { t } from "../engine/messages";
import { parseDate, parseNumber } from "../engine/parse";
import { POOL_LEDGER, UNITS } from "../engine/schema";
import { readTable, requireColumns } from "../engine/tableReader";
import type { CellValue } from "../engine/types";
import { excelError, functionLang, problemsToError, toRows } from "./common";

function numberArg(value: unknown, name: string): number {
  const n = parseNumber(value as CellValue);
  if (typeof n !== "number") {
    throw excelError("#VALUE!", t("headcount.fn.notNumber", functionLang(), { name, value: String(value ?? "") }));
  }
  return n;
}

/**
 * The reduction rate as the reform reports state it: (before − after) ÷ before, rounded half up to 0.1%
 * and returned as a fraction: =REFORM.REDUCTION(21, 14) gives 0.333; format the cell as 0.0% to read
 * 33.3%. A negative rate means growth.
 * @customfunction REDUCTION
 * @param before Count before the reform (bodies, leader posts, headcount or staff).
 * @param after Count after the reform.
 * @returns The reduction rate, a fraction with 3 decimals (0.333 = 33.3%).
 */
export function reduction(before: number, after: number): number {
  const lang = functionLang();
  const b = numberArg(before, "before");
  const a = numberArg(after, "after");
  if (b < 0 || a < 0) throw excelError("#NUM!", t("headcount.fn.negative", lang));
  const r = reductionRate(b, a);
  if (r === null) throw excelError("#DIV/0!", t("headcount.fn.zeroBefore", lang));
  return r;
}

/**
 * Pool slots available on a date: capacity minus the slots on loan at the end of that day. Loans that
 * would have exceeded the capacity when borrowed are refused and do not count.
 * @customfunction POOLBALANCE
 * @param ledger The pool ledger with its header row (单位 Unit, 编制类型 Kind, 数量 Slots, 借用日期 Borrowed, 归还期限 Due, 归还日期 Returned).
 * @param capacity The pool's capacity (all kinds together).
 * @param [asOf] The date (default: the ledger's latest borrowed or returned date).
 * @returns Slots available on that date.
 */
export function poolbalance(ledger: any[][], capacity: number, asOf?: number): number {
  const lang = functionLang();
  const cap = numberArg(capacity, "capacity");
  if (cap < 0) throw excelError("#NUM!", t("headcount.fn.negative", lang));
  let day: number | undefined;
  if (asOf !== null && asOf !== undefined && (asOf as unknown) !== "") {
    const d = parseDate(asOf as CellValue);
    if (typeof d !== "number") throw excelError("#VALUE!", t("headcount.fn.notDate", lang, { value: String(asOf) }));
    day = d;
  }
  const read = readTable(POOL_LEDGER, toRows(ledger), { tableName: t("headcount.fn.ledger", lang) });
  const o = poolFromTables({ poolLedger: read }, { capacity: cap, asOf: day });
  if (!o.ok) throw problemsToError(o.problems, lang) ?? excelError("#VALUE!", t("headcount.fn.failed", lang));
  return o.value.balance.total.available as number;
}

/**
 * Per unit of a Units range: vacancies (空编), over-establishment (超编) and leaders over quota (超职数),
 * one row per data row of the range under a header row, so it can spill beside the table.
 * @customfunction QUOTACHECK
 * @param units The Units table with its header row (单位 Unit, 核定编制 Authorized, 实有人数 Actual, and optionally 领导职数 Leader Quota, 实配领导 Actual Leaders).
 * @returns A table: unit, vacancies, over-establishment, leaders over quota.
 */
export function quotacheck(units: any[][]): any[][] {
  const lang = functionLang();
  const rows = toRows(units);
  const read = readTable(UNITS, rows, { tableName: t("headcount.fn.units", lang) });
  const problems = [...read.problems, ...requireColumns(read, ["authorized", "actual"], "QUOTACHECK")];
  const err = problemsToError(problems, lang);
  if (err) throw err;
  const list = unitsFromRead(read);
  const check = quotaCheck(list);
  const out: (string | number)[][] = [
    [
      t("headcount.col.unit", lang),
      t("headcount.col.vacancies", lang),
      t("headcount.col.over", lang),
      t("headcount.col.leadersOver", lang),
    ],
  ];
  for (let r = 1; r < rows.length; r++) out.push(["", "", "", ""]);
  check.units.forEach((u) => {
    const i = (u.row ?? 0) - 1;
    if (i >= 1 && i < out.length) out[i] = [u.unit, u.vacancies, u.overEstablishment, u.leadersOverQuota ?? ""];
  });
  return out;
}
