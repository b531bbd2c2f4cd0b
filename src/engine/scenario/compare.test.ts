import { convertPayFromTables, performancePayFromTables } from "../pay";
import { headcountFromTables, poolFromTables } from "../headcount";
import { rebidFromTables } from "../rebid";
import { paySettingsOf, perfSettingsOf, poolSettingsOf, rebidSettingsOf, runReform } from "../reform";
import { generateSample, sampleSources } from "../../sample/sample";
import { identifyTables, readTables } from "../workbook";
import { baselineParams, compareScenarios, comparisonSheets, peopleDiff, sweep, sweepSheets } from "./compare";
import { readScenarios } from "./params";

const tables = readTables(identifyTables(sampleSources(generateSample({}))));
const baseline = baselineParams(tables).params;
// The sample's baseline sets 面试权重 (applied to a copy of Weights); the per-model comparison uses the rest.
const base = Object.fromEntries(Object.entries(baseline).filter(([k]) => !k.startsWith("weight:")));

describe("runReform", () => {
  it("gives the same indicators as running each model alone", () => {
    const run = runReform(tables, { params: base });
    expect(run.statuses.map((s) => `${s.model}:${s.status}`)).toEqual([
      "rebid:ok",
      "pay:ok",
      "perf:ok",
      "headcount:ok",
      "pool:ok",
    ]);
    const rebid = rebidFromTables(tables, rebidSettingsOf(base));
    if (!rebid.ok) throw new Error("rebid failed");
    expect(run.indicator("placed")).toBe(rebid.value.summary.counts.placed);
    expect(run.indicator("notSelected")).toBe(rebid.value.summary.counts.notSelected);
    expect(run.indicator("vacancies")).toBe(rebid.value.summary.unfilled);
    const placements = new Map<string, string>();
    for (const c of rebid.value.candidates) if (c.postId) placements.set(c.id, c.postId);
    const pay = convertPayFromTables(tables, paySettingsOf(base), placements);
    if (!pay.ok) throw new Error("pay failed");
    expect(run.indicator("payrollAfter")).toBe(pay.value.summary.monthlyAfter / 100);
    expect(run.indicator("payrollBefore")).toBe(pay.value.summary.monthlyBefore / 100);
    const perf = performancePayFromTables(
      tables,
      { ...perfSettingsOf(base), payConversion: paySettingsOf(base) },
      placements,
    );
    if (!perf.ok) throw new Error("perf failed");
    expect(run.indicator("perfPool")).toBe(perf.value.pool / 100);
    const hc = headcountFromTables(
      tables,
      { staffCeiling: base.staffCeiling as number, pool: poolSettingsOf(base) },
      rebid.value.summary.counts.placed + rebid.value.summary.counts.adjusted,
    );
    if (!hc.ok) throw new Error("headcount failed");
    expect(run.indicator("headcountAfter")).toBe(hc.value.plan.staff.after);
    const pool = poolFromTables(tables, poolSettingsOf(base));
    if (!pool.ok) throw new Error("pool failed");
    expect(run.indicator("poolAvailable")).toBe(pool.value.balance.total.available);
  });

  it("skips a model whose tables are missing and never changes the input", () => {
    const { units: _u, poolLedger: _p, ...rest } = tables;
    const before = JSON.stringify(tables.weights);
    const run = runReform(rest, { params: { ...base, "weight:面试": 0.6 } });
    expect(run.statuses.find((s) => s.model === "headcount")).toMatchObject({ status: "skipped", missing: ["units"] });
    expect(run.statuses.find((s) => s.model === "pool")).toMatchObject({ status: "skipped", missing: ["poolLedger"] });
    expect(run.indicator("headcountAfter")).toBeNull();
    expect(JSON.stringify(tables.weights)).toBe(before);
  });
});

describe("scenarios", () => {
  it("inherits the baseline: 方案二 changes only the mechanism", () => {
    const { scenarios } = readScenarios(tables.scenarios!);
    expect(scenarios[0].params).toEqual(baseline);
    expect(scenarios[1].params).toEqual({ ...scenarios[0].params, ...scenarios[1].own });
    expect(Object.keys(scenarios[1].own)).toContain("mechanism");
  });

  it("compares side by side; sequential shows blocking pairs, parallel none", () => {
    const c = compareScenarios(tables);
    expect(c.scenarios.map((s) => s.name)).toEqual(["基准方案", "方案二", "方案三"]);
    const bp = c.indicators.find((i) => i.id === "blockingPairs")!;
    expect(bp.values[0]).toBe(0);
    expect(bp.values[1]).toBeGreaterThan(0);
    const sheets = comparisonSheets(c, "zh");
    expect(sheets.map((s) => s.name)).toEqual(["方案对比", "方案人员变化"]);
    const placedRow = sheets[0].rows.find((r) => r[0] === "按志愿录取")!;
    const placed = c.indicators.find((i) => i.id === "placed")!.values;
    expect(placedRow.slice(1, 4)).toEqual(placed);
    expect(placedRow[4]).toBe((placed[1] as number) - (placed[0] as number));
  });

  it("a changed interview weight moves a named person", () => {
    const a = runReform(tables, { params: base });
    const b = runReform(tables, { params: { ...base, "weight:面试": 0.7 } });
    const diffs = peopleDiff(a, b).filter((d) => d.changes.includes("post"));
    expect(diffs.length).toBeGreaterThan(0);
    const d = diffs[0];
    const ca = a.results.rebid!.candidates.find((c) => c.id === d.staffId)!;
    const cb = b.results.rebid!.candidates.find((c) => c.id === d.staffId)!;
    expect(ca.postId).toBe(d.postA);
    expect(cb.postId).toBe(d.postB);
    expect(ca.postId).not.toBe(cb.postId);
    expect(d.name).toBe(ca.name);
  });

  it("sweeping the pool size makes per-capita performance pay rise in proportion", () => {
    const s = sweep(tables, { param: "绩效总额", start: 6_000_000, end: 9_000_000, step: 1_000_000 });
    expect(s.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(s.values).toEqual([6_000_000, 7_000_000, 8_000_000, 9_000_000]);
    const pc = s.indicators.find((i) => i.id === "perfPerCapita")!.values as number[];
    const n = s.runs[0].results.perf!.lines.length;
    s.values.forEach((v, i) => expect(pc[i]).toBeCloseTo(v / n, 2));
    expect(pc[3] / pc[0]).toBeCloseTo(9 / 6, 4);
    const sheet = sweepSheets(s, "en")[0];
    expect(sheet.rows.length).toBe(4);
    expect(sheet.charts?.[0].type).toBe("line");
  });

  it("rejects a bad sweep with a problem, not an exception", () => {
    expect(sweep(tables, { param: "志愿模式", start: 0, end: 1, step: 1 }).problems[0].key).toBe(
      "scenario.sweepNotNumeric",
    );
    expect(sweep(tables, { param: "绩效总额", start: 5, end: 1, step: 1 }).problems[0].key).toBe(
      "scenario.sweepBadRange",
    );
    expect(sweep(tables, { param: "颜色", start: 0, end: 1, step: 1 }).problems[0].key).toBe(
      "scenario.sweepUnknownParam",
    );
  });
});

describe("runReform dependencies", () => {
  it("runs re-bidding first for pay, performance pay and headcount, but shows only what was asked for", () => {
    const all = runReform(tables, { params: base });
    const payOnly = runReform(tables, { params: base, models: ["pay"] });
    expect(payOnly.indicator("payrollAfter")).toBe(all.indicator("payrollAfter"));
    expect(payOnly.indicator("payrollAfter")).toBeGreaterThan(0);
    expect(payOnly.indicators.map((i) => i.model).every((m) => m === "pay")).toBe(true);
    expect(payOnly.statuses.find((s) => s.model === "rebid")).toMatchObject({ status: "ok", dependency: true });
    const sheetIds = payOnly.sheets("en").map((s) => s.id);
    expect(sheetIds.some((id) => id.startsWith("pay"))).toBe(true);
    expect(sheetIds).not.toContain("placements");
    const hc = runReform(tables, { params: base, models: ["headcount"] });
    expect(hc.indicator("headcountAfter")).toBe(all.indicator("headcountAfter"));
  });

  it("says so when a dependent model ran without re-bidding", () => {
    const { posts: _p, ...noPosts } = tables;
    const r = runReform(noPosts, { params: base, models: ["perf"] });
    expect(r.statuses.map((s) => s.model)).toEqual(["perf"]);
    const broken = { ...tables, posts: { ...tables.posts!, problems: [], records: [] } };
    const r2 = runReform(broken, { params: base, models: ["headcount"] });
    // Every choice now names an unknown post: re-bidding fails, headcount still runs and says so.
    expect(r2.statuses.find((s) => s.model === "rebid")).toMatchObject({ status: "failed", dependency: true });
    const hcStatus = r2.statuses.find((s) => s.model === "headcount")!;
    expect(hcStatus.status).toBe("ok");
    expect(hcStatus.problems.map((p) => p.key)).toContain("reform.withoutRebid");
  });
});

describe("comparison notes", () => {
  it("write parameter values as the user would", () => {
    const c = compareScenarios(tables);
    const notes = comparisonSheets(c, "zh")[0].notes!.join("\n");
    expect(notes).toContain("志愿模式=平行");
    expect(notes).not.toContain("parallel");
    expect(notes).toMatch(/基准日期=\d{4}-\d{2}-\d{2}/);
    const en = comparisonSheets(c, "en")[0].notes!.join("\n");
    expect(en).toContain("Mechanism=sequential");
  });

  it("list people whose post or monthly pay differs, not performance pay alone", () => {
    const c = compareScenarios(tables);
    for (const s of c.scenarios.slice(1)) {
      for (const d of peopleDiff(c.scenarios[0].run, s.run)) {
        expect(d.changes.includes("post") || d.changes.includes("pay")).toBe(true);
      }
    }
  });
});
