/**
 * Ratings (考核等次) and forced distribution (强制分布) per unit, DOMAIN §5.
 */
import { roundBy, type Rounding } from "../money";

/** One row of the Ratings table, best first. */
export interface RatingLevel {
  rating: string;
  coefficient: number;
  /** Share cap (比例上限), fraction of the group. */
  maxShare?: number;
  /** Share floor (比例下限), fraction of the group. */
  minShare?: number;
  row?: number;
}

export interface ShareRounding {
  /** Rounding of maxShare × n (default floor: "不超过"). */
  capRounding: Rounding;
  /** Rounding of minShare × n (default ceiling). */
  floorRounding: Rounding;
}

export const DEFAULT_SHARE_ROUNDING: Readonly<ShareRounding> = { capRounding: "floor", floorRounding: "ceiling" };

/** A rating count outside its cap or floor in a group. */
export interface ShareViolation {
  group: string;
  rating: string;
  kind: "max" | "min";
  count: number;
  /** The rounded bound that is broken. */
  bound: number;
  /** People in the group with a rating. */
  n: number;
}

/**
 * The people a rating may have in a group of n: cap ⌊maxShare × n⌋ and floor ⌈minShare × n⌉ by default.
 *
 * @example shareBounds(11, { rating: "优秀", coefficient: 1.5, maxShare: 0.2 }) // => { max: 2, min: 0 }
 */
export function shareBounds(
  n: number,
  level: RatingLevel,
  rounding: ShareRounding = DEFAULT_SHARE_ROUNDING,
): { max: number; min: number } {
  const max = level.maxShare !== undefined ? roundBy(level.maxShare * n, rounding.capRounding) : Infinity;
  const min = level.minShare !== undefined ? roundBy(level.minShare * n, rounding.floorRounding) : 0;
  return { max, min };
}

function groupsOf(n: number, groups?: ReadonlyArray<string | undefined>): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const g = groups?.[i] ?? "";
    let list = m.get(g);
    if (!list) m.set(g, (list = []));
    list.push(i);
  }
  return m;
}

/**
 * Counts of each rating per group against the rounded caps and floors. People without a rating are not
 * counted (n is the number rated in the group).
 *
 * @example checkShares(["优秀", "优秀", "合格"], levels) // => [{ group: "", rating: "优秀", kind: "max", count: 2, bound: 0, n: 3 }] when 优秀 maxShare is 0.2
 */
export function checkShares(
  ratings: ReadonlyArray<string | undefined>,
  levels: ReadonlyArray<RatingLevel>,
  groups?: ReadonlyArray<string | undefined>,
  rounding: ShareRounding = DEFAULT_SHARE_ROUNDING,
): ShareViolation[] {
  const out: ShareViolation[] = [];
  for (const [g, members] of groupsOf(ratings.length, groups)) {
    const counts = new Map<string, number>();
    let n = 0;
    for (const i of members) {
      const r = ratings[i];
      if (r === undefined) continue;
      n++;
      counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    if (n === 0) continue;
    for (const level of levels) {
      const c = counts.get(level.rating) ?? 0;
      const b = shareBounds(n, level, rounding);
      if (c > b.max) out.push({ group: g, rating: level.rating, kind: "max", count: c, bound: b.max, n });
      if (c < b.min) out.push({ group: g, rating: level.rating, kind: "min", count: c, bound: b.min, n });
    }
  }
  return out;
}

export interface ForcedDistributionResult {
  /** The rating label per person (undefined for people without a score). */
  ratings: (string | undefined)[];
  /** Caps or floors that could not be held (ties, or a Ratings table whose shares cannot add up). */
  violations: ShareViolation[];
}

/**
 * Derives ratings from scores by forced distribution within each group (unit). People are taken best score
 * first (row order among equal scores); ratings are given best first, each as many people as its cap allows
 * (⌊maxShare × n⌋ by default) while leaving enough people for the floors (⌈minShare × n⌉) of the ratings
 * below it, and never fewer than its own floor; the last rating takes the rest.
 *
 * Ties: people with the same score always get the same rating. When a tie straddles a boundary, the whole
 * tie group takes the better rating if its cap still holds (even if a floor further down can then no longer
 * be met: equal scores are not pushed down to fill a floor); otherwise the whole group takes the worse
 * rating. Whatever could not be held is listed in `violations`, never hidden.
 * People without a score get no rating.
 *
 * @example forcedDistribution([90, 80, 70, 60, 50], [{ rating: "优秀", coefficient: 1.2, maxShare: 0.2 }, { rating: "合格", coefficient: 1 }]).ratings
 *   // => ["优秀", "合格", "合格", "合格", "合格"]
 */
export function forcedDistribution(
  scores: ReadonlyArray<number | undefined>,
  levels: ReadonlyArray<RatingLevel>,
  groups?: ReadonlyArray<string | undefined>,
  rounding: ShareRounding = DEFAULT_SHARE_ROUNDING,
): ForcedDistributionResult {
  const ratings = new Array<string | undefined>(scores.length).fill(undefined);
  const L = levels.length;
  if (L > 0) {
    for (const members of groupsOf(scores.length, groups).values()) {
      const o = members.filter((i) => scores[i] !== undefined && Number.isFinite(scores[i]));
      o.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
      const n = o.length;
      const bounds = levels.map((l) => shareBounds(n, l, rounding));
      const floorsBelow = new Array<number>(L).fill(0);
      for (let i = L - 2; i >= 0; i--) floorsBelow[i] = floorsBelow[i + 1] + bounds[i + 1].min;
      let p = 0;
      for (let i = 0; i < L && p < n; i++) {
        const remaining = n - p;
        let t: number;
        if (i === L - 1) t = remaining;
        else {
          const reserve = floorsBelow[i];
          const maxTake = Math.min(bounds[i].max, Math.max(0, remaining - reserve));
          const minTake = Math.min(bounds[i].min, remaining);
          t = Math.max(maxTake, minTake);
          if (t > 0 && t < remaining && scores[o[p + t - 1]] === scores[o[p + t]]) {
            const s = scores[o[p + t]];
            let a = p + t - 1;
            while (a > p && scores[o[a - 1]] === s) a--;
            let b = p + t;
            while (b < n && scores[o[b]] === s) b++;
            const up = b - p;
            const down = a - p;
            t = up <= bounds[i].max ? up : down;
          }
        }
        for (let k = p; k < p + t; k++) ratings[o[k]] = levels[i].rating;
        p += t;
      }
    }
  }
  return { ratings, violations: checkShares(ratings, levels, groups, rounding) };
}
