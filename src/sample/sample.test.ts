import { readScenarios } from "../engine/scenario/params";
import { hasErrors } from "../engine/types";
import { identifyTables, readTables } from "../engine/workbook";
import { generateSample, mulberry32, type SampleWorkbook } from "./sample";

function read(wb: SampleWorkbook) {
  return readTables(identifyTables(wb.tables.map((t) => ({ name: t.name, sheet: t.name, rows: t.rows }))));
}

describe("sample workbook", () => {
  const zh = generateSample();
  const en = generateSample({ lang: "en" });
  const tablesZh = read(zh);
  const tablesEn = read(en);

  it("is deterministic: same seed, identical cells; another seed, other data", () => {
    expect(generateSample()).toEqual(zh);
    expect(generateSample({ seed: 7 })).toEqual(generateSample({ seed: 7 }));
    expect(generateSample({ seed: 7 }).tables[0].rows).not.toEqual(zh.tables[0].rows);
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("has every table, read without a single problem, in both languages", () => {
    const ids = ["staff", "posts", "weights", "payScale", "ratings", "units", "poolLedger", "scenarios"];
    for (const tables of [tablesZh, tablesEn]) {
      expect(Object.keys(tables).sort()).toEqual([...ids].sort());
      for (const t of Object.values(tables)) {
        expect(t!.problems.filter((p) => p.severity === "error")).toEqual([]);
        expect(hasErrors(t!.problems)).toBe(false);
      }
    }
    expect(zh.tables.map((t) => t.name)).toEqual([
      "人员",
      "岗位",
      "权重",
      "薪酬标准",
      "考核等次",
      "机构",
      "周转编制台账",
      "方案",
    ]);
    expect(en.tables.map((t) => t.name)).toEqual([
      "Staff",
      "Posts",
      "Weights",
      "PayScale",
      "Ratings",
      "Units",
      "PoolLedger",
      "Scenarios",
    ]);
  });

  it("holds the same data in zh and en: only the headers (and the scenarios' words) differ", () => {
    for (let i = 0; i < zh.tables.length; i++) {
      if (zh.tables[i].id !== "scenarios") expect(en.tables[i].rows.slice(1)).toEqual(zh.tables[i].rows.slice(1));
      expect(en.tables[i].rows[0]).not.toEqual(zh.tables[i].rows[0]);
    }
    // The scenarios are written in each language's words but mean the same parameters.
    const zhSc = readScenarios(tablesZh.scenarios!).scenarios;
    const enSc = readScenarios(tablesEn.scenarios!).scenarios;
    expect(enSc.map((x) => x.name)).toEqual(["Baseline", "Scenario 2", "Scenario 3"]);
    expect(zhSc.map((x) => x.name)).toEqual(["基准方案", "方案二", "方案三"]);
    const sameKeys = (ps: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(ps).map(([k, v]) => [k === "weight:interview" ? "weight:面试" : k, v]));
    expect(enSc.map((x) => sameKeys(x.params))).toEqual(zhSc.map((x) => x.params));
    for (const id of ["staff", "posts", "units", "payScale", "ratings", "poolLedger"] as const) {
      expect(tablesEn[id]!.records.map((r) => [r.values, r.lists])).toEqual(
        tablesZh[id]!.records.map((r) => [r.values, r.lists]),
      );
    }
  });

  it("has about 300 staff in mixed identities and about 40 posts in 8 departments, with fewer seats than staff", () => {
    const staff = tablesZh.staff!.records;
    const posts = tablesZh.posts!.records;
    expect(staff).toHaveLength(300);
    expect(posts).toHaveLength(40);
    expect(new Set(posts.map((p) => p.values.unit)).size).toBe(8);
    const seats = posts.reduce((s, p) => s + (p.values.quota as number), 0);
    expect(seats).toBeLessThan(staff.length);
    expect(seats).toBeGreaterThan(200);
    const identities = new Set(staff.map((s) => s.values.identity));
    expect([...identities].sort()).toEqual(["事业编制", "派遣", "聘用", "行政编制"].sort());
    expect(new Set(posts.map((p) => p.values.category))).toEqual(new Set(["管理", "专业技术", "工勤"]));
    expect(posts.some((p) => p.values.leader === true)).toBe(true);
    expect(posts.some((p) => p.values.minScore !== undefined)).toBe(true);
    expect(posts.some((p) => p.values.maxAge !== undefined)).toBe(true);
    expect(posts.some((p) => p.values.minYears !== undefined)).toBe(true);
  });

  it("gives every competing person 3–5 choices naming real posts, and some social-affairs staff transfer", () => {
    const postIds = new Set(tablesZh.posts!.records.map((p) => p.values.id));
    const staff = tablesZh.staff!.records;
    let transfers = 0;
    let social = 0;
    for (const s of staff) {
      const choices = (s.lists.choices ?? []).filter((c) => c !== undefined);
      if (s.values.function === "social") social++;
      if (s.values.transferChoice === "transfer") {
        transfers++;
        expect(s.values.function).toBe("social");
        expect(choices).toEqual([]);
        continue;
      }
      expect(choices.length).toBeGreaterThanOrEqual(3);
      expect(choices.length).toBeLessThanOrEqual(5);
      expect(new Set(choices).size).toBe(choices.length);
      for (const c of choices) expect(postIds.has(c as string)).toBe(true);
      expect(typeof s.values.acceptAdjustment).toBe("boolean");
    }
    expect(social / staff.length).toBeGreaterThan(0.05);
    expect(social / staff.length).toBeLessThan(0.2);
    expect(transfers).toBeGreaterThan(0);
    expect(transfers).toBeLessThan(social);
    expect(staff.every((s) => typeof s.values.performanceScore === "number")).toBe(true);
    expect(staff.every((s) => typeof s.values.rating === "string")).toBe(true);
  });

  it("has weights summing to 1, increasing steps, posts' grades on the pay scale, and given ratings within caps", () => {
    for (const r of zh.tables[2].rows.slice(1)) {
      const sum = (r.slice(1) as number[]).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 10);
    }
    const scale = tablesZh.payScale!;
    const grades = new Set(scale.records.map((r) => r.values.grade));
    for (const r of scale.records) {
      const steps = (r.lists.steps ?? []).filter((x) => x !== undefined) as number[];
      if (steps.length > 0) {
        expect(steps).toHaveLength(8);
        for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1]);
      } else {
        const { min, mid, max } = r.values as { min: number; mid: number; max: number };
        expect(min).toBeLessThan(mid);
        expect(mid).toBeLessThan(max);
      }
    }
    expect(scale.records.filter((r) => r.values.mid !== undefined).length).toBeGreaterThanOrEqual(2);
    for (const p of tablesZh.posts!.records) expect(grades.has(p.values.grade)).toBe(true);

    // Ratings within every original unit: caps of the Ratings table held, better ratings to better scores.
    const caps = new Map(tablesZh.ratings!.records.map((r) => [r.values.rating, r.values.maxShare as number]));
    const order = tablesZh.ratings!.records.map((r) => r.values.rating);
    const byUnit = new Map<string, { rating: string; score: number }[]>();
    for (const s of tablesZh.staff!.records) {
      const list = byUnit.get(s.values.unit as string) ?? [];
      list.push({ rating: s.values.rating as string, score: s.values.performanceScore as number });
      byUnit.set(s.values.unit as string, list);
    }
    for (const list of byUnit.values()) {
      for (const [rating, cap] of caps) {
        if (cap === undefined) continue;
        expect(list.filter((x) => x.rating === rating).length).toBeLessThanOrEqual(Math.floor(list.length * cap));
      }
      for (const a of list)
        for (const b of list)
          if (a.score > b.score) expect(order.indexOf(a.rating)).toBeLessThanOrEqual(order.indexOf(b.rating));
    }
    const ratings = tablesZh.staff!.records.map((s) => s.values.rating);
    for (const r of ["优秀", "良好", "合格", "基本合格"]) expect(ratings).toContain(r);
  });

  it("maps units after the reform and records returned, overdue and active loans", () => {
    const units = tablesZh.units!.records;
    expect(units.length).toBeGreaterThanOrEqual(12);
    const fates = units.map((u) => u.values.afterReform);
    expect(fates).toContain("撤销");
    expect(fates).toContain("划转属地");
    const staffUnits = new Set(tablesZh.staff!.records.map((s) => s.values.unit));
    for (const u of staffUnits) expect(units.some((x) => x.values.unit === u)).toBe(true);
    const loans = tablesZh.poolLedger!.records;
    expect(loans).toHaveLength(12);
    const d2026 = Date.UTC(2026, 0, 1) / 86_400_000;
    expect(loans.some((l) => l.values.returned !== undefined)).toBe(true);
    expect(loans.some((l) => l.values.returned === undefined && (l.values.due as number) < d2026)).toBe(true);
    expect(loans.some((l) => l.values.returned === undefined && (l.values.due as number) >= d2026)).toBe(true);
    for (const l of loans) {
      expect(l.values.borrowed as number).toBeGreaterThanOrEqual(Date.UTC(2024, 0, 1) / 86_400_000);
      expect(l.values.due as number).toBeGreaterThan(l.values.borrowed as number);
    }
  });

  it("has a baseline and two scenarios that inherit by blank cells", () => {
    const rows = zh.tables.find((t) => t.id === "scenarios")!.rows;
    expect(rows.slice(1).map((r) => r[0])).toEqual(["基准方案", "方案二", "方案三"]);
    expect(rows[1].every((c) => c !== null)).toBe(true);
    expect(rows[2][1]).toBe("顺序");
    expect(rows[3].filter((c) => c === null).length).toBeGreaterThan(3);
    for (const tables of [tablesZh, tablesEn]) {
      const read = readScenarios(tables.scenarios!);
      expect(read.problems).toEqual([]);
      const [base, two, three] = read.scenarios;
      expect(base.params).toMatchObject({ mechanism: "parallel", adjustment: true, bottomRatio: 0.05 });
      expect(base.params).toMatchObject({ conversionRule: "notBelow", protection: "keep", basicShare: 0.7 });
      expect(two.params).toEqual({ ...base.params, mechanism: "sequential" });
      expect(three.own).toMatchObject({ protection: "phase" });
      expect(Object.keys(three.own)).toHaveLength(2);
      expect(three.params.mechanism).toBe("parallel");
    }
  });

  it("scales to large staff counts with quotas still below staff", () => {
    const big = generateSample({ staff: 5000, seed: 3 });
    const t = read(big);
    expect(t.staff!.records).toHaveLength(5000);
    expect(hasErrors(t.staff!.problems)).toBe(false);
    expect(hasErrors(t.posts!.problems)).toBe(false);
    const seats = t.posts!.records.reduce((s, p) => s + (p.values.quota as number), 0);
    expect(seats).toBeLessThan(5000);
    expect(t.posts!.records.length).toBeGreaterThan(600);
  });
});
