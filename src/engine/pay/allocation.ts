/**
 * Exact money splits for performance pay: largest remainder (ties by row order) in fen or whole yuan,
 * and an individual cap enforced by redistributing the excess to the uncapped until none exceeds it.
 */
import { allocate, allocateInUnits } from "../money";

/**
 * Splits `total` fen over `weights` exactly; with `unit` = 100 the parts are whole yuan except that a
 * total that is not whole yuan has its odd fen spread by largest remainder too. `null` when every weight
 * is 0 and the total is not.
 *
 * @example splitExact(1000, [2, 1, 1]) // => [500, 250, 250]
 * @example splitExact(100050, [1, 1], 100) // => [50025, 50025]
 */
export function splitExact(total: number, weights: ReadonlyArray<number>, unit = 1): number[] | null {
  return unit > 1 ? allocateInUnits(total, weights, unit) : allocate(total, weights);
}

export interface CappedSplit {
  parts: number[];
  /** True for the parts held at the cap. */
  capped: boolean[];
  /** Number of redistribution rounds (0 when no one exceeded the cap). */
  rounds: number;
  /** True when the excess could not be placed (the uncapped all have weight 0): the cap is not applied. */
  infeasible: boolean;
}

/**
 * Splits `total` over `weights` with no part above `cap`: parts above the cap are held at it and the
 * excess is split again over the others by their weights, repeatedly, until none exceeds it. Exact: the
 * parts sum to `total`.
 *
 * To save re-splits on large units, the people to hold are first found on exact shares (water-filling:
 * largest weights first, while total × w ÷ Σw of the rest exceeds the cap), then the rest is split in
 * fen by largest remainder and anyone a rounding fen pushes above the cap is held too, repeatedly.
 * Requires cap × (number of positive weights) ≥ total to be feasible; otherwise, or when the remaining
 * people all have weight 0, returns the uncapped split with `infeasible`. `null` when every weight is 0.
 *
 * @example splitWithCap(1000, [8, 1, 1], 400) // => { parts: [400, 300, 300], capped: [true, false, false], rounds: 1, infeasible: false }
 */
export function splitWithCap(total: number, weights: ReadonlyArray<number>, cap: number, unit = 1): CappedSplit | null {
  const n = weights.length;
  const capped = new Array<boolean>(n).fill(false);
  const order: number[] = [];
  let W = 0;
  for (let i = 0; i < n; i++) {
    if (weights[i] > 0 && Number.isFinite(weights[i])) {
      order.push(i);
      W += weights[i];
    }
  }
  if (order.length === 0)
    return total === 0 ? { parts: new Array<number>(n).fill(0), capped, rounds: 0, infeasible: false } : null;
  // Water-filling in order of weight (largest first, row order among equal weights). Only the values matter
  // for how many are held (equal weights subtract the same amount from W), so sort the values natively and
  // then hold, among the weights equal to the last one held, the first in row order.
  const vals = new Float64Array(order.length);
  for (let j = 0; j < order.length; j++) vals[j] = weights[order[j]];
  vals.sort();
  let rest = total;
  let rounds = 0;
  let held = 0;
  for (let k = vals.length - 1; k >= 0 && W > 0 && (rest * vals[k]) / W > cap; k--) {
    rest -= cap;
    W -= vals[k];
    held++;
    rounds = 1;
  }
  if (held > 0) {
    const last = vals[vals.length - held];
    let atLast = 0;
    for (let k = vals.length - held; k < vals.length && vals[k] === last; k++) atLast++;
    for (let j = 0; j < order.length; j++) {
      const i = order[j];
      const wi = weights[i];
      if (wi > last) capped[i] = true;
      else if (wi === last && atLast > 0) {
        capped[i] = true;
        atLast--;
      }
    }
  }
  const w: number[] = new Array<number>(n);
  for (;;) {
    for (let i = 0; i < n; i++) w[i] = capped[i] ? 0 : weights[i];
    const parts = rest >= 0 ? splitExact(rest, w, unit) : null;
    if (!parts) {
      const plain = splitExact(total, weights, unit);
      return plain ? { parts: plain, capped: new Array<boolean>(n).fill(false), rounds, infeasible: true } : null;
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
    if (!over) return { parts, capped, rounds, infeasible: false };
    rounds++;
  }
}
