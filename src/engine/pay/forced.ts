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
  const { firstOf, labelIndex } = levelLabels(levels);
  const n = ratings.length;
  // Per person: the first level with its label, -1 for another label, -2 for no rating.
  const code = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = ratings[i];
    code[i] = r === undefined ? -2 : (labelIndex.get(r) ?? -1);
  }
  return violationsOf(groupsOf(n, groups), code, levels, firstOf, rounding);
}

/** For each level, the index of the first level with the same label; and label → that index. */
function levelLabels(levels: ReadonlyArray<RatingLevel>): { firstOf: Int32Array; labelIndex: Map<string, number> } {
  const labelIndex = new Map<string, number>();
  const firstOf = new Int32Array(levels.length);
  for (let i = 0; i < levels.length; i++) {
    const f = labelIndex.get(levels[i].rating);
    if (f === undefined) labelIndex.set(levels[i].rating, i);
    firstOf[i] = f ?? i;
  }
  return { firstOf, labelIndex };
}

/** The violations of caps and floors, groups in order of first appearance, from per-person level codes. */
function violationsOf(
  groups: Map<string, number[]>,
  code: Int32Array,
  levels: ReadonlyArray<RatingLevel>,
  firstOf: Int32Array,
  rounding: ShareRounding,
): ShareViolation[] {
  const out: ShareViolation[] = [];
  const L = levels.length;
  const counts = new Int32Array(L);
  for (const [g, members] of groups) {
    counts.fill(0);
    let n = 0;
    for (let k = 0; k < members.length; k++) {
      const c = code[members[k]];
      if (c === -2) continue;
      n++;
      if (c >= 0) counts[c]++;
    }
    if (n === 0) continue;
    for (let li = 0; li < L; li++) {
      const level = levels[li];
      const c = counts[firstOf[li]];
      const b = shareBounds(n, level, rounding);
      if (c > b.max) out.push({ group: g, rating: level.rating, kind: "max", count: c, bound: b.max, n });
      if (c < b.min) out.push({ group: g, rating: level.rating, kind: "min", count: c, bound: b.min, n });
    }
  }
  return out;
}

/**
 * The members with a finite score, best score first, row order among equal scores. Sorted natively on
 * packed integer keys (score rank × m + position), which gives exactly that order without a comparator.
 */
function rankOrder(members: ReadonlyArray<number>, scores: ReadonlyArray<number | undefined>): Int32Array {
  let m = 0;
  const idx = new Int32Array(members.length);
  const vals = new Float64Array(members.length);
  for (let k = 0; k < members.length; k++) {
    const v = scores[members[k]];
    if (v !== undefined && Number.isFinite(v)) {
      idx[m] = members[k];
      vals[m] = v + 0; // -0 → 0: equal scores share a rank
      m++;
    }
  }
  if (m === 0) return idx.subarray(0, 0);
  const sorted = vals.slice(0, m).sort();
  let d = 0;
  for (let k = 0; k < m; k++) if (k === 0 || sorted[k] !== sorted[d - 1]) sorted[d++] = sorted[k];
  const keys = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const v = vals[k];
    let lo = 0;
    let hi = d - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    keys[k] = (d - 1 - lo) * m + k;
  }
  keys.sort();
  const o = new Int32Array(m);
  for (let k = 0; k < m; k++) o[k] = idx[keys[k] % m];
  return o;
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
  const code = new Int32Array(scores.length).fill(-2);
  const L = levels.length;
  const { firstOf } = levelLabels(levels);
  const groupMap = groupsOf(scores.length, groups);
  if (L > 0) {
    for (const members of groupMap.values()) {
      const o = rankOrder(members, scores);
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
        const label = levels[i].rating;
        const c = firstOf[i];
        for (let k = p; k < p + t; k++) {
          ratings[o[k]] = label;
          code[o[k]] = c;
        }
        p += t;
      }
    }
  }
  return { ratings, violations: violationsOf(groupMap, code, levels, firstOf, rounding) };
}
