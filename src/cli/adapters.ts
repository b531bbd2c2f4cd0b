/**
 * The engines as the runner calls them: scenario parameters → engine settings, results → sheets and
 * indicators. Amounts from the engines are fen; indicators are yuan (money), fractions (rates), counts.
 *
 * Re-bidding runs first so that pay conversion and performance pay use the posts people were placed on,
 * and headcount the number placed.
 */
import { headcountFromTables, headcountSheets, poolFromTables, poolSheets } from "../engine/headcount";
import type { PoolCapacity } from "../engine/headcount/pool";
import { t } from "../engine/messages";
import {
  convertPayFromTables,
  paySheets,
  perfPaySheets,
  performancePayFromTables,
  type PayConversionSettings,
  type PerformancePaySettings,
} from "../engine/pay";
import { rebidFromTables, rebidSheets, type RebidSettings } from "../engine/rebid";
import type { ParamSet } from "../engine/scenario/params";
import { fail, ok } from "../engine/types";
import type { Indicators, ModelAdapter } from "./models";

/** Copies the parameters that are set, under the engine's setting names. */
function pick<T>(params: ParamSet, keys: ReadonlyArray<keyof T & string>): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (params[k] !== undefined) out[k] = params[k];
  return out as Partial<T>;
}

function familyParams(params: ParamSet, prefix: string): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k.startsWith(`${prefix}:`) && typeof v === "number") out[k.slice(prefix.length + 1)] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function rebidSettings(params: ParamSet): Partial<RebidSettings> {
  return pick<RebidSettings>(params, [
    "mechanism",
    "adjustment",
    "normalization",
    "decimals",
    "bottomRatio",
    "bottomRounding",
    "bottomMinimum",
  ]);
}

export function paySettings(params: ParamSet): Partial<PayConversionSettings> {
  return pick<PayConversionSettings>(params, [
    "conversionRule",
    "protection",
    "phaseYears",
    "seniorityInterval",
    "scaleMultiplier",
  ]);
}

export function perfSettings(params: ParamSet): Partial<PerformancePaySettings> {
  const s = pick<PerformancePaySettings>(params, [
    "poolAmount",
    "poolPerCapita",
    "poolPercent",
    "basicShare",
    "individualCap",
    "wholeYuan",
  ]);
  const caps = familyParams(params, "ratingCap");
  if (caps) s.ratingCaps = caps;
  return s;
}

const yuan = (fen: number): number => fen / 100;

const rebid: ModelAdapter = {
  id: "rebid",
  run(tables, params, lang, context) {
    const r = rebidFromTables(tables, rebidSettings(params));
    if (!r.ok) return fail(r.problems);
    const res = r.value;
    const placements = new Map<string, string>();
    for (const c of res.candidates) if (c.postId !== undefined) placements.set(c.id, c.postId);
    context.placements = placements;
    context.placedByRebid = res.summary.counts.placed + res.summary.counts.adjusted;
    const c = res.summary.counts;
    const indicators: Indicators = {
      placed: c.placed,
      adjusted: c.adjusted,
      notSelected: c.notSelected,
      ineligible: c.ineligible,
      transferred: c.transferred,
      vacancies: res.summary.unfilled,
      blockingPairs: res.summary.blockingPairs,
    };
    if (res.bottom) indicators.bottomFlagged = res.bottom.flagged.filter(Boolean).length;
    const notes: string[] = [];
    if (familyParams(params, "weight")) notes.push(t("cli.weightParamsIgnored", lang));
    return ok({ sheets: rebidSheets(res, lang), indicators, notes }, r.problems);
  },
};

const pay: ModelAdapter = {
  id: "pay",
  run(tables, params, lang, context) {
    const r = convertPayFromTables(tables, paySettings(params), context.placements);
    if (!r.ok) return fail(r.problems);
    const s = r.value.summary;
    const indicators: Indicators = {
      payrollBefore: yuan(s.monthlyBefore),
      payrollAfter: yuan(s.monthlyAfter),
      payrollChange: yuan(s.monthlyAfter - s.monthlyBefore),
      winners: s.winners,
      losers: s.losers,
      largestLoss: s.largestLoss ? yuan(s.largestLoss.amount) : 0,
    };
    return ok({ sheets: paySheets(r.value, lang), indicators }, r.problems);
  },
};

const perf: ModelAdapter = {
  id: "perf",
  run(tables, params, lang, context) {
    const r = performancePayFromTables(
      tables,
      { ...perfSettings(params), payConversion: paySettings(params) },
      context.placements,
    );
    if (!r.ok) return fail(r.problems);
    const n = r.value.lines.length;
    const indicators: Indicators = {
      perfPool: yuan(r.value.pool),
      perfPerCapita: n > 0 ? Math.round(r.value.pool / n) / 100 : 0,
    };
    return ok({ sheets: perfPaySheets(r.value, lang), indicators }, r.problems);
  },
};

function poolSettings(params: ParamSet): { capacity?: PoolCapacity; asOf?: number } {
  const out: { capacity?: PoolCapacity; asOf?: number } = {};
  if (typeof params.poolCapacity === "number") out.capacity = params.poolCapacity;
  if (typeof params.asOf === "number") out.asOf = params.asOf;
  return out;
}

const headcount: ModelAdapter = {
  id: "headcount",
  run(tables, params, lang, context) {
    const settings: { staffCeiling?: number; pool?: { capacity?: PoolCapacity; asOf?: number } } = {
      pool: poolSettings(params),
    };
    if (typeof params.staffCeiling === "number") settings.staffCeiling = params.staffCeiling;
    const r = headcountFromTables(tables, settings, context.placedByRebid);
    if (!r.ok) return fail(r.problems);
    const plan = r.value.plan;
    const indicators: Indicators = { headcountAfter: plan.staff.after };
    if (plan.staff.rate !== null) indicators.staffReductionRate = plan.staff.rate;
    if (plan.bodiesTotal.rate !== null) indicators.bodiesReductionRate = plan.bodiesTotal.rate;
    if (plan.economicShare.after.share !== null) indicators.economicShare = plan.economicShare.after.share;
    return ok({ sheets: headcountSheets(r.value, lang), indicators }, r.problems);
  },
};

const pool: ModelAdapter = {
  id: "pool",
  run(tables, params, lang) {
    const r = poolFromTables(tables, poolSettings(params));
    if (!r.ok) return fail(r.problems);
    const b = r.value.balance;
    const indicators: Indicators = { poolOverdue: b.overdue.length };
    if (b.total.available !== null) indicators.poolAvailable = b.total.available;
    return ok({ sheets: poolSheets(r.value, lang), indicators }, r.problems);
  },
};

/** Every engine wired into the runner, in run order. */
export const ENGINE_ADAPTERS: ReadonlyArray<ModelAdapter> = [rebid, pay, perf, headcount, pool];
