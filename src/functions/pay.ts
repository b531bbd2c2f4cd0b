/**
 * Custom functions of the pay area: thin wrappers over src/engine/pay. With the add-in's namespace REFORM
 * they read REFORM.PAYSTEP, REFORM.BANDPOS, REFORM.ALLOCATE, REFORM.FORCEDRANK and REFORM.PERFPAY in Excel
 * (套改档次, 薪级位置, 精确分配, 强制分布 and 绩效工资 in Chinese Excel). Money arguments and results are yuan.
 */
import { t } from "../engine/messages";
import { fenToYuan, yuanToFen } from "../engine/money";
import { parseNumber } from "../engine/parse";
import {
  bandPosition,
  convertOne,
  DEFAULT_PAY_CONVERSION_SETTINGS,
  forcedDistribution,
  gradeKey,
  parseConversionRule,
  performancePayFromTables,
  readPayScale,
  splitExact,
  type PayGrade,
  type PayPerson,
  type RatingLevel,
} from "../engine/pay";
import { PAY_SCALE, POSTS, RATINGS, STAFF } from "../engine/schema";
import { readTable, requireColumns } from "../engine/tableReader";
import type { CellValue, Lang, Problem, Rows } from "../engine/types";
import { excelError, functionLang, optionalNumber, optionalText, problemsToError, toList, toRows } from "./common";

function fail(problems: ReadonlyArray<Problem>, lang: Lang): never {
  throw (
    problemsToError(problems, lang) ??
    excelError("#VALUE!", t("pay.fn.notNumber", lang, { name: "?", row: 1, value: "" }))
  );
}

function numberArg(value: unknown, name: string, lang: Lang, row = 1): number {
  const n = parseNumber(value as CellValue);
  if (typeof n !== "number")
    throw excelError("#VALUE!", t("pay.fn.notNumber", lang, { name, row, value: String(value ?? "") }));
  return n;
}

function nonNegative(value: unknown, name: string, lang: Lang, row = 1): number {
  const n = numberArg(value, name, lang, row);
  if (n < 0) throw excelError("#NUM!", t("pay.fn.negative", lang, { name, row, value: n }));
  return n;
}

function gradeOf(payScale: unknown, grade: unknown, lang: Lang, multiplier = 1): PayGrade {
  const read = readTable(PAY_SCALE, toRows(payScale), { tableName: t("pay.fn.scale", lang) });
  const scale = readPayScale(read, multiplier);
  const problems = [...read.problems, ...(scale.ok ? [] : scale.problems)];
  if (problems.some((p) => p.severity === "error") || !scale.ok) fail(problems, lang);
  const g = scale.value.get(gradeKey(String(grade ?? "")));
  if (!g) throw excelError("#N/A", t("pay.unknownGrade", lang, { value: String(grade ?? "") }));
  return g;
}

/**
 * Places a current monthly pay on a grade of the pay scale (薪酬套改): the step, the new pay and the
 * protected amount (保留工资) when the current pay is above the grade's top. A band-only grade returns a
 * blank step and the pay clamped to the band.
 * @customfunction PAYSTEP
 * @param currentPay Current comparable monthly pay, yuan.
 * @param grade The grade (岗级) to convert to.
 * @param payScale The PayScale table with its header row (岗级 Grade, 档1…档N Step 1…N, or 下限/中点/上限 Min/Mid/Max).
 * @param [rule] notBelow (就近就高, default), notAbove (就近就低), nearest (就近), entry (起点) or seniority (工龄).
 * @param [years] Years of service, for seniority only (step 1 + ⌊years ÷ interval⌋, at most the top step); required there.
 * @param [interval] Seniority only: years per step (omitted, blank or 0: 2).
 * @returns One row: step, new pay, protected amount (yuan).
 */
export function paystep(
  currentPay: number,
  grade: string,
  payScale: any[][],
  rule?: string,
  years?: number,
  interval?: number,
): any[][] {
  const lang = functionLang();
  const cur = nonNegative(currentPay, "currentPay", lang);
  const ruleText = optionalText(rule);
  const r = ruleText === undefined ? DEFAULT_PAY_CONVERSION_SETTINGS.conversionRule : parseConversionRule(ruleText);
  if (!r) {
    throw excelError(
      "#VALUE!",
      t("pay.fn.badChoice", lang, {
        name: "rule",
        value: ruleText ?? "",
        allowed: "notBelow / notAbove / nearest / entry / seniority",
      }),
    );
  }
  // Years and interval are read for seniority only (another rule ignores them). Omitted years are an error
  // there; an interval that is omitted, blank or 0 means the default (2 years a step).
  let y: number | undefined;
  let iv: number | undefined;
  if (r === "seniority") {
    if (optionalText(years) === undefined) throw excelError("#VALUE!", t("pay.fn.needYears", lang));
    y = nonNegative(years, "years", lang);
    if (optionalText(interval) !== undefined) iv = nonNegative(interval, "interval", lang) || undefined;
  }
  const g = gradeOf(payScale, grade, lang);
  const person: PayPerson = { staffId: "", grade: g.grade, currentPay: yuanToFen(cur) };
  if (y !== undefined) person.years = y;
  const line = convertOne(person, g, {
    ...DEFAULT_PAY_CONVERSION_SETTINGS,
    conversionRule: r,
    protection: "keep",
    ...(iv !== undefined ? { seniorityInterval: iv } : {}),
  });
  return [[line.step ?? "", fenToYuan(line.newPay), fenToYuan(line.protectedPay)]];
}

/**
 * Where a pay sits in its grade's band: compa-ratio (pay ÷ mid) and range penetration
 * ((pay − min) ÷ (max − min)).
 * @customfunction BANDPOS
 * @param pay Monthly pay, yuan.
 * @param grade The grade (岗级).
 * @param payScale The PayScale table with its header row (岗级 Grade, 下限 Min, 中点 Mid, 上限 Max).
 * @returns One row: compa-ratio, range penetration.
 */
export function bandpos(pay: number, grade: string, payScale: any[][]): any[][] {
  const lang = functionLang();
  const p = nonNegative(pay, "pay", lang);
  const g = gradeOf(payScale, grade, lang);
  if (!g.band) throw excelError("#N/A", t("pay.fn.noBand", lang, { value: g.grade }));
  const pos = bandPosition(yuanToFen(p), g);
  return [[pos.compaRatio ?? "", pos.penetration ?? ""]];
}

/**
 * Splits a total exactly over weights by the largest remainder (ties to the earlier row), so the parts
 * add up to the total to the fen.
 * @customfunction ALLOCATE
 * @param total The amount to split, yuan.
 * @param weights The weights, one per row (a column) or per column (a row); blank counts as 0.
 * @param [unit] "fen" (分, default) or "yuan" (元: whole yuan, odd fen of the total spread too).
 * @returns The parts in yuan, in the shape of the weights.
 */
export function allocate(total: number, weights: any[][], unit?: string): any[][] {
  const lang = functionLang();
  const tot = nonNegative(total, "total", lang);
  const u = optionalText(unit)?.toLowerCase();
  let step = 1;
  if (u === "yuan" || u === "元") step = 100;
  else if (u !== undefined && u !== "fen" && u !== "分") {
    throw excelError(
      "#VALUE!",
      t("pay.fn.badChoice", lang, { name: "unit", value: unit ?? "", allowed: "fen / yuan" }),
    );
  }
  const rows = toRows(weights);
  const isRow = rows.length === 1 && rows[0].length > 1;
  const list = toList(weights);
  const w = list.map((v, i) =>
    v === null || v === undefined || v === "" ? 0 : nonNegative(v, "weights", lang, i + 1),
  );
  const parts = splitExact(yuanToFen(tot), w, step);
  if (!parts) throw excelError("#DIV/0!", t("pay.fn.noWeight", lang, { value: tot }));
  const yuan = parts.map(fenToYuan);
  return isRow ? [yuan] : yuan.map((x) => [x]);
}

/**
 * Rates people by forced distribution (强制分布) from their scores, per group, using a Ratings table
 * (best first, with Max Share caps rounded down and Min Share floors rounded up). Equal scores get the
 * same rating.
 * @customfunction FORCEDRANK
 * @param scores Performance scores, one per row; a blank score gets no rating.
 * @param ratings The Ratings table with its header row (等次 Rating, 系数 Coefficient, 比例上限 Max Share, 比例下限 Min Share).
 * @param [groups] The group (unit) of each row; default one group.
 * @returns The rating of each row.
 */
export function forcedrank(scores: any[][], ratings: any[][], groups?: any[][]): any[][] {
  const lang = functionLang();
  const list = toList(scores);
  const s = list.map((v, i) =>
    v === null || v === undefined || v === "" ? undefined : numberArg(v, "scores", lang, i + 1),
  );
  let g: (string | undefined)[] | undefined;
  if (groups !== null && groups !== undefined) {
    g = toList(groups).map((v) => (v === null || v === undefined ? undefined : String(v).trim()));
    if (g.length === 1 && (g[0] === undefined || g[0] === "")) g = undefined;
    else if (g.length !== s.length)
      throw excelError("#VALUE!", t("pay.fn.lengths", lang, { name: "groups", count: g.length, expected: s.length }));
  }
  const levels = ratingLevels(ratings, lang);
  return forcedDistribution(s, levels, g).ratings.map((r) => [r ?? ""]);
}

function ratingLevels(ratings: unknown, lang: Lang): RatingLevel[] {
  const read = readTable(RATINGS, toRows(ratings), { tableName: t("pay.fn.ratings", lang) });
  if (read.problems.some((p) => p.severity === "error")) fail(read.problems, lang);
  const levels: RatingLevel[] = [];
  for (const rec of read.records) {
    const l: RatingLevel = {
      rating: rec.values.rating as string,
      coefficient: rec.values.coefficient as number,
      row: rec.row,
    };
    if (typeof rec.values.maxShare === "number") l.maxShare = rec.values.maxShare;
    if (typeof rec.values.minShare === "number") l.minShare = rec.values.minShare;
    levels.push(l);
  }
  return levels;
}

function isEmptyRange(value: unknown): boolean {
  const rows = toRows(value);
  return rows.every((r) => r.every((c) => c === null || c === undefined || c === ""));
}

/**
 * Performance pay (绩效工资) per staff row: the pool splits into a basic part by post coefficient and a
 * reward part by unit, then by post coefficient × rating coefficient; exact to the fen.
 * @customfunction PERFPAY
 * @param staff The Staff table with its header row (工号 Staff ID, 原单位 Unit, 考核等次 Rating or 绩效得分 Performance Score, optionally 岗位编号 Post ID, 岗位系数 Post Coefficient).
 * @param posts The Posts table with its header row (岗位编号 Post ID, 职数 Quota, 岗位系数 Post Coefficient, 所属部门 Unit), or an empty cell.
 * @param ratings The Ratings table with its header row (等次 Rating, 系数 Coefficient, 比例上限 Max Share, 比例下限 Min Share).
 * @param pool The performance pay pool, yuan.
 * @param [basicShare] The basic share (default 0.7).
 * @returns A header row, then per staff row: basic, reward, total (yuan).
 */
export function perfpay(staff: any[][], posts: any[][], ratings: any[][], pool: number, basicShare?: number): any[][] {
  const lang = functionLang();
  const p = nonNegative(pool, "pool", lang);
  const share = optionalNumber(basicShare);
  if (share !== undefined && !(share >= 0 && share <= 1)) {
    throw excelError("#NUM!", t("perf.badSetting", lang, { name: "basicShare", value: share }));
  }
  if (basicShare !== null && basicShare !== undefined && (basicShare as unknown) !== "" && share === undefined) {
    throw excelError("#VALUE!", t("pay.fn.notNumber", lang, { name: "basicShare", row: 1, value: String(basicShare) }));
  }
  const staffRows: Rows = toRows(staff);
  const staffRead = readTable(STAFF, staffRows, { tableName: t("pay.fn.staff", lang) });
  const postsRead = isEmptyRange(posts)
    ? undefined
    : readTable(POSTS, toRows(posts), { tableName: t("pay.fn.posts", lang) });
  const ratingsRead = readTable(RATINGS, toRows(ratings), { tableName: t("pay.fn.ratings", lang) });
  const pre = [
    ...staffRead.problems,
    ...(postsRead?.problems ?? []),
    ...ratingsRead.problems,
    ...requireColumns(staffRead, ["unit"], "PERFPAY"),
  ];
  if (pre.some((x) => x.severity === "error")) fail(pre, lang);
  const o = performancePayFromTables(
    { staff: staffRead, posts: postsRead, ratings: ratingsRead },
    { poolAmount: p, ...(share !== undefined ? { basicShare: share } : {}) },
  );
  if (!o.ok) fail(o.problems, lang);
  const out: CellValue[][] = [[t("perf.col.basic", lang), t("perf.col.reward", lang), t("perf.col.total", lang)]];
  for (let r = 1; r < staffRows.length; r++) out.push(["", "", ""]);
  for (const l of o.value.lines) {
    if (l.row !== undefined && l.row - 1 < out.length)
      out[l.row - 1] = [fenToYuan(l.basic), fenToYuan(l.reward), fenToYuan(l.total)];
  }
  return out;
}
