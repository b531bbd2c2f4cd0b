/**
 * Money and rounding. Amounts are integer fen (分); every split uses the largest-remainder method
 * with ties broken by position (row order), so the parts always add up to the whole, to the fen.
 */

import { selectInRange } from "./select";

/** Named rounding modes used across the engine. */
export type Rounding = "floor" | "round" | "ceiling";

/**
 * Rounds half away from zero to `decimals` places, immune to binary artefacts (1.005 → 1.01).
 *
 * @example roundHalfUp(84.125, 2) // => 84.13
 * @example roundHalfUp(2.5, 0) // => 3
 */
export function roundHalfUp(x: number, decimals = 0): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const p = POW10[decimals] ?? 10 ** decimals;
  const y = a * p;
  const f = y - Math.floor(y);
  // Fast path: far from a .5 boundary, float error cannot change the result (r / p is correctly rounded).
  if (Math.abs(f - 0.5) > 1e-6) return (sign * Math.round(y)) / p;
  // Near a boundary: shift by string exponent so that 1.005 is treated as written.
  const shifted = Number(`${a}e${decimals}`);
  const r = Math.round(Number(shifted.toPrecision(15)));
  return (sign * r) / p;
}

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000];

/**
 * Rounds a count by a named mode.
 *
 * @example roundBy(2.5, "floor") // => 2
 * @example roundBy(2.5, "round") // => 3
 * @example roundBy(2.1, "ceiling") // => 3
 */
export function roundBy(x: number, mode: Rounding): number {
  // Snap values a hair away from an integer (e.g. 0.05 * 60 = 3.0000000000000004) to that integer.
  const snapped = Math.abs(x - Math.round(x)) < 1e-9 ? Math.round(x) : x;
  if (mode === "floor") return Math.floor(snapped);
  if (mode === "ceiling") return Math.ceil(snapped);
  return roundHalfUp(snapped, 0);
}

/**
 * Yuan (a number, possibly with float noise) → integer fen, rounding half up.
 *
 * @example yuanToFen(1234.565) // => 123457
 */
export function yuanToFen(yuan: number): number {
  return Math.round(roundHalfUp(yuan * 100, 4));
}

/**
 * Integer fen → yuan as a number with two decimals.
 *
 * @example fenToYuan(123457) // => 1234.57
 */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** Scale used to turn fractional weights into exact integers (6 decimal places). */
const WEIGHT_SCALE = 1_000_000;

function toIntegerWeights(weights: ReadonlyArray<number>): Float64Array {
  const n = weights.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    out[i] = w > 0 && Number.isFinite(w) ? Math.round(w * WEIGHT_SCALE) : 0;
  }
  return out;
}

/**
 * Splits an integer `total` over `weights` by the largest-remainder (Hamilton) method.
 * Each part gets ⌊total × wᵢ / Σw⌋, then the leftover units go one each to the largest remainders,
 * ties to the earlier position. Weights are taken to 6 decimal places; zero or negative weights get 0.
 * If every weight is 0, everything is 0 except that a non-zero total cannot be split: `null`.
 * The result always sums to `total` exactly (total must be a safe integer ≥ 0).
 *
 * @example allocate(100, [1, 1, 1]) // => [34, 33, 33]
 * @example allocate(1000, [0.7, 0.3]) // => [700, 300]
 */
export function allocate(total: number, weights: ReadonlyArray<number>): number[] | null {
  if (!Number.isSafeInteger(total) || total < 0)
    throw new RangeError(`allocate: total must be a non-negative safe integer, got ${total}`);
  const w = toIntegerWeights(weights);
  const n = w.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += w[i];
  const parts = new Array<number>(n);
  for (let i = 0; i < n; i++) parts[i] = 0;
  if (sum === 0) return total === 0 ? parts : null;

  const rem = new Float64Array(n);
  let given = 0;
  const bigSum = BigInt(sum);
  const bigTotal = BigInt(total);
  for (let i = 0; i < n; i++) {
    if (w[i] === 0) continue;
    const prod = total * w[i];
    let q: number;
    let r: number;
    if (Number.isSafeInteger(prod) && Number.isSafeInteger(sum)) {
      q = Math.floor(prod / sum);
      r = prod - q * sum;
      // Correct for the division rounding up across an integer.
      if (r < 0) {
        q -= 1;
        r += sum;
      } else if (r >= sum) {
        q += 1;
        r -= sum;
      }
    } else {
      const bp = bigTotal * BigInt(w[i]);
      q = Number(bp / bigSum);
      r = Number(bp % bigSum);
    }
    parts[i] = q;
    rem[i] = r;
    given += q;
  }
  const left = total - given;
  if (left > 0) distributeLeftover(parts, rem, w, left);
  return parts;
}

/**
 * Gives one unit each to the `left` largest remainders (ties to the earlier position) in linear time:
 * the threshold remainder is found by selection, then everything above it gets a unit and the ties at it
 * take the rest in row order. `left` is always smaller than the number of positive weights.
 */
function distributeLeftover(parts: number[], rem: Float64Array, w: Float64Array, left: number): void {
  const n = parts.length;
  const cand = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (w[i] > 0) cand[m++] = rem[i];
  const view = cand.subarray(0, m);
  // Threshold: the left-th largest remainder = the (m - left)-th smallest (0-based).
  const threshold = selectInRange(view, 0, m - 1, m - left);
  let above = 0;
  for (let i = 0; i < n; i++) {
    if (w[i] > 0 && rem[i] > threshold) {
      parts[i] += 1;
      above++;
    }
  }
  let ties = left - above;
  for (let i = 0; i < n && ties > 0; i++) {
    if (w[i] > 0 && rem[i] === threshold) {
      parts[i] += 1;
      ties--;
    }
  }
}

/**
 * Like `allocate`, but in whole units of `unit` fen (e.g. 100 for whole yuan), with any remainder
 * of `total` that is not a multiple of `unit` given, by largest remainder, to the parts as fen.
 * The parts always sum to `total`.
 *
 * @example allocateInUnits(100050, [1, 1], 100) // => [50050, 50000] (500 yuan each, the odd 50 fen to the first)
 */
export function allocateInUnits(total: number, weights: ReadonlyArray<number>, unit: number): number[] | null {
  if (unit <= 1) return allocate(total, weights);
  const whole = Math.floor(total / unit);
  const base = allocate(whole, weights);
  if (!base) return null;
  const rest = total - whole * unit;
  const extra = allocate(rest, weights);
  if (!extra) return null;
  for (let i = 0; i < base.length; i++) base[i] = base[i] * unit + extra[i];
  return base;
}
