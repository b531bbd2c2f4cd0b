/**
 * Pay conversion and performance pay from the user's tables: who goes to which grade and unit, reading
 * ratings and coefficients, and reporting every problem with its table, row and column.
 */
import { yuanToFen } from "../money";
import { t } from "../messages";
import { requireColumns, type TableRead, type TableRecord } from "../tableReader";
import { fail, hasErrors, ok, type Outcome, type Problem } from "../types";
import type { ReadTables } from "../workbook";
import {
  convertPay,
  CONVERSION_RULES,
  DEFAULT_PAY_CONVERSION_SETTINGS,
  PROTECTION_MODES,
  type PayConversionResult,
  type PayConversionSettings,
  type PayPerson,
} from "./conversion";
import { checkShares, forcedDistribution, type RatingLevel } from "./forced";
import {
  allocatePerformancePay,
  DEFAULT_PERFORMANCE_PAY_SETTINGS,
  poolFromSettings,
  type PerfPerson,
  type PerformancePayResult,
  type PerformancePaySettings,
} from "./performance";
import { gradeKey, readPayScale } from "./scale";

/** A Staff row with its post, grade and unit resolved. */
export interface ResolvedStaff {
  rec: TableRecord;
  staffId: string;
  /** The post: placement first, else Staff Post ID. */
  post?: TableRecord;
  postId?: string;
  grade?: string;
  gradeSource?: "placement" | "post" | "grade";
  /** Where the grade was read, for problems. */
  gradeCell?: { read: TableRead; rec: TableRecord; key: string };
  /** The post's unit when it has one, else the Staff unit. */
  unit?: string;
}

function cellProblem(
  read: TableRead,
  rec: TableRecord | undefined,
  key: string,
  severity: Problem["severity"],
  msgKey: string,
  params?: Record<string, string | number>,
  value?: Problem["value"],
): Problem {
  const col = read.columns[key];
  const p: Problem = { severity, table: read.def.id, tableName: read.tableName, key: msgKey };
  if (rec) p.tableRow = rec.row;
  if (col) {
    p.column = col.header;
    p.columnIndex = col.index;
  }
  const v = value !== undefined ? value : rec && col ? (rec.values[key] as Problem["value"]) : undefined;
  if (v !== undefined) p.value = v;
  if (params) p.params = params;
  return p;
}

/** Reader errors in the columns a model uses (a cell that could not be read must be fixed first). */
function readerErrors(read: TableRead, keys: ReadonlyArray<string>): Problem[] {
  const headers = new Set(keys.map((k) => read.columns[k]?.header).filter((h): h is string => h !== undefined));
  return read.problems.filter((p) => p.severity === "error" && (p.column === undefined || headers.has(p.column)));
}

function missingTable(id: string, name: string): Problem {
  return { severity: "error", table: id, key: "pay.tableMissing", params: { table: name } };
}

/**
 * Resolves each Staff row's post, grade and unit. The grade comes from (in order) the caller's placement
 * map (staffId → postId, e.g. from re-bidding) looked up in Posts, else Staff 岗位编号 looked up in Posts,
 * else Staff 岗级. A post without a grade falls through to Staff 岗级. The unit is the post's 所属部门 when
 * there is one, else Staff 原单位. Unknown posts are errors naming the cell (or the staff, for placements).
 *
 * @example resolveStaff(tables, new Map([["S1", "P01"]]))[0].gradeSource // => "placement"
 */
export function resolveStaff(
  staff: TableRead,
  posts: TableRead | undefined,
  placements: ReadonlyMap<string, string> | undefined,
  problems: Problem[],
): ResolvedStaff[] {
  const postById = new Map<string, TableRecord>();
  for (const rec of posts?.records ?? []) {
    const id = rec.values.id;
    if (typeof id === "string") postById.set(id, rec);
  }
  const out: ResolvedStaff[] = [];
  const seen = new Set<string>();
  for (const rec of staff.records) {
    const staffId = rec.values.id;
    if (typeof staffId !== "string") continue;
    seen.add(staffId);
    const r: ResolvedStaff = { rec, staffId };
    const placed = placements?.get(staffId);
    const own = rec.values.postId;
    if (placed !== undefined) {
      const post = postById.get(placed.normalize("NFKC"));
      if (!post) {
        problems.push(cellProblem(staff, rec, "id", "error", "pay.placementUnknownPost", { staff: staffId }, placed));
      } else {
        r.post = post;
        r.postId = placed;
        r.gradeSource = "placement";
      }
    } else if (typeof own === "string") {
      const post = postById.get(own.normalize("NFKC"));
      if (!post) problems.push(cellProblem(staff, rec, "postId", "error", "pay.unknownPost", { staff: staffId }));
      else {
        r.post = post;
        r.postId = own;
        r.gradeSource = "post";
      }
    }
    const pg = r.post?.values.grade;
    if (r.post && typeof pg === "string") {
      r.grade = pg;
      r.gradeCell = { read: posts!, rec: r.post, key: "grade" };
    } else if (typeof rec.values.grade === "string") {
      r.grade = rec.values.grade;
      r.gradeSource = "grade";
      r.gradeCell = { read: staff, rec, key: "grade" };
    } else if (!r.post) r.gradeSource = undefined;
    const pu = r.post?.values.unit;
    r.unit = typeof pu === "string" ? pu : typeof rec.values.unit === "string" ? rec.values.unit : undefined;
    out.push(r);
  }
  for (const id of placements?.keys() ?? []) {
    if (!seen.has(id))
      problems.push({
        severity: "warning",
        table: "staff",
        tableName: staff.tableName,
        key: "pay.placementUnknownStaff",
        params: { staff: id },
      });
  }
  return out;
}

function settingProblem(key: string, name: string, value: unknown): Problem {
  return {
    severity: "error",
    table: "settings",
    column: name,
    value: String(value),
    key,
    params: { name, value: String(value) },
  };
}

function checkConversionSettings(s: PayConversionSettings): Problem[] {
  const out: Problem[] = [];
  if (!CONVERSION_RULES.includes(s.conversionRule))
    out.push(settingProblem("pay.badSetting", "conversionRule", s.conversionRule));
  if (!PROTECTION_MODES.includes(s.protection)) out.push(settingProblem("pay.badSetting", "protection", s.protection));
  if (!(Number.isInteger(s.phaseYears) && s.phaseYears >= 1))
    out.push(settingProblem("pay.badSetting", "phaseYears", s.phaseYears));
  if (!(s.seniorityInterval > 0)) out.push(settingProblem("pay.badSetting", "seniorityInterval", s.seniorityInterval));
  if (!(s.scaleMultiplier > 0 && Number.isFinite(s.scaleMultiplier)))
    out.push(settingProblem("pay.badSetting", "scaleMultiplier", s.scaleMultiplier));
  if (!(Number.isInteger(s.histogramBins) && s.histogramBins >= 1))
    out.push(settingProblem("pay.badSetting", "histogramBins", s.histogramBins));
  return out;
}

/**
 * Pay conversion from the workbook's tables (Staff, PayScale, optionally Posts and the placements of a
 * re-bidding run). People with no grade or no current pay are reported (warning) and skipped; a grade not
 * in the PayScale is an error naming the cell it came from; with protection `none` each red-circle loss is
 * reported. Amounts in the result are fen.
 *
 * @example convertPayFromTables(readTables(identifyTables(sources)), { conversionRule: "nearest" })
 *   // => { ok: true, value: { lines, summary, … }, problems: [warnings] }
 */
export function convertPayFromTables(
  tables: ReadTables,
  settings: Partial<PayConversionSettings> = {},
  placements?: ReadonlyMap<string, string>,
): Outcome<PayConversionResult> {
  const s: PayConversionSettings = { ...DEFAULT_PAY_CONVERSION_SETTINGS, ...settings };
  const problems: Problem[] = checkConversionSettings(s);
  const staff = tables.staff;
  const payScale = tables.payScale;
  if (!staff) problems.push(missingTable("staff", "人员 / Staff"));
  if (!payScale) problems.push(missingTable("payScale", "薪酬标准 / PayScale"));
  if (!staff || !payScale || hasErrors(problems)) return fail(problems);
  const model = `${t("pay.model", "zh")} / ${t("pay.model", "en")}`;
  problems.push(...requireColumns(staff, ["currentPay"], model));
  if (s.conversionRule === "seniority") problems.push(...requireColumns(staff, ["years"], model));
  problems.push(...readerErrors(staff, ["id", "currentPay", "grade", "postId", "unit", "years"]));
  problems.push(...payScale.problems.filter((p) => p.severity === "error"));
  if (tables.posts) problems.push(...readerErrors(tables.posts, ["id", "grade", "unit"]));
  const scale = readPayScale(payScale, s.scaleMultiplier);
  if (!scale.ok) problems.push(...scale.problems);
  if (hasErrors(problems) || !scale.ok) return fail(problems);

  const resolved = resolveStaff(staff, tables.posts, placements, problems);
  const people: PayPerson[] = [];
  // After a re-bidding run, people it did not place have no new post by design: one note for all of them
  // (their reasons are on the placements sheet) instead of a warning each.
  const notPlaced: string[] = [];
  for (const r of resolved) {
    const rec = r.rec;
    if (r.grade === undefined) {
      if (placements && placements.size > 0 && !placements.has(r.staffId)) notPlaced.push(r.staffId);
      else problems.push(cellProblem(staff, rec, "id", "warning", "pay.noGrade", { staff: r.staffId }));
      continue;
    }
    if (!scale.value.has(gradeKey(r.grade))) {
      const c = r.gradeCell!;
      problems.push(cellProblem(c.read, c.rec, c.key, "error", "pay.unknownGrade", { staff: r.staffId }));
      continue;
    }
    const cur = rec.values.currentPay;
    if (typeof cur !== "number") {
      problems.push(cellProblem(staff, rec, "currentPay", "warning", "pay.noCurrentPay", { staff: r.staffId }));
      continue;
    }
    const person: PayPerson = { staffId: r.staffId, row: rec.row, grade: r.grade, currentPay: yuanToFen(cur) };
    if (typeof rec.values.name === "string") person.name = rec.values.name;
    if (r.unit !== undefined) person.unit = r.unit;
    if (r.gradeSource) person.gradeSource = r.gradeSource;
    if (r.postId !== undefined) person.postId = r.postId;
    if (s.conversionRule === "seniority") {
      const y = rec.values.years;
      if (typeof y === "number") person.years = y;
      else problems.push(cellProblem(staff, rec, "years", "warning", "pay.noYears", { staff: r.staffId }));
    }
    people.push(person);
  }
  if (hasErrors(problems)) return fail(problems);
  const result = convertPay(people, scale.value, s);
  const byRow = new Map(staff.records.map((r) => [r.row, r]));
  for (const l of result.lines) {
    if (l.unprotectedLoss > 0) {
      const rec = byRow.get(l.row!);
      problems.push(
        cellProblem(staff, rec, "currentPay", "warning", "pay.lossUnprotected", {
          staff: l.staffId,
          grade: l.grade,
          amount: l.unprotectedLoss / 100,
        }),
      );
    }
  }
  if (notPlaced.length > 0) {
    const shown = notPlaced.slice(0, 10).join(", ");
    problems.push({
      severity: "info",
      table: staff.def.id,
      tableName: staff.tableName,
      key: "pay.notPlaced",
      params: { count: notPlaced.length, staff: notPlaced.length > 10 ? `${shown}, …` : shown },
    });
  }
  return ok(result, problems);
}

/**
 * Reads the Ratings table into levels (best first), applying cap overrides. Errors: Min Share above
 * Max Share (naming the cell).
 */
function readRatings(read: TableRead, caps: Record<string, number> | undefined, problems: Problem[]): RatingLevel[] {
  const levels: RatingLevel[] = [];
  for (const rec of read.records) {
    const rating = rec.values.rating;
    const coefficient = rec.values.coefficient;
    if (typeof rating !== "string" || typeof coefficient !== "number") continue;
    const level: RatingLevel = { rating, coefficient, row: rec.row };
    const override = caps?.[rating];
    const maxShare = override !== undefined ? override : rec.values.maxShare;
    if (typeof maxShare === "number") level.maxShare = maxShare;
    if (typeof rec.values.minShare === "number") level.minShare = rec.values.minShare;
    if (level.maxShare !== undefined && level.minShare !== undefined && level.minShare > level.maxShare) {
      problems.push(cellProblem(read, rec, "minShare", "error", "perf.minAboveMax", { rating }));
    }
    levels.push(level);
  }
  return levels;
}

function checkPerfSettings(s: PerformancePaySettings): Problem[] {
  const out: Problem[] = [];
  const num = (name: keyof PerformancePaySettings, v: unknown, okv: boolean) => {
    if (v !== undefined && !okv) out.push(settingProblem("perf.badSetting", name, v));
  };
  num("poolAmount", s.poolAmount, (s.poolAmount ?? 0) >= 0 && Number.isFinite(s.poolAmount ?? 0));
  num("poolPerCapita", s.poolPerCapita, (s.poolPerCapita ?? 0) >= 0 && Number.isFinite(s.poolPerCapita ?? 0));
  num("poolBase", s.poolBase, (s.poolBase ?? 0) >= 0 && Number.isFinite(s.poolBase ?? 0));
  if (s.poolPercent !== undefined && !(s.poolPercent >= 0))
    out.push(settingProblem("perf.badSetting", "poolPercent", s.poolPercent));
  else if (s.poolPercent !== undefined && s.poolPercent > 1)
    out.push({ ...settingProblem("perf.percentTooLarge", "poolPercent", s.poolPercent) });
  num("basicShare", s.basicShare, s.basicShare >= 0 && s.basicShare <= 1);
  num("individualCap", s.individualCap, (s.individualCap ?? 1) >= 1);
  if (!["auto", "given", "forced"].includes(s.ratingSource))
    out.push(settingProblem("perf.badSetting", "ratingSource", s.ratingSource));
  for (const [k, v] of [
    ["capRounding", s.capRounding],
    ["floorRounding", s.floorRounding],
  ] as const) {
    if (!["floor", "round", "ceiling"].includes(v)) out.push(settingProblem("perf.badSetting", k, v));
  }
  for (const [r, v] of Object.entries(s.ratingCaps ?? {}))
    if (!(v >= 0 && v <= 1)) out.push(settingProblem("perf.badSetting", r, v));
  if (s.poolAmount === undefined && s.poolPerCapita === undefined && s.poolPercent === undefined) {
    out.push({ severity: "error", table: "settings", key: "perf.noPool" });
  }
  return out;
}

/**
 * Performance pay from the workbook's tables: Staff (unit, post, 考核等次 or 绩效得分, 岗位系数), Posts
 * (岗位系数, 所属部门), Ratings (coefficients and shares), Units (考核系数). Post coefficient: the person's
 * post, else Staff 岗位系数, else 1 (reported). Ratings: given (every label must be in Ratings; caps broken
 * are reported, never changed) or forced per unit from scores. Without a Ratings table every rating
 * coefficient is 1. For `poolPercent` the base is `poolBase`, else the converted payroll × 12 (PayScale
 * present), else Σ current pay × 12. After a re-bidding run (placements given), only the people it placed
 * are paid; the others are listed in one note. Amounts in the result are fen.
 *
 * @example performancePayFromTables(tables, { poolAmount: 1_000_000 }).value.lines[0].total // fen
 */
export function performancePayFromTables(
  tables: ReadTables,
  settings: Partial<PerformancePaySettings> & { payConversion?: Partial<PayConversionSettings> } = {},
  placements?: ReadonlyMap<string, string>,
): Outcome<PerformancePayResult> {
  const { payConversion, ...rest } = settings;
  const s: PerformancePaySettings = { ...DEFAULT_PERFORMANCE_PAY_SETTINGS, ...rest };
  const problems: Problem[] = checkPerfSettings(s);
  const staff = tables.staff;
  if (!staff) problems.push(missingTable("staff", "人员 / Staff"));
  if (!staff || hasErrors(problems)) return fail(problems);
  problems.push(...readerErrors(staff, ["id", "unit", "postId", "rating", "performanceScore", "postCoefficient"]));
  if (tables.posts) problems.push(...readerErrors(tables.posts, ["id", "unit", "postCoefficient"]));
  if (tables.ratings) problems.push(...readerErrors(tables.ratings, ["rating", "coefficient", "maxShare", "minShare"]));
  if (tables.units) problems.push(...readerErrors(tables.units, ["unit", "assessmentCoefficient"]));
  const levels = tables.ratings ? readRatings(tables.ratings, s.ratingCaps, problems) : [];
  if (!tables.ratings) problems.push({ severity: "info", table: "ratings", key: "perf.noRatingsTable" });
  if (hasErrors(problems)) return fail(problems);

  const all = resolveStaff(staff, tables.posts, placements, problems);
  if (hasErrors(problems)) return fail(problems);
  // After a re-bidding run, performance pay goes to the people holding a post: those not placed (not
  // selected, ineligible, transferred with their function) are left out, with one note.
  const resolved = placements && placements.size > 0 ? all.filter((r) => placements.has(r.staffId)) : all;
  if (resolved.length < all.length) {
    const out = all.filter((r) => !placements!.has(r.staffId)).map((r) => r.staffId);
    const shown = out.slice(0, 10).join(", ");
    problems.push({
      severity: "info",
      table: staff.def.id,
      tableName: staff.tableName,
      key: "perf.notPlaced",
      params: { count: out.length, staff: out.length > 10 ? `${shown}, …` : shown },
    });
  }

  // Ratings source.
  const anyGiven = resolved.some((r) => typeof r.rec.values.rating === "string");
  let source: PerformancePayResult["ratingSource"] = "none";
  if (tables.ratings) {
    if (s.ratingSource === "given" || (s.ratingSource === "auto" && anyGiven)) source = "given";
    else if (s.ratingSource === "forced" || staff.columns.performanceScore) source = "forced";
    else {
      problems.push({ severity: "error", table: "staff", tableName: staff.tableName, key: "perf.noRatingsSource" });
      return fail(problems);
    }
    if (source === "forced") {
      problems.push(
        ...requireColumns(staff, ["performanceScore"], `${t("perf.model", "zh")} / ${t("perf.model", "en")}`),
      );
      if (hasErrors(problems)) return fail(problems);
    }
  }
  const known = new Set(levels.map((l) => l.rating));
  const allowed = levels.map((l) => l.rating).join(" / ");
  const ratingOf = new Array<string | undefined>(resolved.length).fill(undefined);
  const units = resolved.map((r) => r.unit ?? "");
  if (source === "given") {
    resolved.forEach((r, i) => {
      const v = r.rec.values.rating;
      if (typeof v !== "string")
        problems.push(cellProblem(staff, r.rec, "rating", "warning", "perf.noRating", { staff: r.staffId }));
      else if (!known.has(v))
        problems.push(cellProblem(staff, r.rec, "rating", "error", "perf.unknownRating", { allowed }));
      else ratingOf[i] = v;
    });
    if (hasErrors(problems)) return fail(problems);
    for (const v of checkShares(ratingOf, levels, units, s)) {
      problems.push({
        severity: "warning",
        table: "staff",
        tableName: staff.tableName,
        column: staff.columns.rating?.header,
        value: v.rating,
        key: v.kind === "max" ? "perf.capBroken" : "perf.floorBroken",
        params: { unit: v.group, rating: v.rating, count: v.count, bound: v.bound, n: v.n },
      });
    }
  } else if (source === "forced") {
    const scores = resolved.map((r) => {
      const v = r.rec.values.performanceScore;
      if (typeof v !== "number") {
        problems.push(cellProblem(staff, r.rec, "performanceScore", "warning", "perf.noScore", { staff: r.staffId }));
        return undefined;
      }
      return v;
    });
    const fd = forcedDistribution(scores, levels, units, s);
    fd.ratings.forEach((r, i) => (ratingOf[i] = r));
    for (const v of fd.violations) {
      problems.push({
        severity: "warning",
        table: "ratings",
        tableName: tables.ratings!.tableName,
        value: v.rating,
        key: v.kind === "max" ? "perf.capBroken" : "perf.floorBroken",
        params: { unit: v.group, rating: v.rating, count: v.count, bound: v.bound, n: v.n },
      });
    }
  }

  // Coefficients.
  let defaulted = 0;
  let firstDefaulted = "";
  const people: PerfPerson[] = resolved.map((r, i) => {
    const pc = r.post?.values.postCoefficient;
    const sc = r.rec.values.postCoefficient;
    let coefficient: number;
    if (typeof pc === "number") coefficient = pc;
    else if (typeof sc === "number") coefficient = sc;
    else {
      coefficient = 1;
      if (defaulted++ === 0) firstDefaulted = r.staffId;
    }
    const p: PerfPerson = { staffId: r.staffId, unit: units[i], row: r.rec.row, postCoefficient: coefficient };
    if (typeof r.rec.values.name === "string") p.name = r.rec.values.name;
    const rating = source === "none" ? undefined : ratingOf[i];
    if (rating !== undefined) p.rating = rating;
    return p;
  });
  if (defaulted > 0) {
    problems.push({
      severity: "info",
      table: "staff",
      tableName: staff.tableName,
      key: "perf.defaultPostCoefficient",
      params: { count: defaulted, staff: firstDefaulted },
    });
  }
  const unitCoefficients = new Map<string, number>();
  if (tables.units) {
    for (const rec of tables.units.records) {
      const u = rec.values.unit;
      const c = rec.values.assessmentCoefficient;
      if (typeof u === "string" && typeof c === "number") unitCoefficients.set(u, c);
    }
    for (const u of new Set(units)) {
      if (!unitCoefficients.has(u))
        problems.push({
          severity: "info",
          table: "units",
          tableName: tables.units.tableName,
          key: "perf.defaultUnitCoefficient",
          params: { unit: u },
        });
    }
  }
  // Without a Ratings table everyone counts with coefficient 1.
  const ratingLevels: RatingLevel[] = source === "none" ? [{ rating: "", coefficient: 1 }] : levels;
  if (source === "none") for (const p of people) p.rating = "";

  // Pool.
  let baseFen: number | undefined;
  if (s.poolAmount === undefined && s.poolPerCapita === undefined && s.poolPercent !== undefined) {
    if (s.poolBase !== undefined) baseFen = yuanToFen(s.poolBase);
    else if (tables.payScale) {
      const conv = convertPayFromTables(tables, payConversion ?? {}, placements);
      if (!conv.ok) return fail([...problems, ...conv.problems]);
      baseFen = conv.value.summary.annualAfter;
    } else {
      baseFen = 0;
      for (const r of resolved)
        if (typeof r.rec.values.currentPay === "number") baseFen += yuanToFen(r.rec.values.currentPay) * 12;
    }
  }
  const pool = poolFromSettings(s, people.length, baseFen)!;
  const alloc = allocatePerformancePay(people, ratingLevels, pool.pool, {
    basicShare: s.basicShare,
    wholeYuan: s.wholeYuan,
    individualCap: s.individualCap,
    unitCoefficients,
  });
  if (!alloc.ok) return fail([...problems, ...alloc.problems]);
  for (const u of alloc.value.units) {
    if (u.weight === 0 && u.headcount > 0 && u.coefficient > 0) {
      problems.push({
        severity: "warning",
        table: "staff",
        tableName: staff.tableName,
        key: "perf.unitNoReward",
        params: { unit: u.unit },
      });
    }
    if (u.capInfeasible) {
      problems.push({
        severity: "warning",
        table: "staff",
        tableName: staff.tableName,
        key: "perf.capInfeasible",
        params: { unit: u.unit },
      });
    }
  }
  // The lines read the rating from the person: without ratings there is none to show.
  if (source === "none") for (const p of people) delete p.rating;
  const result: PerformancePayResult = { ...alloc.value, poolSource: pool.source, ratingSource: source, settings: s };
  if (baseFen !== undefined) result.poolBase = baseFen;
  return ok(result, problems);
}
