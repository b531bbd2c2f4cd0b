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
 * parts sum to `total`. Requires cap × (number of positive weights) ≥ total to be feasible; otherwise,
 * or when the remaining people all have weight 0, returns the uncapped split with `infeasible`.
 *
 * @example splitWithCap(1000, [8, 1, 1], 400) // => { parts: [400, 300, 300], capped: [true, false, false], rounds: 1, infeasible: false }
 */
export function splitWithCap(total: number, weights: ReadonlyArray<number>, cap: number, unit = 1): CappedSplit | null {
  const first = splitExact(total, weights, unit);
  if (!first) return null;
  const n = weights.length;
  const capped = new Array<boolean>(n).fill(false);
  let parts = first;
  let rounds = 0;
  for (;;) {
    let over = false;
    for (let i = 0; i < n; i++) {
      if (!capped[i] && parts[i] > cap) {
        capped[i] = true;
        over = true;
      }
    }
    if (!over) break;
    rounds++;
    let held = 0;
    const w: number[] = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      if (capped[i]) {
        held += cap;
        w[i] = 0;
      } else w[i] = weights[i];
    }
    const rest = total - held;
    const again = rest >= 0 ? splitExact(rest, w, unit) : null;
    if (!again) return { parts: first, capped: new Array<boolean>(n).fill(false), rounds, infeasible: true };
    for (let i = 0; i < n; i++) if (capped[i]) again[i] = cap;
    parts = again;
  }
  return { parts, capped, rounds, infeasible: false };
}
