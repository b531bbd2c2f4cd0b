/**
 * The optimised forced distribution (packed-key sort, counts by level) and capped split (water-filling on
 * sorted values) against simple references: comparator sorts and Map counts, on random inputs with many ties.
 */
import fc from "fast-check";
import { splitExact, splitWithCap } from "./allocation";
import { checkShares, forcedDistribution, shareBounds, type RatingLevel } from "./forced";

function referenceRatings(
  scores: (number | undefined)[],
  levels: RatingLevel[],
  groups: string[],
): (string | undefined)[] {
  const ratings: (string | undefined)[] = scores.map(() => undefined);
  const byGroup = new Map<string, number[]>();
  groups.forEach((g, i) => byGroup.set(g, [...(byGroup.get(g) ?? []), i]));
  const L = levels.length;
  for (const members of byGroup.values()) {
    const o = members.filter((i) => scores[i] !== undefined && Number.isFinite(scores[i]));
    o.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
    const n = o.length;
    const bounds = levels.map((l) => shareBounds(n, l));
    const floorsBelow = levels.map((_, i) => bounds.slice(i + 1).reduce((s, b) => s + b.min, 0));
    let p = 0;
    for (let i = 0; i < L && p < n; i++) {
      const remaining = n - p;
      let t = remaining;
      if (i < L - 1) {
        t = Math.max(
          Math.min(bounds[i].max, Math.max(0, remaining - floorsBelow[i])),
          Math.min(bounds[i].min, remaining),
        );
        if (t > 0 && t < remaining && scores[o[p + t - 1]] === scores[o[p + t]]) {
          const s = scores[o[p + t]];
          let a = p + t - 1;
          while (a > p && scores[o[a - 1]] === s) a--;
          let b = p + t;
          while (b < n && scores[o[b]] === s) b++;
          t = b - p <= bounds[i].max ? b - p : a - p;
        }
      }
      for (let k = p; k < p + t; k++) ratings[o[k]] = levels[i].rating;
      p += t;
    }
  }
  return ratings;
}

function referenceViolations(ratings: (string | undefined)[], levels: RatingLevel[], groups: string[]) {
  const out: ReturnType<typeof checkShares> = [];
  const byGroup = new Map<string, number[]>();
  groups.forEach((g, i) => byGroup.set(g, [...(byGroup.get(g) ?? []), i]));
  for (const [g, members] of byGroup) {
    const rated = members.filter((i) => ratings[i] !== undefined);
    const n = rated.length;
    if (n === 0) continue;
    for (const level of levels) {
      const c = rated.filter((i) => ratings[i] === level.rating).length;
      const b = shareBounds(n, level);
      if (c > b.max) out.push({ group: g, rating: level.rating, kind: "max", count: c, bound: b.max, n });
      if (c < b.min) out.push({ group: g, rating: level.rating, kind: "min", count: c, bound: b.min, n });
    }
  }
  return out;
}

function referenceCapped(total: number, weights: number[], cap: number, unit: number) {
  const n = weights.length;
  const capped = weights.map(() => false);
  const order = weights.map((_, i) => i).filter((i) => weights[i] > 0 && Number.isFinite(weights[i]));
  if (order.length === 0) return total === 0 ? { parts: weights.map(() => 0), capped, infeasible: false } : null;
  let W = 0;
  for (const i of order) W += weights[i];
  order.sort((a, b) => weights[b] - weights[a] || a - b);
  let rest = total;
  for (let k = 0; k < order.length && W > 0 && (rest * weights[order[k]]) / W > cap; k++) {
    capped[order[k]] = true;
    rest -= cap;
    W -= weights[order[k]];
  }
  for (;;) {
    const parts =
      rest >= 0
        ? splitExact(
            rest,
            weights.map((w, i) => (capped[i] ? 0 : w)),
            unit,
          )
        : null;
    if (!parts) {
      const plain = splitExact(total, weights, unit);
      return plain ? { parts: plain, capped: weights.map(() => false), infeasible: true } : null;
    }
    let over = false;
    for (let i = 0; i < n; i++) {
      if (capped[i]) parts[i] = cap;
      else if (parts[i] > cap) {
        capped[i] = true;
        rest -= cap;
        over = true;
      }
    }
    if (!over) return { parts, capped, infeasible: false };
  }
}

const levelsArb = fc.array(
  fc.record({
    rating: fc.constantFrom("A", "B", "C", "D"),
    coefficient: fc.constantFrom(0, 1, 1.2, 1.5),
    maxShare: fc.option(fc.constantFrom(0.1, 0.2, 0.3, 0.5), { nil: undefined }),
    minShare: fc.option(fc.constantFrom(0.02, 0.05, 0.1), { nil: undefined }),
  }),
  { minLength: 0, maxLength: 4 },
);

describe("optimised pay loops against simple references", () => {
  it("forcedDistribution: same ratings and violations (ties, -0, missing scores, repeated labels)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            score: fc.option(fc.constantFrom(0, -0, 1, 2, 2.5, 3, 10, 99.5, NaN, 1e300, -1e300), { nil: undefined }),
            group: fc.constantFrom("x", "y", "z"),
          }),
          { maxLength: 80 },
        ),
        levelsArb,
        (rows, levels) => {
          const scores = rows.map((r) => r.score);
          const groups = rows.map((r) => r.group);
          const got = forcedDistribution(scores, levels, groups);
          const ratings = referenceRatings(scores, levels, groups);
          expect(got.ratings).toEqual(ratings);
          expect(got.violations).toEqual(referenceViolations(ratings, levels, groups));
          expect(checkShares(ratings, levels, groups)).toEqual(referenceViolations(ratings, levels, groups));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("splitWithCap: same parts, capped flags and feasibility", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.constantFrom(0, 0.8, 1, 1.2, 1.5, 1.8, 2.25, 3.7), { maxLength: 40 }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        fc.constantFrom(1, 100),
        (total, weights, k, unit) => {
          const avg = (k * total) / Math.max(1, weights.length);
          const cap = unit > 1 ? Math.ceil(avg / unit - 1e-9) * unit : Math.ceil(avg - 1e-9);
          const got = splitWithCap(total, weights, cap, unit);
          const ref = referenceCapped(total, weights, cap, unit);
          if (ref === null) expect(got).toBeNull();
          else {
            expect(got).not.toBeNull();
            expect(got!.parts).toEqual(ref.parts);
            expect(got!.capped).toEqual(ref.capped);
            expect(got!.infeasible).toBe(ref.infeasible);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
