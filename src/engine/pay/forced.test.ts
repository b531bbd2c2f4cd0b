import fc from "fast-check";
import { checkShares, forcedDistribution, shareBounds, type RatingLevel } from "./forced";

const LEVELS: RatingLevel[] = [
  { rating: "优秀", coefficient: 1.5, maxShare: 0.2 },
  { rating: "良好", coefficient: 1.2, maxShare: 0.3 },
  { rating: "合格", coefficient: 1 },
  { rating: "不合格", coefficient: 0, minShare: 0.1 },
];

describe("forced distribution (worked examples)", () => {
  it("fills each rating up to its cap, keeping the floor of the last", () => {
    const scores = [95, 90, 85, 80, 75, 70, 65, 60, 55, 50];
    // n = 10: 优秀 ⌊2⌋ = 2, 良好 ⌊3⌋ = 3, 不合格 ⌈1⌉ = 1, 合格 the rest = 4
    expect(forcedDistribution(scores, LEVELS).ratings).toEqual([
      "优秀",
      "优秀",
      "良好",
      "良好",
      "良好",
      "合格",
      "合格",
      "合格",
      "合格",
      "不合格",
    ]);
  });

  it("works per group, in row order of equal groups, skipping people without a score", () => {
    const r = forcedDistribution(
      [80, 90, undefined, 70, 60],
      [
        { rating: "A", coefficient: 1, maxShare: 0.5 },
        { rating: "B", coefficient: 1 },
      ],
      ["u", "u", "u", "v", "v"],
    );
    // u: 2 scored → cap 1: 90 is A; v: cap 1: 70 is A
    expect(r.ratings).toEqual(["B", "A", undefined, "A", "B"]);
    expect(r.violations).toEqual([]);
  });

  it("ties: the tie group takes the better rating only if the cap holds, else the worse", () => {
    const levels: RatingLevel[] = [
      { rating: "A", coefficient: 1, maxShare: 0.3 },
      { rating: "B", coefficient: 1 },
    ];
    // n = 10, cap 3; scores 3rd and 4th tie → both would make 4 > 3: both B
    const s1 = [99, 98, 90, 90, 80, 70, 60, 50, 40, 30];
    expect(forcedDistribution(s1, levels).ratings.slice(0, 5)).toEqual(["A", "A", "B", "B", "B"]);
    // cap 3 with the 2nd and 3rd tied: both fit (3 ≤ 3)
    const s2 = [99, 90, 90, 80, 70, 60, 50, 40, 30, 20];
    expect(forcedDistribution(s2, levels).ratings.slice(0, 4)).toEqual(["A", "A", "A", "B"]);
    // the cap with rounding "round" on 0.25 × 10 = 2.5 → 3 instead of floor 2
    expect(
      shareBounds(
        10,
        { rating: "A", coefficient: 1, maxShare: 0.25 },
        { capRounding: "round", floorRounding: "ceiling" },
      ).max,
    ).toBe(3);
    expect(shareBounds(10, { rating: "A", coefficient: 1, maxShare: 0.25 }).max).toBe(2);
  });

  it("a floor that ties make impossible is reported, not hidden", () => {
    const levels: RatingLevel[] = [
      { rating: "A", coefficient: 1 },
      { rating: "D", coefficient: 0, minShare: 0.2 },
    ];
    // n = 5, D needs ⌈1⌉ = 1, but everyone has the same score: all keep A (no cap), D's floor is broken
    const r = forcedDistribution([50, 50, 50, 50, 50], levels);
    expect(r.ratings).toEqual(["A", "A", "A", "A", "A"]);
    expect(r.violations).toEqual([{ group: "", rating: "D", kind: "min", count: 0, bound: 1, n: 5 }]);
  });

  it("checkShares reports given ratings above a cap with the counts", () => {
    const v = checkShares(
      ["优秀", "优秀", "优秀", "合格", "合格", "合格", "合格", "合格", "合格", "不合格"],
      LEVELS,
      undefined,
    );
    expect(v).toEqual([{ group: "", rating: "优秀", kind: "max", count: 3, bound: 2, n: 10 }]);
  });
});

const levelsArb = fc
  .array(
    fc.record({
      coefficient: fc.integer({ min: 0, max: 20 }).map((x) => x / 10),
      maxShare: fc.option(
        fc.integer({ min: 0, max: 10 }).map((x) => x / 10),
        { nil: undefined },
      ),
      minShare: fc.option(
        fc.integer({ min: 0, max: 3 }).map((x) => x / 10),
        { nil: undefined },
      ),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((ls) =>
    ls.map((l, i) => {
      const level: RatingLevel = { rating: `R${i}`, coefficient: l.coefficient };
      if (l.maxShare !== undefined && i < ls.length - 1) level.maxShare = l.maxShare;
      if (l.minShare !== undefined) level.minShare = l.minShare;
      if (level.maxShare !== undefined && level.minShare !== undefined && level.minShare > level.maxShare)
        delete level.minShare;
      return level;
    }),
  );
const roundingArb = fc.record({
  capRounding: fc.constantFrom("floor" as const, "round" as const, "ceiling" as const),
  floorRounding: fc.constantFrom("floor" as const, "round" as const, "ceiling" as const),
});

describe("forced distribution properties", () => {
  it("violations are exactly the bounds the result breaks; equal scores get equal ratings; better scores never worse ratings", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 40 }),
        levelsArb,
        roundingArb,
        fc.integer({ min: 1, max: 3 }),
        (scores, levels, rounding, ng) => {
          const groups = scores.map((_, i) => `g${i % ng}`);
          const r = forcedDistribution(scores, levels, groups, rounding);
          expect(r.violations).toEqual(checkShares(r.ratings, levels, groups, rounding));
          const rank = new Map(levels.map((l, i) => [l.rating, i]));
          for (let i = 0; i < scores.length; i++) {
            for (let j = 0; j < scores.length; j++) {
              if (groups[i] !== groups[j]) continue;
              const a = rank.get(r.ratings[i]!)!;
              const b = rank.get(r.ratings[j]!)!;
              if (scores[i] === scores[j]) expect(a).toBe(b);
              if (scores[i] > scores[j]) expect(a).toBeLessThanOrEqual(b);
            }
          }
        },
      ),
    );
  });

  it("with distinct scores and feasible shares, every cap and floor holds with the chosen rounding", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { maxLength: 40 }),
        levelsArb,
        roundingArb,
        (scores, levels, rounding) => {
          const n = scores.length;
          const bounds = levels.map((l) => shareBounds(n, l, rounding));
          fc.pre(bounds.reduce((a, b) => a + b.min, 0) <= n && bounds.every((b) => b.min <= b.max));
          const r = forcedDistribution(scores, levels, undefined, rounding);
          expect(r.violations).toEqual([]);
          for (const [i, l] of levels.entries()) {
            const c = r.ratings.filter((x) => x === l.rating).length;
            expect(c).toBeLessThanOrEqual(bounds[i].max);
            expect(c).toBeGreaterThanOrEqual(bounds[i].min);
          }
        },
      ),
    );
  });
});
