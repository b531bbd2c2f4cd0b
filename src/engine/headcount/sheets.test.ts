import { generateSample, sampleSources } from "../../sample/sample";
import { parseDate } from "../parse";
import { POOL_LEDGER, UNITS } from "../schema";
import { readTable } from "../tableReader";
import { identifyTables, readTables } from "../workbook";
import type { ResultSheet } from "../report";
import { headcountFromTables, headcountSheets, poolFromTables, poolSheets } from "./index";

function wellFormed(s: ResultSheet): void {
  expect(s.name.length).toBeLessThanOrEqual(31);
  expect(s.name).not.toMatch(/[[\]:*?/\\]/);
  for (const r of s.rows) expect(r).toHaveLength(s.columns.length);
  for (const c of s.charts ?? [])
    for (const i of [c.categoryColumn, ...c.seriesColumns]) expect(i).toBeLessThan(s.columns.length);
  for (const h of s.highlights ?? []) for (const i of h.rows) expect(i).toBeLessThan(s.rows.length);
}

describe("headcount on the sample workbook (示范经济开发区)", () => {
  const tables = readTables(identifyTables(sampleSources(generateSample({ lang: "zh" }))));
  const o = headcountFromTables(tables, { staffCeiling: 290, pool: { capacity: { 行政: 10, 事业: 6 } } });
  if (!o.ok) throw new Error(JSON.stringify(o.problems));
  const r = o.value;

  it("maps the 14 units to 8 bodies", () => {
    // Kept: 党政办公室 (+组织人事部), 经济发展局 (+统计局), 投资促进局 (+招商服务中心), 规划建设局, 科技创新局;
    // new: 财政金融局, 企业服务局, 综合执法局; 档案中心 abolished; 社会事务局 and 教育卫生办 transferred.
    expect(r.plan.bodies.map((b) => b.name)).toEqual([
      "党政办公室",
      "经济发展局",
      "投资促进局",
      "规划建设局",
      "财政金融局",
      "科技创新局",
      "企业服务局",
      "综合执法局",
    ]);
    expect(r.plan.bodiesTotal).toMatchObject({ before: 14, after: 8, rate: 0.429, rateText: "42.9%" }); // 6/14 = 0.42857
    expect(r.plan.abolished).toEqual(["档案中心"]);
    expect(r.plan.transferred.units).toEqual(["社会事务局", "教育卫生办"]);
    // Leader quotas 3+2+3+1+3+2+3+1+2+2+2+2+2+1 = 29 → without 档案中心 (1), 社会事务局 (2), 教育卫生办 (1) = 25.
    expect(r.plan.leaderPosts).toMatchObject({ before: 29, after: 25 });
    // Every body left is economic: 2 social bodies of 14 before; 8 of 8 after.
    expect(r.plan.economicShare.before).toEqual({ economic: 12, functional: 14, share: 0.857 });
    expect(r.plan.economicShare.after).toEqual({ economic: 8, functional: 8, share: 1 });
    expect(r.ranking).toHaveLength(14);
    expect(r.ranking.filter((x) => x.change > 0).length).toBeGreaterThanOrEqual(3);
    // The staff the units hold matches the Staff table.
    expect(r.plan.staff.before).toBe(tables.staff!.records.length);
  });

  it("writes well-formed sheets in both languages", () => {
    for (const lang of ["zh", "en"] as const) {
      const sheets = headcountSheets(r, lang);
      expect(sheets.map((s) => s.id)).toEqual(["headcount", "headcountReform", "headcountRanking"]);
      sheets.forEach(wellFormed);
      expect(sheets[0].rows).toHaveLength(14);
    }
    const [units, reform] = headcountSheets(r, "zh");
    expect(units.name).toBe("编制分析");
    expect(units.rows.find((x) => x[0] === "财政局")?.[13]).toBe("并入财政金融局");
    expect(units.rows.find((x) => x[0] === "社会事务局")?.[13]).toBe("划转属地");
    expect(reform.rows[0]).toEqual(["机构数", 14, 8, -6, 0.429, "42.9%"]);
    expect(reform.charts?.[0]).toMatchObject({ type: "column", categoryColumn: 0, seriesColumns: [1, 2] });
    expect(headcountSheets(r, "en")[1].rows[0][0]).toBe("Bodies");
  });
});

describe("headcount sheets flag what breaks a rule", () => {
  it("highlights over-establishment, the share below the floor and staff over the ceiling", () => {
    const units = readTable(UNITS, [
      ["单位", "类型", "职能", "核定编制", "实有人数", "领导职数", "实配领导", "改革后"],
      ["经发局", "管理机构", "经济发展", 5, 7, 2, 2, null],
      ["社事局", "管理机构", "社会事务", 5, 5, 2, 3, null],
      ["招商局", "管理机构", "经济发展", 5, 5, 2, 2, "撤销"],
    ]);
    const o = headcountFromTables({ units }, { staffCeiling: 8 }, 9);
    if (!o.ok) throw new Error("failed");
    const [u, reform] = headcountSheets(o.value, "en");
    expect(u.highlights).toEqual([{ rows: [0, 1], style: "bad" }]);
    const labels = reform.highlights![0].rows.map((i) => reform.rows[i][0]);
    expect(labels).toEqual(["Economic-development bodies", "Staff"]);
    expect(reform.notes).toContain(
      "Economic-development share of functional bodies after the reform 50.0% (1/2), floor 60.0%: below the floor",
    );
    expect(reform.notes).toContain(
      "9 placed by re-bidding against a staff ceiling of 8, headroom -1: over the ceiling",
    );
  });
});

describe("pool sheets", () => {
  it("show per kind capacity, lent, available and utilisation, and every loan with its status", () => {
    const ledger = readTable(POOL_LEDGER, [
      ["单位", "编制类型", "数量", "借用日期", "归还期限", "归还日期", "用途"],
      ["A", "行政", 2, "2024-01-01", "2024-02-01", null, "招商"],
      ["B", "行政", 2, "2024-01-02", "2025-01-01", null, "金融"],
      ["C", "事业", 1, "2024-01-03", "2024-12-01", "2024-03-01", "规划"],
      ["D", "事业", 1, "2024-05-01", "2024-03-01", "2024-04-01", "法务"],
    ]);
    const o = poolFromTables(
      { poolLedger: ledger },
      { capacity: { 行政: 3, 事业: 2 }, asOf: parseDate("2024-04-01") as number },
    );
    if (!o.ok) throw new Error("failed");
    const [pool, loans] = poolSheets(o.value, "zh");
    [pool, loans].forEach(wellFormed);
    expect(pool.name).toBe("周转编制池");
    expect(pool.rows).toEqual([
      ["行政", 3, 2, 1, 0.667],
      ["事业", 2, 0, 2, 0],
      ["合计", 5, 2, 3, 0.4],
    ]);
    expect(loans.rows.map((x) => x[8])).toEqual(["逾期未还", "超容量未借", "已归还", "无对应借用"]);
    expect(loans.rows[0][4]).toBe(45292); // 2024-01-01 as an Excel serial
    expect(loans.rows[0][9]).toBe(60); // 2024-02-01 → 2024-04-01
    expect(loans.highlights).toEqual([
      { rows: [0, 1], style: "bad" },
      { rows: [3], style: "warn" },
    ]);
    expect(pool.notes?.[0]).toBe("基准日期 2024-04-01");
    expect(poolSheets(o.value, "en")[1].name).toBe("Pool Loans");
  });

  it("runs on the sample ledger (Date cells) as of its latest entry", () => {
    const tables = readTables(identifyTables(sampleSources(generateSample({ lang: "en" }))));
    const o = poolFromTables(tables, { capacity: 20 });
    if (!o.ok) throw new Error(JSON.stringify(o.problems));
    expect(o.value.asOfSource).toBe("ledger");
    expect(o.value.balance.loans).toHaveLength(12);
    const lent = o.value.balance.loans
      .filter((l) => l.status === "active" || l.status === "overdue")
      .reduce((s, l) => s + l.slots, 0);
    expect(o.value.balance.total).toMatchObject({ capacity: 20, lent, available: 20 - lent });
    poolSheets(o.value, "en").forEach(wellFormed);
  });
});
