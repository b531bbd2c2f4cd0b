/**
 * Reduction rates as the zone reform reports state them: (before − after) / before, to 0.1%, half up.
 */
import { roundHalfUp } from "../money";

/** A before → after figure with its change and reduction rate. */
export interface BeforeAfter {
  before: number;
  after: number;
  /** after − before (negative when cut). */
  change: number;
  /** (before − after) / before rounded half up to 3 decimals of a fraction (0.333 = 33.3%); null when before is 0. */
  rate: number | null;
  /** The rate as the reports print it: "33.3%"; "—" when before is 0. */
  rateText: string;
}

/**
 * The reduction rate (before − after) / before, rounded half up to 0.1% (3 decimals of a fraction).
 * Whole numbers are rounded exactly in integer arithmetic; other inputs through `roundHalfUp`.
 * A negative rate means growth. `null` when `before` is 0 (no rate can be stated).
 *
 * @example reductionRate(21, 14) // => 0.333
 * @example reductionRate(463, 272) // => 0.413
 * @example reductionRate(10, 11) // => -0.1
 */
export function reductionRate(before: number, after: number): number | null {
  if (!Number.isFinite(before) || !Number.isFinite(after) || before === 0) return null;
  if (
    Number.isSafeInteger(before) &&
    Number.isSafeInteger(after) &&
    Math.abs(before - after) * 2000 < Number.MAX_SAFE_INTEGER
  ) {
    // Per mille = round_half_up(1000 (b − a) / b), in integers: ⌊(2·|n| + d) / 2d⌋ with n = 1000 (b − a), d = |b|.
    const n = (before - after) * 1000;
    const d = Math.abs(before);
    const sign = Math.sign(n) * Math.sign(before);
    const q = Math.floor((2 * Math.abs(n) + d) / (2 * d));
    return (sign * q) / 1000 + 0;
  }
  return roundHalfUp((before - after) / before, 3) + 0;
}

/**
 * A rate (fraction) as report text to 0.1%.
 *
 * @example rateText(0.333) // => "33.3%"
 * @example rateText(null) // => "—"
 */
export function rateText(rate: number | null): string {
  if (rate === null) return "—";
  const permille = Math.round(rate * 1000);
  const sign = permille < 0 ? "-" : "";
  const a = Math.abs(permille);
  return `${sign}${Math.floor(a / 10)}.${a % 10}%`;
}

/**
 * A before → after figure with change, rate and rate text.
 *
 * @example beforeAfter(105, 74) // => { before: 105, after: 74, change: -31, rate: 0.295, rateText: "29.5%" }
 */
export function beforeAfter(before: number, after: number): BeforeAfter {
  const rate = reductionRate(before, after);
  return { before, after, change: after - before, rate, rateText: rateText(rate) };
}
