import fc from "fast-check";
import { splitExact, splitWithCap } from "./allocation";
import { allocatePerformancePay, poolFromSettings, type PerfPerson } from "./performance";
import type { RatingLevel } from "./forced";

const RATINGS: RatingLevel[] = [
  { rating: "优秀", coefficient: 1.5 },
  { rating: "合格", coefficient: 1 },
  { rating: "不合格", coefficient: 0 },
];
const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("two-level allocation (computed by hand)", () => {
  // Pool 10 000.00 yuan = 1 000 000 fen: basic 700 000, reward 300 000.
  const people: PerfPerson[] = [
    { staffId: "A", unit: "U1", postCoefficient: 1.2, rating: "优秀" },
    { staffId: "B", unit: "U1", postCoefficient: 1.0, rating: "合格" },
    { staffId: "C", unit: "U2", postCoefficient: 1.0, rating: "合格" },
    { staffId: "D", unit: "U2", postCoefficient: 0.8, rating: "不合格" },
  ];
  const r = allocatePerformancePay(people, RATINGS, 1_000_000, { unitCoefficients: new Map([["U1", 1.1]]) });
  it("splits basic by post coefficient and reward by unit, then by post × rating", () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.value;
    expect([v.basicPool, v.rewardPool]).toEqual([700_000, 300_000]);
    // basic: 700 000 × [1.2, 1, 1, 0.8] / 4 = 210 000, 175 000, 175 000, 140 000
    expect(v.lines.map((l) => l.basic)).toEqual([210_000, 175_000, 175_000, 140_000]);
    // units: U1 (1.2 + 1.0) × 1.1 = 2.42, U2 (1.0 + 0.8) × 1 = 1.8; 300 000 × 2.42 / 4.22 = 172 037.91…,
    // × 1.8 / 4.22 = 127 962.08…; the left-over fen goes to the larger remainder (U1)
    expect(v.units.map((u) => [u.unit, u.weight, u.rewardPool])).toEqual([
      ["U1", 2.42, 172_038],
      ["U2", 1.8, 127_962],
    ]);
    // U1: A 1.2 × 1.5 = 1.8, B 1.0 × 1 = 1.0: 172 038 × 1.8 / 2.8 = 110 595.86…, × 1/2.8 = 61 442.14… → 110 596, 61 442
    // U2: C 1 × 1 = 1, D 0.8 × 0 = 0 → 127 962, 0
    expect(v.lines.map((l) => l.reward)).toEqual([110_596, 61_442, 127_962, 0]);
    expect(v.lines.map((l) => l.total)).toEqual([320_596, 236_442, 302_962, 140_000]);
    expect(total(v.lines.map((l) => l.total))).toBe(1_000_000);
  });

  it("whole-yuan rounding keeps every part in whole yuan and the sum exact", () => {
    const w = allocatePerformancePay(people, RATINGS, 1_000_000, {
      wholeYuan: true,
      unitCoefficients: new Map([["U1", 1.1]]),
    });
    if (!w.ok) throw new Error("failed");
    for (const l of w.value.lines) {
      expect(l.basic % 100).toBe(0);
      expect(l.reward % 100).toBe(0);
    }
    expect(total(w.value.lines.map((l) => l.total))).toBe(1_000_000);
    // U1 gets 172 037.91 → 1720.38 yuan → 1720 whole yuan + remainder: 300 000 fen = 3000 yuan over 2.42 : 1.8
    expect(w.value.units.map((u) => u.rewardPool)).toEqual([172_000, 128_000]);
  });

  it("the individual cap is enforced by redistributing the excess", () => {
    // unit reward 40 000 over weights 10, 1, 1, 1; k = 1.5 → cap ⌈1.5 × 10 000⌉ = 15 000.
    // First pass gives A 30 769 > cap: A held at 15 000, the other 25 000 split 8 334, 8 333, 8 333.
    expect(splitWithCap(40_000, [10, 1, 1, 1], 15_000)).toEqual({
      parts: [15_000, 8_334, 8_333, 8_333],
      capped: [true, false, false, false],
      rounds: 1,
      infeasible: false,
    });
    const crowd: PerfPerson[] = ["a", "b", "c", "d"].map((id, i) => ({
      staffId: id,
      unit: "U",
      postCoefficient: i === 0 ? 10 : 1,
      rating: "合格",
    }));
    const c = allocatePerformancePay(crowd, RATINGS, 40_000, { individualCap: 1.5, basicShare: 0 });
    if (!c.ok) throw new Error("failed");
    expect(c.value.units[0].cap).toBe(15_000);
    expect(c.value.lines.map((l) => l.reward)).toEqual([15_000, 8_334, 8_333, 8_333]);
    expect(Math.max(...c.value.lines.map((l) => l.reward))).toBeLessThanOrEqual(c.value.units[0].cap!);
    expect(c.value.lines[0].capped).toBe(true);
  });

  it("the pool from settings", () => {
    expect(poolFromSettings({ poolAmount: 12345.675 }, 10)).toEqual({ pool: 1_234_568, source: "amount" });
    expect(poolFromSettings({ poolPerCapita: 1000.5 }, 3)).toEqual({ pool: 300_150, source: "perCapita" });
    expect(poolFromSettings({ poolPercent: 0.15 }, 3, 1_000_001)).toEqual({ pool: 150_000, source: "percent" });
    expect(poolFromSettings({}, 3)).toBeUndefined();
  });

  it("a unit where no one can receive a reward gets none; the money goes to the others", () => {
    const p: PerfPerson[] = [
      { staffId: "A", unit: "U1", postCoefficient: 1, rating: "不合格" },
      { staffId: "B", unit: "U2", postCoefficient: 1, rating: "合格" },
    ];
    const r2 = allocatePerformancePay(p, RATINGS, 1000, { basicShare: 0.5 });
    if (!r2.ok) throw new Error("failed");
    expect(r2.value.lines.map((l) => [l.basic, l.reward])).toEqual([
      [250, 0],
      [250, 500],
    ]);
  });
});

const peopleArb = fc.array(
  fc.record({
    unit: fc.constantFrom("U1", "U2", "U3", "U4"),
    post: fc.integer({ min: 1, max: 30 }).map((x) => x / 10),
    rating: fc.constantFrom("优秀", "合格", "不合格"),
  }),
  { minLength: 1, maxLength: 60 },
);

describe("allocation properties", () => {
  it("every level sums exactly to its pool; same input, same output", () => {
    fc.assert(
      fc.property(
        peopleArb,
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
        fc.boolean(),
        fc.option(
          fc.integer({ min: 10, max: 40 }).map((x) => x / 10),
          { nil: undefined },
        ),
        (rows, pool, basicShare, wholeYuan, individualCap) => {
          const people: PerfPerson[] = rows.map((r, i) => ({
            staffId: `S${i}`,
            unit: r.unit,
            postCoefficient: r.post,
            rating: i === 0 ? "合格" : r.rating,
          }));
          const unitCoefficients = new Map([
            ["U2", 1.3],
            ["U3", 0.7],
          ]);
          const a = allocatePerformancePay(people, RATINGS, pool, {
            basicShare,
            wholeYuan,
            individualCap,
            unitCoefficients,
          });
          const b = allocatePerformancePay(people, RATINGS, pool, {
            basicShare,
            wholeYuan,
            individualCap,
            unitCoefficients,
          });
          expect(a).toEqual(b);
          if (!a.ok) throw new Error("failed");
          const v = a.value;
          expect(v.basicPool + v.rewardPool).toBe(pool);
          expect(total(v.lines.map((l) => l.basic))).toBe(v.basicPool);
          expect(total(v.units.map((u) => u.rewardPool))).toBe(v.rewardPool);
          for (const u of v.units) {
            expect(total(v.lines.filter((l) => l.unit === u.unit).map((l) => l.reward))).toBe(u.rewardPool);
            if (u.cap !== undefined && !u.capInfeasible)
              for (const l of v.lines.filter((x) => x.unit === u.unit)) expect(l.reward).toBeLessThanOrEqual(u.cap);
          }
          expect(total(v.lines.map((l) => l.total))).toBe(pool);
          if (wholeYuan && pool % 100 === 0) for (const l of v.lines) expect(l.total % 100).toBe(0);
        },
      ),
    );
  });

  it("a larger weight never gets less, in fen and in whole yuan", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom(1, 100),
        (w, t, unit) => {
          fc.pre(w.some((x) => x > 0));
          const parts = splitExact(t, w, unit)!;
          expect(total(parts)).toBe(t);
          for (let i = 0; i < w.length; i++)
            for (let j = 0; j < w.length; j++) if (w[i] > w[j]) expect(parts[i]).toBeGreaterThanOrEqual(parts[j]);
        },
      ),
    );
  });

  it("caps hold after redistribution, the sum stays exact, and order by weight is kept", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 100, max: 400 }),
        (w, t, k100) => {
          const cap = Math.ceil((k100 * t) / (100 * w.length));
          const r = splitWithCap(t, w, cap)!;
          expect(r.infeasible).toBe(false);
          expect(total(r.parts)).toBe(t);
          for (const p of r.parts) expect(p).toBeLessThanOrEqual(cap);
          for (let i = 0; i < w.length; i++)
            for (let j = 0; j < w.length; j++) if (w[i] > w[j]) expect(r.parts[i]).toBeGreaterThanOrEqual(r.parts[j]);
        },
      ),
    );
  });
});
