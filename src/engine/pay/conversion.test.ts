import fc from "fast-check";
import { allocate } from "../money";
import {
  absorbIncrease,
  convertOne,
  convertPay,
  DEFAULT_PAY_CONVERSION_SETTINGS,
  histogram,
  percentileInc,
  phaseSchedule,
  placeOnGrade,
  PROTECTION_MODES,
  type PayConversionSettings,
  type PayPerson,
} from "./conversion";
import { payScaleOf, type PayGrade } from "./scale";

// 七级: 3000, 3200, 3400, 3600, 3800 yuan
const scale = payScaleOf([
  { grade: "七级", steps: [3000, 3200, 3400, 3600, 3800] },
  { grade: "B", min: 4000, mid: 5000, max: 6000 },
  { grade: "C", steps: [4000, 4500, 5000], min: 4000, mid: 4500, max: 5000 },
]);
const G7 = scale.get("七级")!;
const GB = scale.get("b")!;
const GC = scale.get("c")!;
const fen = (yuan: number) => Math.round(yuan * 100);
const one = (current: number, grade: PayGrade, s: Partial<PayConversionSettings> = {}, years?: number) =>
  convertOne({ staffId: "S", grade: grade.grade, currentPay: fen(current), years }, grade, {
    ...DEFAULT_PAY_CONVERSION_SETTINGS,
    ...s,
  });

describe("conversion rules (worked examples)", () => {
  it("notBelow 就近就高: lowest step ≥ current pay", () => {
    expect(one(3250, G7)).toMatchObject({ step: 3, newPay: fen(3400), change: fen(150), protectedPay: 0 });
    expect(one(3200, G7)).toMatchObject({ step: 2, newPay: fen(3200), change: 0 });
    // below step 1: green circle, raised to step 1
    expect(one(2900, G7)).toMatchObject({ step: 1, newPay: fen(3000), change: fen(100), circle: "green" });
  });

  it("notAbove 就近就低: highest step ≤ current pay, step 1 if none", () => {
    expect(one(3250, G7, { conversionRule: "notAbove" })).toMatchObject({
      step: 2,
      newPay: fen(3200),
      change: -fen(50),
      protectedPay: 0,
    });
    expect(one(2900, G7, { conversionRule: "notAbove" })).toMatchObject({
      step: 1,
      newPay: fen(3000),
      circle: "green",
    });
    // with protectAllLosses the 50 yuan is kept
    expect(one(3250, G7, { conversionRule: "notAbove", protectAllLosses: true })).toMatchObject({
      newPay: fen(3200),
      protectedPay: fen(50),
      change: 0,
    });
  });

  it("nearest 就近: closest step, ties to the higher", () => {
    expect(one(3250, G7, { conversionRule: "nearest" })).toMatchObject({ step: 2, newPay: fen(3200) });
    expect(one(3300, G7, { conversionRule: "nearest" })).toMatchObject({ step: 3, newPay: fen(3400) }); // 100 either way
    expect(one(3360, G7, { conversionRule: "nearest" })).toMatchObject({ step: 3 });
  });

  it("entry 起点: step 1", () => {
    expect(one(3650, G7, { conversionRule: "entry" })).toMatchObject({ step: 1, newPay: fen(3000), change: -fen(650) });
  });

  it("seniority: step 1 + ⌊years ÷ interval⌋, capped at the top", () => {
    expect(one(3000, G7, { conversionRule: "seniority" }, 5)).toMatchObject({ step: 3, newPay: fen(3400) }); // 1 + ⌊5/2⌋
    expect(one(3000, G7, { conversionRule: "seniority", seniorityInterval: 3 }, 5)).toMatchObject({ step: 2 });
    expect(one(3000, G7, { conversionRule: "seniority" }, 20)).toMatchObject({ step: 5, newPay: fen(3800) });
    expect(one(3000, G7, { conversionRule: "seniority" })).toMatchObject({ step: 1 });
  });

  it("band grade: current pay clamped; compa-ratio and penetration", () => {
    const inBand = one(4500, GB);
    expect(inBand).toMatchObject({ rule: "band", newPay: fen(4500), change: 0 });
    expect(inBand.step).toBeUndefined();
    expect(inBand.compaRatio).toBeCloseTo(0.9, 12);
    expect(inBand.penetration).toBeCloseTo(0.25, 12);
    expect(one(6500, GB)).toMatchObject({ newPay: fen(6000), protectedPay: fen(500), circle: "red", penetration: 1 });
    expect(one(3500, GB)).toMatchObject({ newPay: fen(4000), change: fen(500), circle: "green", penetration: 0 });
  });

  it("steps win over a band for placement; the band gives the position", () => {
    const l = one(4200, GC);
    expect(l).toMatchObject({ step: 2, newPay: fen(4500), compaRatio: 1, penetration: 0.5 });
  });
});

describe("red circle and protection modes (worked examples)", () => {
  // 4000 yuan on 七级 (top 3800): 200 yuan above the top
  it("keep: the 200 yuan are kept as 保留工资, for good", () => {
    expect(one(4000, G7, { protection: "keep" })).toMatchObject({
      step: 5,
      newPay: fen(3800),
      protectedPay: fen(200),
      totalPay: fen(4000),
      change: 0,
      circle: "red",
      unprotectedLoss: 0,
    });
  });
  it("none: pay drops and the loss is reported", () => {
    expect(one(4000, G7, { protection: "none" })).toMatchObject({
      newPay: fen(3800),
      protectedPay: 0,
      totalPay: fen(3800),
      change: -fen(200),
      unprotectedLoss: fen(200),
    });
  });
  it("phase: 20000 fen over 3 years in equal parts 6667 + 6667 + 6666", () => {
    const l = one(4000, G7, { protection: "phase", phaseYears: 3 });
    expect(l.protectedPay).toBe(20000);
    expect(l.phase).toEqual([
      { year: 1, protectedPay: 20000, reduction: 6667 },
      { year: 2, protectedPay: 13333, reduction: 6667 },
      { year: 3, protectedPay: 6666, reduction: 6666 },
    ]);
  });
  it("absorb: kept now and offset against future increases", () => {
    const l = one(4000, G7, { protection: "absorb" });
    expect(l).toMatchObject({ protectedPay: 20000, absorbable: 20000, change: 0 });
    expect(absorbIncrease(20000, 15000)).toEqual({ protectedPay: 5000, paidIncrease: 0 });
    expect(absorbIncrease(5000, 15000)).toEqual({ protectedPay: 0, paidIncrease: 10000 });
  });
  it("entry rule above the top: the whole difference to step 1 is the red-circle protection", () => {
    expect(one(4000, G7, { conversionRule: "entry" })).toMatchObject({
      step: 1,
      newPay: fen(3000),
      protectedPay: fen(1000),
      change: 0,
    });
  });
});

describe("summary (worked example)", () => {
  const people: PayPerson[] = [
    { staffId: "A", unit: "X", grade: "七级", currentPay: fen(3250) }, // → 3400, +150
    { staffId: "B", unit: "X", grade: "七级", currentPay: fen(4000), name: "乙" }, // → 3800, −200 (none)
    { staffId: "C", unit: "Y", grade: "七级", currentPay: fen(3650) }, // → 3800, +150
    { staffId: "D", unit: "Y", grade: "无此级", currentPay: fen(3000) },
  ];
  const r = convertPay(people, scale, { protection: "none", histogramBins: 2 });
  it("payroll before/after overall and by unit, winners and losers, the largest loss", () => {
    expect(r.skipped).toEqual([{ staffId: "D", grade: "无此级" }]);
    const s = r.summary;
    expect(s).toMatchObject({
      headcount: 3,
      monthlyBefore: fen(10900),
      monthlyAfter: fen(11000),
      annualBefore: fen(130800),
      annualAfter: fen(132000),
    });
    expect(s).toMatchObject({ winners: 2, losers: 1, unchanged: 0, redCircle: 1 });
    expect(s.largestLoss).toEqual({ staffId: "B", name: "乙", unit: "X", amount: fen(200) });
    expect(s.byUnit.map((u) => [u.unit, u.headcount, u.monthlyBefore, u.monthlyAfter])).toEqual([
      ["X", 2, fen(7250), fen(7200)],
      ["Y", 1, fen(3650), fen(3800)],
    ]);
  });
  it("percentiles (PERCENTILE.INC) and histogram of the change", () => {
    // sorted changes: −20000, 15000, 15000
    expect(r.summary.percentiles).toEqual({ p10: -13000, p25: -2500, p50: 15000, p75: 15000, p90: 15000 });
    expect(r.summary.histogram).toEqual([
      { from: -20000, to: -2500, count: 1 },
      { from: -2499, to: 15000, count: 2 },
    ]);
    expect(percentileInc([0, 10, 20, 30], 0.5)).toBe(15);
    expect(histogram([0, 5, 10], 2)).toEqual([
      { from: 0, to: 5, count: 2 },
      { from: 6, to: 10, count: 1 },
    ]);
  });
});

const stepsArb = fc
  .array(fc.integer({ min: 0, max: 50000 }), { minLength: 1, maxLength: 12 })
  .chain((incs) =>
    fc
      .integer({ min: 100000, max: 800000 })
      .map((start) => incs.reduce<number[]>((acc, d) => [...acc, (acc.length ? acc[acc.length - 1] : start) + d], [])),
  );

describe("conversion properties", () => {
  it("notBelow never lowers pay without recording the protected difference", () => {
    fc.assert(
      fc.property(
        stepsArb,
        fc.integer({ min: 0, max: 1_500_000 }),
        fc.constantFrom(...PROTECTION_MODES),
        (steps, current, protection) => {
          const g: PayGrade = { grade: "G", steps };
          const l = convertOne({ staffId: "S", grade: "G", currentPay: current }, g, {
            ...DEFAULT_PAY_CONVERSION_SETTINGS,
            protection,
          });
          // pay kept, or the difference is on record as protected or as an explicit unprotected loss
          expect(l.totalPay + l.unprotectedLoss).toBeGreaterThanOrEqual(current);
          if (l.change < 0) {
            expect(l.circle).toBe("red");
            expect(protection === "none" ? l.unprotectedLoss : l.protectedPay).toBe(current - l.newPay);
          }
          if (protection !== "none") expect(l.totalPay).toBeGreaterThanOrEqual(current);
          // it is the lowest step ≥ current (or the top when above it)
          const i = steps.findIndex((s) => s >= current);
          expect(l.step).toBe(i < 0 ? steps.length : i + 1);
        },
      ),
    );
  });

  it("every rule lands on a step of the grade; notAbove ≤ current ≤ notBelow inside the range", () => {
    fc.assert(
      fc.property(
        stepsArb,
        fc.integer({ min: 0, max: 1_500_000 }),
        fc.integer({ min: 0, max: 40 }),
        (steps, current, years) => {
          const g: PayGrade = { grade: "G", steps };
          for (const rule of ["notBelow", "notAbove", "nearest", "entry", "seniority"] as const) {
            const p = placeOnGrade(current, g, rule, years);
            expect(p.step).toBeGreaterThanOrEqual(1);
            expect(p.step).toBeLessThanOrEqual(steps.length);
            expect(p.pay).toBe(steps[p.step! - 1]);
          }
          if (current >= steps[0] && current <= steps[steps.length - 1]) {
            const lo = placeOnGrade(current, g, "notAbove").pay;
            const hi = placeOnGrade(current, g, "notBelow").pay;
            const near = placeOnGrade(current, g, "nearest").pay;
            expect(lo).toBeLessThanOrEqual(current);
            expect(hi).toBeGreaterThanOrEqual(current);
            expect([lo, hi]).toContain(near);
            expect(Math.abs(near - current)).toBeLessThanOrEqual(Math.min(current - lo, hi - current));
          }
        },
      ),
    );
  });

  it("a phase schedule reduces in equal parts (differing by at most 1 fen) that sum exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10 }), (d, n) => {
        const s = phaseSchedule(d, n);
        expect(s).toHaveLength(n);
        expect(s.reduce((a, x) => a + x.reduction, 0)).toBe(d);
        expect(s[0].protectedPay).toBe(d);
        const r = s.map((x) => x.reduction);
        expect(Math.max(...r) - Math.min(...r)).toBeLessThanOrEqual(1);
        expect(s[n - 1].protectedPay).toBe(s[n - 1].reduction);
        expect(r).toEqual(allocate(d, new Array<number>(n).fill(1)));
      }),
    );
  });

  it("summary totals match the lines; same input, same output", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            current: fc.integer({ min: 0, max: 1_000_000 }),
            unit: fc.constantFrom("X", "Y", "Z"),
            grade: fc.constantFrom("七级", "B", "C"),
          }),
          { maxLength: 40 },
        ),
        fc.constantFrom(...PROTECTION_MODES),
        (rows, protection) => {
          const people = rows.map((r, i) => ({
            staffId: `S${i}`,
            unit: r.unit,
            grade: r.grade,
            currentPay: r.current,
          }));
          const a = convertPay(people, scale, { protection });
          const b = convertPay(people, scale, { protection });
          expect(a).toEqual(b);
          const s = a.summary;
          expect(s.monthlyAfter).toBe(a.lines.reduce((x, l) => x + l.totalPay, 0));
          expect(s.byUnit.reduce((x, u) => x + u.monthlyAfter, 0)).toBe(s.monthlyAfter);
          expect(s.winners + s.losers + s.unchanged).toBe(people.length);
          expect(s.histogram.reduce((x, h) => x + h.count, 0)).toBe(people.length);
          const p = s.percentiles;
          expect(p.p10 <= p.p25 && p.p25 <= p.p50 && p.p50 <= p.p75 && p.p75 <= p.p90).toBe(true);
        },
      ),
    );
  });
});
