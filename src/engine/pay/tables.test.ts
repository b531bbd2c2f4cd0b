import { formatProblem } from "../messages";
import { PAY_SCALE, POSTS, RATINGS, STAFF, UNITS } from "../schema";
import { readTable } from "../tableReader";
import type { Rows } from "../types";
import type { ReadTables } from "../workbook";
import { paySheets, perfPaySheets } from "./sheets";
import { convertPayFromTables, performancePayFromTables } from "./tables";

const payScaleRows: Rows = [
  ["岗级", "档1", "档2", "档3", "下限", "中点", "上限"],
  ["七级", 3000, 3200, 3400, null, null, null],
  ["八级", 3500, 3800, null, null, null, null],
  ["宽带", null, null, null, 4000, 5000, 6000],
];
const postsRows: Rows = [
  ["岗位编号", "岗位名称", "所属部门", "岗级", "职数", "岗位系数"],
  ["P1", "科员", "经发局", "七级", 5, 1.0],
  ["P2", "科长", "经发局", "八级", 1, 1.5],
  ["P3", "专员", "招商局", "宽带", 2, 1.2],
];
const staffRows: Rows = [
  ["工号", "姓名", "原单位", "现月薪", "岗位编号", "岗级", "工龄", "考核等次", "绩效得分"],
  ["S1", "甲", "旧局", 3100, "P1", null, 10, "优秀", 95],
  ["S2", "乙", "旧局", 4000, "P1", null, 20, "合格", 80],
  ["S3", "丙", "旧局", 3600, null, "八级", 3, "合格", 70],
  ["S4", "丁", "招商局", 6500, "P3", null, 8, "优秀", 90],
  ["S5", "戊", "招商局", 3000, null, null, 1, "合格", 60],
];
function tables(over: Partial<Record<"staff" | "posts" | "payScale" | "ratings" | "units", Rows>> = {}): ReadTables {
  return {
    staff: readTable(STAFF, over.staff ?? staffRows, { tableName: "人员" }),
    posts: readTable(POSTS, over.posts ?? postsRows, { tableName: "岗位" }),
    payScale: readTable(PAY_SCALE, over.payScale ?? payScaleRows, { tableName: "薪酬标准" }),
    ratings: readTable(
      RATINGS,
      over.ratings ?? [
        ["等次", "系数", "比例上限"],
        ["优秀", 1.5, 0.2],
        ["合格", 1],
        ["不合格", 0],
      ],
      { tableName: "考核等次" },
    ),
    units: readTable(
      UNITS,
      over.units ?? [
        ["单位", "考核系数"],
        ["经发局", 1.1],
        ["招商局", 1],
      ],
      { tableName: "机构" },
    ),
  };
}

describe("convertPayFromTables", () => {
  it("takes the grade from placement, else Post ID, else Grade; skips people without one", () => {
    const r = convertPayFromTables(tables(), {}, new Map([["S1", "P2"]]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const byId = new Map(r.value.lines.map((l) => [l.staffId, l]));
    // S1 placed on P2 (八级): 3100 → step 1 3500
    expect(byId.get("S1")).toMatchObject({
      grade: "八级",
      gradeSource: "placement",
      unit: "经发局",
      step: 1,
      newPay: 350000,
      change: 40000,
    });
    // S2 on P1 (七级): 4000 above the top 3400 → kept 600
    expect(byId.get("S2")).toMatchObject({
      grade: "七级",
      gradeSource: "post",
      step: 3,
      protectedPay: 60000,
      change: 0,
      circle: "red",
    });
    // S3 by Staff 岗级 八级: 3600 → step 2 3800, unit from Staff
    expect(byId.get("S3")).toMatchObject({ grade: "八级", gradeSource: "grade", unit: "旧局", step: 2 });
    // S4 on the band: 6500 → 6000 + 500 kept
    expect(byId.get("S4")).toMatchObject({ rule: "band", newPay: 600000, protectedPay: 50000 });
    expect(byId.has("S5")).toBe(false);
    // After re-bidding, people it did not place are one note, not a warning each.
    expect(r.problems.find((p) => p.key === "pay.noGrade")).toBeUndefined();
    expect(r.problems.find((p) => p.key === "pay.notPlaced")).toMatchObject({
      severity: "info",
      params: { count: 1, staff: "S5" },
    });
    // Without a re-bidding run, a person with no grade is a warning naming the row.
    const alone = convertPayFromTables(tables());
    expect(alone.problems.find((p) => p.key === "pay.noGrade")).toMatchObject({ severity: "warning", tableRow: 6 });
  });

  it("with protection none, each red-circle loss is reported", () => {
    const r = convertPayFromTables(tables(), { protection: "none" });
    if (!r.ok) throw new Error("failed");
    const losses = r.problems.filter((p) => p.key === "pay.lossUnprotected");
    expect(losses.map((p) => [p.tableRow, p.params?.amount])).toEqual([
      [3, 600],
      [5, 500],
    ]);
    expect(formatProblem(losses[0], "en")).toContain("falls by 600 yuan");
  });

  it("a decreasing step is an error naming the cell", () => {
    const bad = payScaleRows.map((r) => [...r]);
    bad[1][3] = 3100; // 档3 below 档2
    const r = convertPayFromTables(tables({ payScale: bad }));
    expect(r.ok).toBe(false);
    const p = r.problems.find((x) => x.key === "pay.stepDecreases")!;
    expect(p).toMatchObject({ table: "payScale", tableRow: 2, column: "档3", columnIndex: 3, value: 3100 });
    expect(formatProblem(p, "zh")).toContain("第 2 行“档3”列");
  });

  it("a grade not in the pay scale is an error naming where the grade came from", () => {
    const st = staffRows.map((r) => [...r]);
    st[3][5] = "九级";
    const r = convertPayFromTables(tables({ staff: st }));
    expect(r.ok).toBe(false);
    expect(r.problems.find((x) => x.key === "pay.unknownGrade")).toMatchObject({
      table: "staff",
      tableRow: 4,
      column: "岗级",
      value: "九级",
    });
  });

  it("the scale multiplier scales every amount; seniority uses Years of Service", () => {
    const r = convertPayFromTables(tables(), { scaleMultiplier: 1.1, conversionRule: "seniority" });
    if (!r.ok) throw new Error("failed");
    const s3 = r.value.lines.find((l) => l.staffId === "S3")!;
    // 八级 × 1.1 = 3850, 4180; 3 years → step 2 = 4180
    expect(s3).toMatchObject({ step: 2, newPay: 418000 });
  });

  it("pay sheets carry the contract columns in both languages, with losers highlighted", () => {
    const r = convertPayFromTables(tables(), { protection: "none" });
    if (!r.ok) throw new Error("failed");
    const en = paySheets(r.value, "en");
    expect(en.map((s) => s.name)).toEqual(["Pay Conversion", "Payroll Summary", "Pay Change Distribution"]);
    const h = en[0].columns.map((c) => c.header);
    for (const need of ["Staff ID", "Grade", "Step", "Current Pay", "New Pay", "Change", "Protected"])
      expect(h).toContain(need);
    const iChange = h.indexOf("Change");
    expect(en[0].columns[iChange].kind).toBe("money");
    const losers = en[0].highlights!.find((x) => x.style === "bad")!.rows;
    expect(losers.map((i) => en[0].rows[i][0])).toEqual(["S2", "S4"]);
    expect(en[0].rows.find((row) => row[0] === "S2")![iChange]).toBe(-600);
    expect(en[1].charts![0].seriesColumns).toEqual([2, 3]);
    const zh = paySheets(r.value, "zh");
    expect(zh.map((s) => s.name)).toEqual(["薪酬套改", "薪酬汇总", "薪酬变动分布"]);
  });
});

describe("performancePayFromTables", () => {
  it("uses given ratings, Posts coefficients and unit coefficients; totals equal the pool", () => {
    const r = performancePayFromTables(tables(), { poolAmount: 10000 });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const v = r.value;
    expect(v.ratingSource).toBe("given");
    expect(v.lines.reduce((a, l) => a + l.total, 0)).toBe(1_000_000);
    expect(v.lines.map((l) => l.postCoefficient)).toEqual([1, 1, 1, 1.2, 1]);
    // units follow the post (S1, S2 on P1 → 经发局); S3 has no post → Staff 原单位
    expect(v.units.map((u) => [u.unit, u.headcount, u.coefficient])).toEqual([
      ["经发局", 2, 1.1],
      ["旧局", 1, 1],
      ["招商局", 2, 1],
    ]);
    // 招商局: 2 people, 优秀 cap ⌊0.4⌋ = 0 → S4 breaks it: reported, not changed
    const cap = r.problems.filter((p) => p.key === "perf.capBroken");
    expect(cap.map((p) => p.params?.unit)).toEqual(["经发局", "招商局"]);
    expect(v.lines.find((l) => l.staffId === "S4")!.rating).toBe("优秀");
    expect(perfPaySheets(v, "en")[0].columns.map((c) => c.header)).toEqual(
      expect.arrayContaining(["Staff ID", "Unit", "Rating", "Basic", "Reward", "Total", "Name", "Post Coefficient"]),
    );
  });

  it("the Performance Pay sheet marks the people held at the individual cap", () => {
    const r = performancePayFromTables(tables(), { poolAmount: 1_000_000, individualCap: 1 });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const sheet = perfPaySheets(r.value, "zh")[0];
    const col = sheet.columns.findIndex((c) => c.header === "封顶");
    const marked = sheet.rows.map((row) => row[col]);
    expect(marked).toEqual(r.value.lines.map((l) => (l.capped ? "是" : "")));
    expect(marked).toContain("是");
  });

  it("a rating not in the Ratings table is an error naming the cell", () => {
    const st = staffRows.map((r) => [...r]);
    st[2][7] = "良好";
    const r = performancePayFromTables(tables({ staff: st }), { poolAmount: 1000 });
    expect(r.ok).toBe(false);
    expect(r.problems.find((p) => p.key === "perf.unknownRating")).toMatchObject({
      tableRow: 3,
      column: "考核等次",
      value: "良好",
    });
  });

  it("forced distribution from scores when asked; percent of the converted payroll", () => {
    const r = performancePayFromTables(tables(), { poolPercent: 0.1, ratingSource: "forced" });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.ratingSource).toBe("forced");
    // base: payroll after conversion (default keep) × 12
    const conv = convertPayFromTables(tables());
    if (!conv.ok) throw new Error("failed");
    expect(r.value.poolBase).toBe(conv.value.summary.annualAfter);
    expect(r.value.pool).toBe(Math.round(conv.value.summary.annualAfter * 0.1));
    // with 2 people per unit the 优秀 cap is 0: nobody is 优秀, the rest 合格
    expect(r.value.lines.every((l) => l.rating === "合格")).toBe(true);
  });

  it("no pool set is an error", () => {
    const r = performancePayFromTables(tables(), {});
    expect(r.ok).toBe(false);
    expect(r.problems[0].key).toBe("perf.noPool");
  });
});
