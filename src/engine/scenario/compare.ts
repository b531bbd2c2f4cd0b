/**
 * What-if over the whole reform (DOMAIN §7): scenarios side by side against the baseline, the people whose
 * outcome differs between two scenarios, and a sweep of one parameter over a range. Office.js has no
 * Scenario Manager, Data Table or Solver API; this is ours.
 */
import { t } from "../messages";
import { formatDay } from "../parse";
import { outcomeText } from "../rebid";
import type { OutcomeKind } from "../rebid";
import type { ResultColumn, ResultSheet } from "../report";
import { runReform, INDICATORS, type ReformRun } from "../reform/run";
import type { Indicator, IndicatorId, ModelId } from "../reform/types";
import type { Lang, Problem } from "../types";
import type { ReadTables } from "../workbook";
import { matchParam, PARAMS, readScenarios, type ParamSet, type ParamValue, type ScenarioDef } from "./params";

export interface ScenarioRun {
  name: string;
  params: ParamSet;
  own: ParamSet;
  run: ReformRun;
}

export interface Comparison {
  scenarios: ScenarioRun[];
  /** Indicators that at least one scenario produced, in the fixed order. */
  indicators: { id: IndicatorId; model: ModelId; kind: Indicator["kind"]; values: (number | null)[] }[];
  problems: Problem[];
}

/** The baseline parameters: the Scenarios table's first row, or {} without one. */
export function baselineParams(tables: ReadTables): { params: ParamSet; problems: Problem[] } {
  if (!tables.scenarios) return { params: {}, problems: [] };
  const read = readScenarios(tables.scenarios);
  return { params: read.scenarios[0]?.params ?? {}, problems: read.problems };
}

/**
 * Runs every scenario (default: all rows of the Scenarios table) and lines their indicators up.
 *
 * @example
 * const c = compareScenarios(tables);
 * c.indicators.find((i) => i.id === "placed")?.values // => [192, 185, 190] for 基准方案, 方案二, 方案三
 */
export function compareScenarios(tables: ReadTables, scenarios?: ReadonlyArray<ScenarioDef>): Comparison {
  const problems: Problem[] = [];
  let defs: ReadonlyArray<ScenarioDef>;
  if (scenarios) defs = scenarios;
  else if (tables.scenarios) {
    const read = readScenarios(tables.scenarios);
    problems.push(...read.problems);
    defs = read.scenarios;
  } else defs = [{ name: "baseline", row: 0, params: {}, own: {} }];
  const runs: ScenarioRun[] = defs.map((d) => ({
    name: d.name,
    params: d.params,
    own: d.own,
    run: runReform(tables, { params: d.params }),
  }));
  for (const r of runs) problems.push(...r.run.problems);
  const indicators = INDICATORS.map((d) => ({
    ...d,
    values: runs.map((r) => r.run.indicator(d.id)),
  })).filter((i) => i.values.some((v) => v !== null));
  return { scenarios: runs, indicators, problems };
}

export interface PersonDiff {
  staffId: string;
  name?: string;
  unit?: string;
  postA?: string;
  postB?: string;
  outcomeA?: OutcomeKind;
  outcomeB?: OutcomeKind;
  /** New monthly pay in fen, when converted. */
  payA?: number;
  payB?: number;
  /** Performance pay total in fen. */
  perfA?: number;
  perfB?: number;
  /** What changed: the post, the pay, the performance pay. */
  changes: ("post" | "pay" | "perf")[];
}

/**
 * The people whose outcome differs between two runs: who gains or loses a post, who gains or loses pay
 * (post or monthly pay differs; a difference in performance pay alone is not listed).
 * In Staff order of run A (then anyone only in B).
 *
 * @example peopleDiff(baseline.run, other.run).filter((d) => d.changes.includes("post"))
 */
export function peopleDiff(a: ReformRun, b: ReformRun): PersonDiff[] {
  interface Entry {
    name?: string;
    unit?: string;
    post?: string;
    outcome?: OutcomeKind;
    pay?: number;
    perf?: number;
  }
  const collect = (run: ReformRun): Map<string, Entry> => {
    const m = new Map<string, Entry>();
    const get = (id: string): Entry => {
      let e = m.get(id);
      if (!e) m.set(id, (e = {}));
      return e;
    };
    for (const c of run.results.rebid?.candidates ?? []) {
      const e = get(c.id);
      e.name = c.name;
      e.unit = c.unit;
      e.post = c.postId;
      e.outcome = c.outcome;
    }
    for (const l of run.results.pay?.lines ?? []) {
      const e = get(l.staffId);
      e.name ??= l.name;
      e.pay = l.newPay;
    }
    for (const l of run.results.perf?.lines ?? []) {
      const e = get(l.staffId);
      e.name ??= l.name;
      e.unit ??= l.unit;
      e.perf = l.total;
    }
    return m;
  };
  const ma = collect(a);
  const mb = collect(b);
  const ids = [...ma.keys(), ...[...mb.keys()].filter((k) => !ma.has(k))];
  const out: PersonDiff[] = [];
  for (const id of ids) {
    const x = ma.get(id) ?? {};
    const y = mb.get(id) ?? {};
    const changes: PersonDiff["changes"] = [];
    if (x.post !== y.post) changes.push("post");
    if (x.pay !== y.pay) changes.push("pay");
    if (x.perf !== y.perf) changes.push("perf");
    // Listed when the post or the monthly pay differs; performance pay moves a little for everyone when
    // the pool or the units change, so on its own it does not list a person (its columns still show it).
    if (!changes.includes("post") && !changes.includes("pay")) continue;
    out.push({
      staffId: id,
      name: x.name ?? y.name,
      unit: x.unit ?? y.unit,
      postA: x.post,
      postB: y.post,
      outcomeA: x.outcome,
      outcomeB: y.outcome,
      payA: x.pay,
      payB: y.pay,
      perfA: x.perf,
      perfB: y.perf,
      changes,
    });
  }
  return out;
}

export interface SweepSpec {
  /** Parameter name as in the Scenarios table (志愿模式, 面试权重, 绩效总额, …) or its key. */
  param: string;
  start: number;
  end: number;
  step: number;
}

export interface SweepResult {
  paramKey: string;
  paramLabel: string;
  values: number[];
  runs: ReformRun[];
  indicators: { id: IndicatorId; model: ModelId; kind: Indicator["kind"]; values: (number | null)[] }[];
  problems: Problem[];
}

/** At most this many points in a sweep. */
export const MAX_SWEEP_POINTS = 201;

/**
 * Runs the reform for one numeric parameter over start, start + step, …, end (inclusive, at most 201
 * points), every other parameter from `base` (default: the Scenarios baseline).
 *
 * @example sweep(tables, { param: "绩效总额", start: 6e6, end: 8e6, step: 1e6 }).values // => [6e6, 7e6, 8e6]
 */
export function sweep(tables: ReadTables, spec: SweepSpec, base?: ParamSet): SweepResult {
  const problems: Problem[] = [];
  const def = matchParam(spec.param) ?? PARAMS.find((p) => p.key === spec.param);
  const fail = (key: string, params: Record<string, string | number>): SweepResult => ({
    paramKey: spec.param,
    paramLabel: spec.param,
    values: [],
    runs: [],
    indicators: [],
    problems: [{ severity: "error", table: "settings", column: spec.param, value: spec.param, key, params }],
  });
  if (!def) return fail("scenario.sweepUnknownParam", { param: spec.param });
  if (def.type !== "number") return fail("scenario.sweepNotNumeric", { param: spec.param });
  const { start, end, step } = spec;
  if (![start, end, step].every(Number.isFinite) || step <= 0 || end < start) {
    return fail("scenario.sweepBadRange", { start, end, step });
  }
  const count = Math.floor((end - start) / step + 1e-9) + 1;
  if (count > MAX_SWEEP_POINTS) return fail("scenario.sweepTooMany", { count, max: MAX_SWEEP_POINTS });
  const values: number[] = [];
  for (let i = 0; i < count; i++) values.push(Number((start + i * step).toPrecision(12)));
  const baseParams = base ?? baselineParams(tables).params;
  const runs = values.map((v) => runReform(tables, { params: { ...baseParams, [def.key]: v as ParamValue } }));
  for (const r of runs.slice(0, 1)) problems.push(...r.problems);
  const indicators = INDICATORS.map((d) => ({ ...d, values: runs.map((r) => r.indicator(d.id)) })).filter((i) =>
    i.values.some((v) => v !== null),
  );
  return { paramKey: def.key, paramLabel: spec.param, values, runs, indicators, problems };
}

/** An indicator's name in a language. */
export function indicatorName(id: IndicatorId, lang: Lang): string {
  return t(`indicator.${id}`, lang);
}

/**
 * The comparison as result sheets: `Scenario Comparison`/`方案对比` (an indicator per row, a column per
 * scenario and one per change against the baseline, with a chart) and `Scenario People`/`方案人员变化`
 * (who gains or loses a post or pay in each scenario against the baseline).
 */
export function comparisonSheets(c: Comparison, lang: Lang): ResultSheet[] {
  const names = c.scenarios.map((s) => s.name);
  const columns: ResultColumn[] = [
    { header: t("scenario.col.indicator", lang), kind: "text" },
    ...names.map((n) => ({ header: n, kind: "number" as const })),
    ...names.slice(1).map((n) => ({ header: t("scenario.col.delta", lang, { name: n }), kind: "number" as const })),
  ];
  const rows = c.indicators.map((i) => {
    const base = i.values[0];
    return [
      indicatorName(i.id, lang),
      ...i.values.map((v) => (v === null ? null : i.kind === "percent" ? Number(v.toFixed(4)) : v)),
      ...i.values.slice(1).map((v) => (v === null || base === null ? null : Number((v - base).toFixed(4)))),
    ];
  });
  const notes = c.scenarios.map((s) =>
    t("scenario.note.params", lang, {
      name: s.name,
      params:
        Object.entries(s.own)
          .map(([k, v]) => `${paramLabel(k, lang)}=${paramText(k, v, lang)}`)
          .join(lang === "zh" ? "，" : ", ") || "—",
    }),
  );
  const compare: ResultSheet = {
    id: "scenarioComparison",
    name: t("scenario.sheet.comparison", lang),
    columns,
    rows,
    notes,
    charts:
      names.length > 0
        ? [
            {
              type: "column",
              title: t("scenario.chart.comparison", lang),
              categoryColumn: 0,
              seriesColumns: names.map((_, i) => i + 1),
            },
          ]
        : [],
  };
  const peopleRows: (string | number | null)[][] = [];
  const base = c.scenarios[0];
  for (const s of c.scenarios.slice(1)) {
    for (const d of peopleDiff(base.run, s.run)) {
      peopleRows.push([
        s.name,
        d.staffId,
        d.name ?? "",
        d.unit ?? "",
        d.postA ?? "",
        d.postB ?? "",
        d.outcomeA ? outcomeText(d.outcomeA, lang) : "",
        d.outcomeB ? outcomeText(d.outcomeB, lang) : "",
        d.payA === undefined ? null : d.payA / 100,
        d.payB === undefined ? null : d.payB / 100,
        d.payA === undefined || d.payB === undefined ? null : (d.payB - d.payA) / 100,
        d.perfA === undefined ? null : d.perfA / 100,
        d.perfB === undefined ? null : d.perfB / 100,
      ]);
    }
  }
  const h = (k: string): string => t(`scenario.col.${k}`, lang, { base: base?.name ?? "" });
  const people: ResultSheet = {
    id: "scenarioPeople",
    name: t("scenario.sheet.people", lang),
    columns: [
      { header: h("scenario"), kind: "text" },
      { header: h("staffId"), kind: "text" },
      { header: h("name"), kind: "text" },
      { header: h("unit"), kind: "text" },
      { header: h("postBase"), kind: "text" },
      { header: h("post"), kind: "text" },
      { header: h("outcomeBase"), kind: "text" },
      { header: h("outcome"), kind: "text" },
      { header: h("payBase"), kind: "money" },
      { header: h("pay"), kind: "money" },
      { header: h("payChange"), kind: "money" },
      { header: h("perfBase"), kind: "money" },
      { header: h("perf"), kind: "money" },
    ],
    rows: peopleRows,
  };
  return [compare, people];
}

/** The sweep as a result sheet (`Sweep`/`参数扫描`): a row per value, a column per indicator, a line chart. */
export function sweepSheets(s: SweepResult, lang: Lang): ResultSheet[] {
  const columns: ResultColumn[] = [
    { header: s.paramLabel, kind: "number", decimals: 4 },
    ...s.indicators.map((i) => ({
      header: indicatorName(i.id, lang),
      kind: i.kind === "money" ? ("money" as const) : i.kind === "percent" ? ("percent" as const) : ("number" as const),
    })),
  ];
  const rows = s.values.map((v, k) => [v, ...s.indicators.map((i) => i.values[k])]);
  return [
    {
      id: "sweep",
      name: t("scenario.sheet.sweep", lang),
      columns,
      rows,
      charts: [
        {
          type: "line",
          title: t("scenario.chart.sweep", lang, { param: s.paramLabel }),
          categoryColumn: 0,
          seriesColumns: s.indicators.map((_, i) => i + 1),
        },
      ],
    },
  ];
}

/** A parameter value as the user would write it: 平行 / parallel, 是 / yes, 2026-01-01. */
export function paramText(key: string, value: ParamValue, lang: Lang): string {
  const def = PARAMS.find((p) => p.key === key);
  if (typeof value === "boolean") return lang === "zh" ? (value ? "是" : "否") : value ? "yes" : "no";
  if (def?.type === "date" && typeof value === "number") return formatDay(value);
  if (def?.type === "enum" && typeof value === "string") {
    const spellings = def.values?.[value];
    return lang === "zh" && spellings && spellings.length > 0 ? spellings[0] : value;
  }
  return String(value);
}

function paramLabel(key: string, lang: Lang): string {
  const def = PARAMS.find((p) => p.key === key);
  if (def) return def[lang];
  const [family, name] = key.split(":");
  if (family === "weight") return lang === "zh" ? `${name}权重` : `${name} weight`;
  if (family === "ratingCap") return lang === "zh" ? `${name}比例上限` : `${name} max share`;
  return key;
}
