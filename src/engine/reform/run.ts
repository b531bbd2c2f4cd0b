/**
 * The whole reform in one pure function: every model whose tables are present, under one parameter set,
 * in a fixed order (re-bidding → pay conversion → performance pay → headcount → pool), each later model
 * using what the earlier ones decided (the posts people were placed on; the number placed).
 *
 * Used by the task pane, the scenarios comparison and sweep, and the headless runner: there is no second
 * copy of this wiring.
 */
import {
  headcountFromTables,
  headcountSheets,
  poolFromTables,
  poolSheets,
  type HeadcountResult,
  type HeadcountSettings,
  type PoolCapacity,
  type PoolResult,
  type PoolSettings,
} from "../headcount";
import {
  convertPayFromTables,
  paySheets,
  perfPaySheets,
  performancePayFromTables,
  type PayConversionResult,
  type PayConversionSettings,
  type PerformancePayResult,
  type PerformancePaySettings,
} from "../pay";
import { normalizeHeader } from "../parse";
import { rebidFromTables, rebidSheets, type RebidResult, type RebidSettings } from "../rebid";
import type { ResultSheet } from "../report";
import type { ParamSet } from "../scenario/params";
import { STAFF, TABLES, type TableId } from "../schema";
import { matchColumn, type TableRead } from "../tableReader";
import type { Lang, Outcome, Problem } from "../types";
import type { ReadTables } from "../workbook";
import {
  MODEL_IDS,
  MODEL_TABLES,
  type Indicator,
  type IndicatorId,
  type ModelId,
  type ModelStatus,
  type ReformOptions,
  type ReformRunBase,
} from "./types";

export interface ReformResults {
  rebid?: RebidResult;
  pay?: PayConversionResult;
  perf?: PerformancePayResult;
  headcount?: HeadcountResult;
  pool?: PoolResult;
}

export interface ReformRun extends ReformRunBase {
  results: ReformResults;
  params: ParamSet;
  /** The indicator value by id (null when its model did not run). */
  indicator(id: IndicatorId): number | null;
}

/** Models whose results another model uses: placements (staff → post) and the number placed. */
export const MODEL_DEPENDENCIES: Readonly<Record<ModelId, ReadonlyArray<ModelId>>> = {
  rebid: [],
  pay: ["rebid"],
  perf: ["rebid"],
  headcount: ["rebid"],
  pool: [],
};

/** Which model each indicator belongs to and how it is shown: the fixed list, in display order. */
export const INDICATORS: ReadonlyArray<{ id: IndicatorId; model: ModelId; kind: Indicator["kind"] }> = [
  { id: "placed", model: "rebid", kind: "integer" },
  { id: "adjusted", model: "rebid", kind: "integer" },
  { id: "notSelected", model: "rebid", kind: "integer" },
  { id: "ineligible", model: "rebid", kind: "integer" },
  { id: "transferred", model: "rebid", kind: "integer" },
  { id: "vacancies", model: "rebid", kind: "integer" },
  { id: "blockingPairs", model: "rebid", kind: "integer" },
  { id: "bottomFlagged", model: "rebid", kind: "integer" },
  { id: "payrollBefore", model: "pay", kind: "money" },
  { id: "payrollAfter", model: "pay", kind: "money" },
  { id: "payrollChange", model: "pay", kind: "money" },
  { id: "winners", model: "pay", kind: "integer" },
  { id: "losers", model: "pay", kind: "integer" },
  { id: "largestLoss", model: "pay", kind: "money" },
  { id: "perfPool", model: "perf", kind: "money" },
  { id: "perfPerCapita", model: "perf", kind: "money" },
  { id: "headcountAfter", model: "headcount", kind: "integer" },
  { id: "staffReductionRate", model: "headcount", kind: "percent" },
  { id: "bodiesReductionRate", model: "headcount", kind: "percent" },
  { id: "economicShare", model: "headcount", kind: "percent" },
  { id: "poolAvailable", model: "pool", kind: "integer" },
  { id: "poolOverdue", model: "pool", kind: "integer" },
];

function pick<T>(params: ParamSet, keys: ReadonlyArray<keyof T & string>): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (params[k] !== undefined) out[k] = params[k];
  return out as Partial<T>;
}

/** Parameters of a family ("weight:面试" → { 面试: 0.5 }). */
export function familyParams(params: ParamSet, prefix: string): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k.startsWith(`${prefix}:`) && typeof v === "number") out[k.slice(prefix.length + 1)] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Re-bidding settings from scenario parameters. */
export function rebidSettingsOf(params: ParamSet): Partial<RebidSettings> {
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

/** Pay conversion settings from scenario parameters. */
export function paySettingsOf(params: ParamSet): Partial<PayConversionSettings> {
  return pick<PayConversionSettings>(params, [
    "conversionRule",
    "protection",
    "phaseYears",
    "seniorityInterval",
    "scaleMultiplier",
  ]);
}

/** Performance pay settings from scenario parameters (rating caps from "优秀比例上限"-style columns). */
export function perfSettingsOf(params: ParamSet): Partial<PerformancePaySettings> {
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

/** Pool settings from scenario parameters. */
export function poolSettingsOf(params: ParamSet): Partial<PoolSettings> {
  const out: { capacity?: PoolCapacity; asOf?: number } = {};
  if (typeof params.poolCapacity === "number") out.capacity = params.poolCapacity;
  if (typeof params.asOf === "number") out.asOf = params.asOf;
  return out;
}

/** Headcount settings from scenario parameters. */
export function headcountSettingsOf(params: ParamSet): Partial<HeadcountSettings> {
  const s: Partial<HeadcountSettings> = { pool: poolSettingsOf(params) };
  if (typeof params.staffCeiling === "number") s.staffCeiling = params.staffCeiling;
  return s;
}

/** Two headers name the same score component: same text, or the same Staff column by its aliases. */
function sameComponent(a: string, b: string): boolean {
  if (normalizeHeader(a) === normalizeHeader(b)) return true;
  const ca = matchColumn(STAFF, a);
  const cb = matchColumn(STAFF, b);
  return ca !== undefined && ca === cb;
}

/**
 * Applies "what if 面试 weighed 50%" to a Weights table: in every category row the named component takes
 * the new weight and the other components are rescaled in proportion so the row keeps its sum. The user's
 * table is not touched: a changed copy is returned. A component that is not a Weights column is reported.
 *
 * @example applyWeightParams(weights, { 面试: 0.5 }) // row 笔试 0.4 / 面试 0.3 / 测评 0.3 → 0.2857 / 0.5 / 0.2143
 */
export function applyWeightParams(
  weights: TableRead,
  overrides: Readonly<Record<string, number>>,
): { read: TableRead; problems: Problem[] } {
  const problems: Problem[] = [];
  let records = weights.records;
  for (const [component, value] of Object.entries(overrides)) {
    const col = weights.extraColumns.find((c) => sameComponent(c.header, component));
    if (!col) {
      problems.push({
        severity: "error",
        table: "scenarios",
        column: component,
        value,
        key: "scenario.unknownComponent",
        params: { component, table: weights.tableName },
      });
      continue;
    }
    records = records.map((rec) => {
      const vals = weights.extraColumns.map((c) => {
        const v = rec.extra[c.header];
        return typeof v === "number" ? v : Number(v ?? 0) || 0;
      });
      const idx = weights.extraColumns.indexOf(col);
      const total = vals.reduce((a, b) => a + b, 0);
      const others = total - vals[idx];
      const extra = { ...rec.extra };
      weights.extraColumns.forEach((c, i) => {
        if (i === idx) extra[c.header] = value;
        else if (others > 0) extra[c.header] = (vals[i] * (total - value)) / others;
      });
      return { ...rec, extra };
    });
  }
  return { read: { ...weights, records }, problems };
}

/** Tables a model needs that are missing. */
export function missingTables(tables: ReadTables, model: ModelId): TableId[] {
  return MODEL_TABLES[model].required.filter((t) => !tables[t]);
}

export interface ModelReadiness {
  model: ModelId;
  ready: boolean;
  missing: TableId[];
}

/**
 * Per model, in model order: ready (its required tables present) or the tables missing.
 *
 * @example readiness(["staff", "posts"]).find((r) => r.model === "rebid")?.ready // => true
 */
export function readiness(present: Iterable<TableId>): ModelReadiness[] {
  const have = new Set(present);
  return MODEL_IDS.map((model) => {
    const missing = MODEL_TABLES[model].required.filter((id) => !have.has(id));
    return { model, ready: missing.length === 0, missing };
  });
}

/**
 * Runs every model whose tables are present (or the ones asked for) under a parameter set.
 * A model whose required tables are missing is skipped; one whose tables are malformed fails with its
 * problems; the others run. Nothing here throws for bad data.
 *
 * @example
 * const run = runReform(readTables(identifyTables(sources)), { params: { mechanism: "sequential" } });
 * run.indicator("placed"); // number placed by choice
 * run.sheets("zh"); // 竞聘结果, 岗位录取, 薪酬套改, …
 */
export function runReform(tables: ReadTables, options: ReformOptions = {}): ReformRun {
  const params = options.params ?? {};
  const wanted = new Set<ModelId>(options.models ?? MODEL_IDS);
  // Pay, performance pay and headcount use re-bidding's placements: run it first when its tables are
  // present, even when only they were asked for (its sheets and indicators are then left out).
  const toRun = new Set<ModelId>(wanted);
  for (const m of wanted)
    for (const d of MODEL_DEPENDENCIES[m]) if (missingTables(tables, d).length === 0) toRun.add(d);
  const statuses: ModelStatus[] = [];
  const results: ReformResults = {};
  const problems: Problem[] = [];
  const values = new Map<IndicatorId, number>();
  let placements: Map<string, string> | undefined;
  let placedByRebid: number | undefined;

  // Weight parameters change a copy of the Weights table.
  let effective: ReadTables = tables;
  const weightOverrides = familyParams(params, "weight");
  if (weightOverrides && tables.weights) {
    const applied = applyWeightParams(tables.weights, weightOverrides);
    effective = { ...tables, weights: applied.read };
    problems.push(...applied.problems);
  }

  const step = <T>(model: ModelId, run: () => Outcome<T>, store: (v: T) => void): void => {
    if (!toRun.has(model)) return;
    const dependency = !wanted.has(model);
    const missing = missingTables(effective, model);
    if (missing.length > 0) {
      statuses.push({ model, status: "skipped", problems: [], missing, ...(dependency ? { dependency } : {}) });
      return;
    }
    // A required table the reader could not read at all (missing identity column) stops the model.
    const unreadable = MODEL_TABLES[model].required.flatMap((t) =>
      (effective[t]?.problems ?? []).filter((p) => p.severity === "error" && p.key === "column.missing"),
    );
    if (unreadable.length > 0) {
      statuses.push({ model, status: "failed", problems: unreadable, ...(dependency ? { dependency } : {}) });
      return;
    }
    const out = run();
    if (!out.ok) {
      statuses.push({ model, status: "failed", problems: out.problems, ...(dependency ? { dependency } : {}) });
      return;
    }
    store(out.value);
    statuses.push({ model, status: "ok", problems: out.problems, ...(dependency ? { dependency } : {}) });
  };

  step(
    "rebid",
    () => rebidFromTables(effective, rebidSettingsOf(params)),
    (r) => {
      results.rebid = r;
      placements = new Map();
      for (const c of r.candidates) if (c.postId !== undefined) placements.set(c.id, c.postId);
      const c = r.summary.counts;
      placedByRebid = c.placed + c.adjusted;
      values.set("placed", c.placed);
      values.set("adjusted", c.adjusted);
      values.set("notSelected", c.notSelected);
      values.set("ineligible", c.ineligible);
      values.set("transferred", c.transferred);
      values.set("vacancies", r.summary.unfilled);
      values.set("blockingPairs", r.summary.blockingPairs);
      if (r.bottom) values.set("bottomFlagged", r.bottom.flagged.filter(Boolean).length);
    },
  );

  step(
    "pay",
    () => convertPayFromTables(effective, paySettingsOf(params), placements),
    (r) => {
      results.pay = r;
      const s = r.summary;
      values.set("payrollBefore", s.monthlyBefore / 100);
      values.set("payrollAfter", s.monthlyAfter / 100);
      values.set("payrollChange", (s.monthlyAfter - s.monthlyBefore) / 100);
      values.set("winners", s.winners);
      values.set("losers", s.losers);
      values.set("largestLoss", s.largestLoss ? s.largestLoss.amount / 100 : 0);
    },
  );

  step(
    "perf",
    () =>
      performancePayFromTables(
        effective,
        { ...perfSettingsOf(params), payConversion: paySettingsOf(params) },
        placements,
      ),
    (r) => {
      results.perf = r;
      const n = r.lines.length;
      values.set("perfPool", r.pool / 100);
      values.set("perfPerCapita", n > 0 ? Math.round(r.pool / n) / 100 : 0);
    },
  );

  step(
    "headcount",
    () => headcountFromTables(effective, headcountSettingsOf(params), placedByRebid),
    (r) => {
      results.headcount = r;
      const plan = r.plan;
      values.set("headcountAfter", plan.staff.after);
      if (plan.staff.rate !== null) values.set("staffReductionRate", plan.staff.rate);
      if (plan.bodiesTotal.rate !== null) values.set("bodiesReductionRate", plan.bodiesTotal.rate);
      if (plan.economicShare.after.share !== null) values.set("economicShare", plan.economicShare.after.share);
    },
  );

  step(
    "pool",
    () => poolFromTables(effective, poolSettingsOf(params)),
    (r) => {
      results.pool = r;
      const b = r.balance;
      values.set("poolOverdue", b.overdue.length);
      if (b.total.available !== null) values.set("poolAvailable", b.total.available);
    },
  );

  const ran = new Set(statuses.filter((s) => s.status === "ok").map((s) => s.model));
  // A dependent model that ran without the re-bidding it needs says so.
  const rebidStatus = statuses.find((s) => s.model === "rebid");
  if (rebidStatus && rebidStatus.status !== "ok") {
    for (const st of statuses) {
      if (st.status === "ok" && MODEL_DEPENDENCIES[st.model].includes("rebid")) {
        st.problems.unshift({
          severity: "warning",
          table: "staff",
          key: "reform.withoutRebid",
          params: { model: st.model },
        });
      }
    }
  }
  const indicators: Indicator[] = INDICATORS.filter((d) => wanted.has(d.model)).map((d) => ({
    id: d.id,
    model: d.model,
    kind: d.kind,
    value: ran.has(d.model) ? (values.get(d.id) ?? null) : null,
  }));

  return {
    statuses,
    indicators,
    problems,
    results,
    params,
    indicator: (id) => indicators.find((i) => i.id === id)?.value ?? null,
    sheets: (lang: Lang): ResultSheet[] => [
      ...(results.rebid && wanted.has("rebid") ? rebidSheets(results.rebid, lang) : []),
      ...(results.pay && wanted.has("pay") ? paySheets(results.pay, lang) : []),
      ...(results.perf && wanted.has("perf") ? perfPaySheets(results.perf, lang) : []),
      ...(results.headcount && wanted.has("headcount") ? headcountSheets(results.headcount, lang) : []),
      ...(results.pool && wanted.has("pool") ? poolSheets(results.pool, lang) : []),
    ],
  };
}

/** The name of a table in a language (for "missing table" notes). */
export function tableLabel(id: TableId, lang: Lang): string {
  return TABLES[id][lang];
}
