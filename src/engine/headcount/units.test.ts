import fc from "fast-check";
import { readTable } from "../tableReader";
import { UNITS, FUNCTIONS_LIST, POOL_LEDGER } from "../schema";
import type { CellValue } from "../types";
import {
  beforeAfter,
  functionClass,
  functionsSummary,
  headcountFromTables,
  parseDisposition,
  quotaCheck,
  rankingQuotas,
  rateText,
  reductionRate,
  reformPlan,
  type UnitInput,
} from "./index";

describe("reductionRate", () => {
  it("reproduces the published figures to 0.1%", () => {
    // (21 − 14) / 21 = 0.3333…; (105 − 74) / 105 = 0.29523…; (104 − 70) / 104 = 0.32692…;
    // (463 − 272) / 463 = 0.41252…; (22 − 9) / 22 = 0.59090…
    const cases: [number, number, number, string][] = [
      [21, 14, 0.333, "33.3%"],
      [105, 74, 0.295, "29.5%"],
      [104, 70, 0.327, "32.7%"],
      [463, 272, 0.413, "41.3%"],
      [22, 9, 0.591, "59.1%"],
    ];
    for (const [b, a, rate, text] of cases) {
      expect(reductionRate(b, a)).toBe(rate);
      expect(rateText(reductionRate(b, a))).toBe(text);
      expect(beforeAfter(b, a)).toEqual({ before: b, after: a, change: a - b, rate, rateText: text });
    }
  });

  it("rounds half up, states growth as a negative rate, and has no rate from zero", () => {
    expect(reductionRate(2000, 1999)).toBe(0.001); // 0.0005 exactly → up
    expect(reductionRate(2000, 2001)).toBe(-0.001); // half away from zero
    expect(reductionRate(10, 11)).toBe(-0.1);
    expect(rateText(-0.1)).toBe("-10.0%");
    expect(reductionRate(0, 5)).toBeNull();
    expect(rateText(null)).toBe("—");
    expect(reductionRate(8, 8)).toBe(0);
    expect(rateText(0)).toBe("0.0%");
    expect(reductionRate(2.5, 1)).toBe(0.6);
  });

  it("is within half a per mille of the exact ratio (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 2_000_000 }), (b, a) => {
        const r = reductionRate(b, a) as number;
        // Half a per mille, plus binary representation error relative to the magnitude (growth rates get large).
        expect(Math.abs(r - (b - a) / b)).toBeLessThanOrEqual(0.0005 + 1e-12 * Math.max(1, Math.abs((b - a) / b)));
        // A whole number of per mille, up to binary representation (relative to the magnitude).
        expect(Math.abs(Math.round(r * 1000) - r * 1000)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(r * 1000)));
      }),
    );
  });
});

describe("dispositions and function classes", () => {
  it("reads the After Reform cell", () => {
    expect(parseDisposition(undefined, "A")).toEqual({ disposition: "keep" });
    expect(parseDisposition(" a ", "A")).toEqual({ disposition: "keep" });
    expect(parseDisposition("撤销", "A")).toEqual({ disposition: "abolish" });
    expect(parseDisposition("Abolish", "A")).toEqual({ disposition: "abolish" });
    expect(parseDisposition("划转属地", "A")).toEqual({ disposition: "transfer" });
    expect(parseDisposition("新设", "A")).toEqual({ disposition: "new" });
    expect(parseDisposition("财政金融局", "财政局")).toEqual({ disposition: "merge", target: "财政金融局" });
    expect(functionClass("经济发展")).toBe("economic");
    expect(functionClass("社会事务类")).toBe("social");
    expect(functionClass("综合")).toBe("other");
    expect(functionClass("")).toBeUndefined();
  });
});

describe("quotaCheck", () => {
  it("gives vacancies, over-establishment and leaders over quota, with pool slots apart", () => {
    const q = quotaCheck(
      [
        { row: 2, unit: "财政局", kind: "行政", authorized: 10, actual: 12, leaderQuota: 2, actualLeaders: 3 },
        { row: 3, unit: "招商中心", kind: "事业", authorized: 8, actual: 5, leaderQuota: 2, actualLeaders: 1 },
        { row: 4, unit: "规划局", kind: "行政", authorized: 6, actual: 6 },
      ],
      { poolSlots: { 招商中心: 2 } },
    );
    expect(
      q.units.map((u) => [u.vacancies, u.overEstablishment, u.leadersOverQuota, u.leaderVacancies, u.poolSlots]),
    ).toEqual([
      [0, 2, 1, 0, 0],
      [3, 0, 0, 1, 2], // 8 − 5 = 3 vacancies; the 2 pool slots do not fill them
      [0, 0, undefined, undefined, 0],
    ]);
    // 招商中心 keeps its own authorized 8: pool slots never enlarge it.
    expect(q.units[1].authorized).toBe(8);
    expect(q.byKind).toEqual([
      { kind: "行政", units: 2, authorized: 16, actual: 18, vacancies: 0, overEstablishment: 2, poolSlots: 0 },
      { kind: "事业", units: 1, authorized: 8, actual: 5, vacancies: 3, overEstablishment: 0, poolSlots: 2 },
    ]);
    expect([q.overEstablished, q.leadersOverUnits, q.leadersOverTotal]).toEqual([1, 1, 1]);
  });

  it("takes people on pool slots out of actual when actual includes them", () => {
    // 12 people, 3 of them on borrowed pool slots: 9 on the own establishment of 10 → 1 vacancy.
    const q = quotaCheck([{ unit: "A", authorized: 10, actual: 12 }], {
      poolSlots: { A: 3 },
      actualIncludesPool: true,
    });
    expect([q.units[0].vacancies, q.units[0].overEstablishment, q.units[0].poolSlots]).toEqual([1, 0, 3]);
  });
});

/**
 * A zone built to reproduce the published figures:
 * - 管理机构 (副处级) M1…M21, 5 leader posts each (105), 12 行政 authorized, 10 staff: M1…M7 kept; M8…M21
 *   merged two by two into the 新设 bodies N1…N7 (rows with their own figures: 15 authorized, leader
 *   quotas 5,5,6,6,6,5,6 = 39) → 14 management bodies, 35 + 39 = 74 leader posts.
 * - 内设机构 (正科级) I1…I22, 6 行政 authorized, 5 staff: I1…I8 kept; I9…I12 into I1; I13…I15 into
 *   综合服务部 (not in the table); I16…I18 撤销; I19…I22 划转属地 → 9.
 * - 事业单位 (正科级) S1…S82, 2 事业 authorized, staff 2 (S1…S61) or 1 (S62…S82): S1…S55 kept; S56…S67
 *   merged two by two into 中心1…中心6 (not in the table); S68…S82 划转属地 → 61.
 * Section-level bodies 22 + 82 = 104 → 9 + 61 = 70. Staff 210 + 110 + 143 = 463 → 272 placed by re-bidding.
 */
function publishedZone(): CellValue[][] {
  const rows: CellValue[][] = [
    ["单位", "类型", "规格", "职能", "编制类型", "核定编制", "实有人数", "领导职数", "实配领导", "改革后"],
  ];
  for (let i = 1; i <= 21; i++) {
    const after = i <= 7 ? "" : `N${Math.floor((i - 8) / 2) + 1}`;
    rows.push([`M${i}`, "管理机构", "副处级", "经济发展", "行政", 12, 10, 5, 5, after]);
  }
  const nQuotas = [5, 5, 6, 6, 6, 5, 6];
  nQuotas.forEach((q, k) =>
    rows.push([`N${k + 1}`, "管理机构", "副处级", k < 5 ? "经济发展" : "社会事务", "行政", 15, null, q, null, "新设"]),
  );
  for (let i = 1; i <= 22; i++) {
    const after = i <= 8 ? null : i <= 12 ? "I1" : i <= 15 ? "综合服务部" : i <= 18 ? "撤销" : "划转属地";
    rows.push([`I${i}`, "内设机构", "正科级", null, "行政", 6, 5, null, null, after]);
  }
  for (let i = 1; i <= 82; i++) {
    const after = i <= 55 ? null : i <= 67 ? `中心${Math.floor((i - 56) / 2) + 1}` : "划转属地";
    rows.push([`S${i}`, "事业单位", "正科级", null, "事业", 2, i <= 61 ? 2 : 1, null, null, after]);
  }
  return rows;
}

describe("reform plan: the published figures", () => {
  const read = readTable(UNITS, publishedZone(), { tableName: "机构" });
  const outcome = headcountFromTables({ units: read }, { staffCeiling: 290 }, 272);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  const plan = outcome.value.plan;
  const byGroup = (list: { group: string; before: number; after: number; rateText: string }[], g: string) => {
    const x = list.find((y) => y.group === g);
    return x && [x.before, x.after, x.rateText];
  };

  it("management bodies 21→14 (33.3%), leader posts 105→74 (29.5%)", () => {
    expect(byGroup(plan.bodiesByType, "管理机构")).toEqual([21, 14, "33.3%"]);
    expect(plan.leaderPosts).toMatchObject({ before: 105, after: 74, rate: 0.295, rateText: "29.5%" });
  });

  it("internal bodies 22→9 (59.1%), section-level bodies 104→70 (32.7%)", () => {
    expect(byGroup(plan.bodiesByType, "内设机构")).toEqual([22, 9, "59.1%"]);
    expect(byGroup(plan.bodiesByLevel, "正科级")).toEqual([104, 70, "32.7%"]);
    expect(byGroup(plan.bodiesByType, "事业单位")).toEqual([82, 61, "25.6%"]); // 21/82 = 0.2560…
    expect(plan.bodiesTotal).toMatchObject({ before: 125, after: 84 });
  });

  it("staff 463→272 (41.3%) against the ceiling of 290", () => {
    expect(plan.staff).toMatchObject({ before: 463, after: 272, rate: 0.413, rateText: "41.3%", source: "rebid" });
    expect(plan.ceiling).toEqual({ placed: 272, ceiling: 290, within: true, headroom: 18 });
  });

  it("figures merged bodies as documented", () => {
    const body = (n: string) => plan.bodies.find((b) => b.name === n)!;
    // A 新设 row's own figures win: N1 has 15 authorized and 5 posts, not M8 + M9 = 24 and 10.
    expect(body("N1")).toMatchObject({
      origin: "new",
      authorized: 15,
      leaderQuota: 5,
      actual: 20,
      members: ["M8", "M9"],
    });
    // A kept unit absorbs the units merged into it: I1 = 6 + 4 × 6.
    expect(body("I1")).toMatchObject({
      origin: "kept",
      authorized: 30,
      actual: 25,
      members: ["I1", "I9", "I10", "I11", "I12"],
    });
    // A name not in the table: sums, type and level of its first member.
    expect(body("综合服务部")).toMatchObject({
      origin: "new",
      type: "内设机构",
      level: "正科级",
      authorized: 18,
      members: ["I13", "I14", "I15"],
    });
    // 行政: M 21 × 12 + I 22 × 6 = 384 → M1…M7 84 + N 7 × 15 + I1…I8 48 + I9…I15 42 = 279.
    // 事业: 82 × 2 = 164 → S1…S67 134.
    expect(plan.authorizedByKind.map((g) => [g.group, g.before, g.after])).toEqual([
      ["行政", 384, 279],
      ["事业", 164, 134],
    ]);
    expect(plan.authorized).toMatchObject({ before: 548, after: 413 });
    expect(plan.abolished).toEqual(["I16", "I17", "I18"]);
    // Transferred: I19…I22 (4 × 6 authorized, 4 × 5 staff) and S68…S82 (15 × 2, 15 × 1).
    expect(plan.transferred).toEqual({
      units: [...["I19", "I20", "I21", "I22"], ...Array.from({ length: 15 }, (_, i) => `S${68 + i}`)],
      authorized: 54,
      actual: 35,
      leaderQuota: 0,
    });
    // Functional bodies after: M1…M7 and N1…N5 economic, N6 and N7 social → 12 / 14 = 0.857, not flagged.
    expect(plan.economicShare).toEqual({
      before: { economic: 21, functional: 21, share: 1 },
      after: { economic: 12, functional: 14, share: 0.857 },
      floor: 0.6,
      belowFloor: false,
    });
    expect(outcome.problems.filter((p) => p.key === "headcount.economicBelowFloor")).toEqual([]);
  });

  it("without a re-bidding figure, staff after is what the kept and merged units carry", () => {
    const o = headcountFromTables({ units: read });
    // 463 − abolished I16…I18 (15) − transferred (35) = 413.
    expect(o.ok && o.value.plan.staff).toMatchObject({ before: 463, after: 413, source: "carried" });
    expect(o.ok && o.value.plan.ceiling).toEqual({ placed: undefined, ceiling: undefined });
  });

  it("flags re-bidding above the staff ceiling", () => {
    const o = headcountFromTables({ units: read }, { staffCeiling: 290 }, 300);
    expect(o.ok && o.value.plan.ceiling).toEqual({ placed: 300, ceiling: 290, within: false, headroom: -10 });
    expect(o.problems.some((p) => p.key === "headcount.overCeiling")).toBe(true);
  });
});

describe("economic-development share against the 60% floor", () => {
  const zone = (fns: string[], after: (string | undefined)[]): UnitInput[] =>
    fns.map((f, i) => ({
      row: i + 2,
      unit: `U${i + 1}`,
      type: "管理机构",
      function: f,
      authorized: 5,
      actual: 5,
      afterReform: after[i],
    }));

  it("flags a plan below the floor", () => {
    // 3 economic + 2 social; one economic abolished, one merged into another → 1 economic of 3 = 0.333.
    const p = reformPlan(
      zone(
        ["经济发展", "经济发展", "经济发展", "社会事务", "社会事务"],
        [undefined, "撤销", "U1", undefined, undefined],
      ),
    );
    expect(p.value.economicShare).toMatchObject({
      after: { economic: 1, functional: 3, share: 0.333 },
      belowFloor: true,
    });
  });

  it("does not flag a plan at or above the floor", () => {
    // 3 economic of 5 = exactly 60%: meets the floor.
    const at = reformPlan(zone(["经济发展", "经济发展", "经济发展", "社会事务", "社会事务"], []));
    expect(at.value.economicShare).toMatchObject({
      after: { economic: 3, functional: 5, share: 0.6 },
      belowFloor: false,
    });
    // Social affairs transferred: 3 of 4 = 0.75.
    const above = reformPlan(
      zone(["经济发展", "经济发展", "经济发展", "社会事务", "社会事务"], [undefined, undefined, undefined, "划转属地"]),
    );
    expect(above.value.economicShare).toMatchObject({
      after: { economic: 3, functional: 4, share: 0.75 },
      belowFloor: false,
    });
  });

  it("reports the flag from the tables, and counts only the functional types when set", () => {
    const rows: CellValue[][] = [
      ["单位", "类型", "职能", "核定编制", "实有人数", "改革后"],
      ["经发局", "管理机构", "经济发展", 5, 5, null],
      ["社事局", "管理机构", "社会事务", 5, 5, null],
      ["招商中心", "事业单位", "经济发展", 5, 5, null],
    ];
    const o = headcountFromTables({ units: readTable(UNITS, rows) });
    expect(o.ok && o.value.plan.economicShare.after).toEqual({ economic: 2, functional: 3, share: 0.667 });
    const only = headcountFromTables({ units: readTable(UNITS, rows) }, { functionalTypes: ["管理机构"] });
    expect(only.ok && only.value.plan.economicShare).toMatchObject({
      after: { economic: 1, functional: 2, share: 0.5 },
      belowFloor: true,
    });
    expect(only.problems.find((p) => p.key === "headcount.economicBelowFloor")?.params).toEqual({
      economic: 1,
      functional: 2,
      share: "50.0%",
      floor: "60%",
    });
  });
});

describe("reform plan problems", () => {
  it("follows merge chains", () => {
    const p = reformPlan([
      { unit: "A", afterReform: "B", authorized: 1 },
      { unit: "B", afterReform: "C", authorized: 2 },
      { unit: "C", authorized: 3 },
    ]);
    expect(p.value.bodies).toHaveLength(1);
    expect(p.value.bodies[0]).toMatchObject({ name: "C", authorized: 6, members: ["C", "A", "B"] });
    expect(p.value.fates.map((f) => f.body)).toEqual(["C", "C", "C"]);
  });

  it("reports cycles and merges into removed units as errors naming the row", () => {
    const cyc = reformPlan([
      { row: 2, unit: "A", afterReform: "B" },
      { row: 3, unit: "B", afterReform: "A" },
    ]);
    expect(cyc.problems.map((p) => [p.key, p.tableRow, p.severity])).toEqual([
      ["headcount.mergeCycle", 2, "error"],
      ["headcount.mergeCycle", 3, "error"],
    ]);
    const rem = reformPlan([
      { row: 2, unit: "A", afterReform: "B" },
      { row: 3, unit: "B", afterReform: "撤销" },
    ]);
    expect(rem.problems).toEqual([
      expect.objectContaining({ key: "headcount.mergeIntoRemoved", tableRow: 2, params: { unit: "A", target: "B" } }),
    ]);
    const o = headcountFromTables({
      units: readTable(UNITS, [
        ["单位", "核定编制", "实有人数", "去向"],
        ["A", 1, 1, "B"],
        ["B", 1, 1, "A"],
      ]),
    });
    expect(o.ok).toBe(false);
    expect(o.problems[0]).toMatchObject({ tableName: "机构", tableRow: 2, column: "去向", columnIndex: 3 });
  });

  it("warns when a merged body mixes functions", () => {
    const p = reformPlan([
      { row: 2, unit: "A", function: "经济发展", afterReform: "X" },
      { row: 3, unit: "B", function: "社会事务", afterReform: "X" },
    ]);
    expect(p.problems).toEqual([
      expect.objectContaining({ severity: "warning", key: "headcount.mixedFunction", tableRow: 2 }),
    ]);
    expect(p.value.bodies[0].function).toBe("经济发展");
  });
});

describe("ranking-linked leader quotas", () => {
  const zones = (ranks: number[]): UnitInput[] =>
    ranks.map((r, i) => ({ row: i + 2, unit: `Z${i + 1}`, ranking: r, leaderQuota: 5, actualLeaders: 5 }));

  it("the top 3 gain one post, the last 2 lose one", () => {
    const r = rankingQuotas(zones([4, 1, 6, 2, 5, 3]));
    expect(r.value.map((x) => [x.unit, x.rank, x.change, x.adjustedQuota, x.overAdjusted])).toEqual([
      ["Z2", 1, 1, 6, 0],
      ["Z4", 2, 1, 6, 0],
      ["Z6", 3, 1, 6, 0],
      ["Z1", 4, 0, 5, 0],
      ["Z5", 5, -1, 4, 1],
      ["Z3", 6, -1, 4, 1],
    ]);
    expect(r.problems).toEqual([]);
  });

  it("ties at the boundary share the fate and are flagged; settings move k and n", () => {
    const r = rankingQuotas(zones([1, 2, 3, 3, 5, 6, 7]));
    expect(r.value.map((x) => x.change)).toEqual([1, 1, 1, 1, 0, -1, -1]);
    expect(r.value.filter((x) => x.tie).map((x) => x.unit)).toEqual(["Z3", "Z4"]);
    expect(r.problems.map((p) => p.key)).toEqual(["headcount.rankingTie", "headcount.rankingTie"]);
    const s = rankingQuotas(zones([1, 2, 3, 4]), { top: 1, bottom: 1, gain: 2 });
    expect(s.value.map((x) => x.change)).toEqual([2, 0, 0, -1]);
  });

  it("takes a passed order over the column, never lowers a quota below 0, and reports unknown names", () => {
    const units: UnitInput[] = [
      { unit: "甲", leaderQuota: 0 },
      { unit: "乙", leaderQuota: 3 },
    ];
    const r = rankingQuotas(units, { order: ["乙", "丙", "甲"], top: 1, bottom: 1 });
    expect(r.value.map((x) => [x.unit, x.rank, x.adjustedQuota])).toEqual([
      ["乙", 1, 4],
      ["甲", 3, 0],
    ]);
    expect(r.problems).toEqual([expect.objectContaining({ key: "headcount.rankingUnknownUnit", value: "丙" })]);
  });
});

describe("functions list", () => {
  it("counts by owner and category, the economic share and what is stripped", () => {
    const read = readTable(FUNCTIONS_LIST, [
      ["职能事项", "承担单位", "职能类别", "改革后"],
      ["招商引资", "投资促进局", "经济发展", null],
      ["项目审批", "经济发展局", "经济发展", null],
      ["义务教育", "社会事务局", "社会事务", "划转属地"],
      ["医疗卫生", "社会事务局", "社会事务", "划转属地"],
      ["民政救助", "社会事务局", "社会事务", null],
      ["档案管理", "党政办", "综合", "撤销"],
    ]);
    const o = headcountFromTables({
      units: readTable(UNITS, [
        ["单位", "核定编制", "实有人数"],
        ["A", 1, 1],
      ]),
      functions: read,
    });
    const f = o.ok ? o.value.functions! : functionsSummary([]);
    expect(f.byOwner).toEqual([
      { owner: "投资促进局", items: 1, economic: 1, social: 0, other: 0, stripped: 0 },
      { owner: "经济发展局", items: 1, economic: 1, social: 0, other: 0, stripped: 0 },
      { owner: "社会事务局", items: 3, economic: 0, social: 3, other: 0, stripped: 2 },
      { owner: "党政办", items: 1, economic: 0, social: 0, other: 1, stripped: 0 },
    ]);
    expect(f.byCategory.map((c) => [c.category, c.class, c.items, c.stripped])).toEqual([
      ["经济发展", "economic", 2, 0],
      ["社会事务", "social", 3, 2],
      ["综合", "other", 1, 0],
    ]);
    // Before 2 of 6; after (2 stripped, 1 abolished) 2 of 3.
    expect(f.economicShare).toEqual({
      before: { economic: 2, functional: 6, share: 0.333 },
      after: { economic: 2, functional: 3, share: 0.667 },
    });
    expect(f.stripped.map((x) => [x.item, x.row])).toEqual([
      ["义务教育", 4],
      ["医疗卫生", 5],
    ]);
    expect(f.abolished.map((x) => x.item)).toEqual(["档案管理"]);
    expect(f.socialRetained.map((x) => x.item)).toEqual(["民政救助"]);
  });
});

describe("headcountFromTables", () => {
  it("names missing tables and columns, and bad settings", () => {
    expect(headcountFromTables({})).toMatchObject({ ok: false, problems: [{ key: "table.missing" }] });
    const noCols = headcountFromTables({ units: readTable(UNITS, [["单位"], ["A"]]) });
    expect(noCols.ok).toBe(false);
    expect(noCols.problems.map((p) => [p.key, p.column])).toEqual([
      ["column.missingFor", "核定编制 / Authorized"],
      ["column.missingFor", "实有人数 / Actual"],
    ]);
    const bad = headcountFromTables(
      {
        units: readTable(UNITS, [
          ["单位", "核定编制", "实有人数"],
          ["A", 1, 1],
        ]),
      },
      { economicFloor: 1.5 },
      -3,
    );
    expect(bad.problems.map((p) => [p.key, p.column])).toEqual([
      ["headcount.badSetting", "economicFloor"],
      ["headcount.badSetting", "placedByRebid"],
    ]);
  });

  it("shows borrowed pool slots per unit apart from its establishment", () => {
    const units = readTable(UNITS, [
      ["单位", "编制类型", "核定编制", "实有人数"],
      ["投资促进局", "行政", 10, 10],
    ]);
    const ledger = readTable(POOL_LEDGER, [
      ["单位", "编制类型", "数量", "借用日期", "归还期限", "归还日期"],
      ["投资促进局", "行政", 2, "2024-01-01", "2025-01-01", null],
      ["投资促进局", "行政", 1, "2024-02-01", "2024-06-01", "2024-05-01"],
    ]);
    const o = headcountFromTables({ units, poolLedger: ledger }, { pool: { capacity: 5 } });
    if (!o.ok) throw new Error("failed");
    // As of the latest ledger date (2024-05-01) only the first loan is out.
    expect(o.value.check.units[0]).toMatchObject({
      authorized: 10,
      actual: 10,
      vacancies: 0,
      overEstablishment: 0,
      poolSlots: 2,
    });
    expect(o.problems.map((p) => p.key)).toContain("pool.asOfFromLedger");
  });
});
