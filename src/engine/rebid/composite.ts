/**
 * Composite scores (综合成绩): per-component normalisation and the weighted sum, rounded half-up.
 */
import { roundHalfUp } from "../money";
import type { Normalization } from "./types";

/**
 * Normalises one score component. `NaN` marks a missing score: it is left out of the statistics and
 * stays `NaN`. Rows where `include` is 0 are left out of the statistics too (but still transformed).
 * - `raw`: unchanged.
 * - `zscore`: 50 + 10 × (x − mean) / sd, population sd over the present scores; all 50 when sd = 0.
 * - `minmax`: 100 × (x − min) / (max − min); all 100 when max = min.
 *
 * @example Array.from(normalizeComponent(Float64Array.from([60, 80, 100]), "minmax")) // => [0, 50, 100]
 * @example Array.from(normalizeComponent(Float64Array.from([60, 80, 100]), "zscore")).map((x) => x.toFixed(2))
 *   // => ["37.75", "50.00", "62.25"]
 */
export function normalizeComponent(values: Float64Array, mode: Normalization, include?: Uint8Array): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (mode === "raw") {
    out.set(values);
    return out;
  }
  let cnt = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isNaN(v) || (include && !include[i])) continue;
    cnt++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (mode === "minmax") {
    const range = max - min;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      out[i] = Number.isNaN(v) ? NaN : cnt === 0 || range <= 0 ? 100 : (100 * (v - min)) / range;
    }
    return out;
  }
  const mean = cnt > 0 ? sum / cnt : 0;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isNaN(v) || (include && !include[i])) continue;
    ss += (v - mean) * (v - mean);
  }
  const sd = cnt > 0 ? Math.sqrt(ss / cnt) : 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    out[i] = Number.isNaN(v) ? NaN : sd > 0 ? 50 + (10 * (v - mean)) / sd : 50;
  }
  return out;
}

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000];

/**
 * Σ weightₖ × scoreₖ per row over already normalised components, a missing (`NaN`) score counting 0,
 * rounded half-up to `decimals`.
 *
 * @example Array.from(weightedComposite([Float64Array.from([80]), Float64Array.from([91])], [0.4, 0.6], 2))
 *   // => [86.6]
 */
export function weightedComposite(
  components: ReadonlyArray<Float64Array>,
  weights: ReadonlyArray<number>,
  decimals: number,
): Float64Array {
  const n = components.length > 0 ? components[0].length : 0;
  const out = new Float64Array(n);
  for (let k = 0; k < components.length; k++) {
    const w = weights[k];
    if (!w) continue;
    const col = components[k];
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (v === v) out[i] += w * v;
    }
  }
  // roundHalfUp, with its fast path (far from a .5 boundary) inlined: the same arithmetic, so the same result
  const pw = POW10[decimals] ?? NaN;
  for (let i = 0; i < n; i++) {
    const x = out[i];
    if (pw === pw && x === x && x !== Infinity && x !== -Infinity) {
      const a = Math.abs(x);
      const y = a * pw;
      const f = y - Math.floor(y);
      if (Math.abs(f - 0.5) > 1e-6) {
        out[i] = ((x < 0 ? -1 : 1) * Math.round(y)) / pw;
        continue;
      }
    }
    out[i] = roundHalfUp(x, decimals);
  }
  return out;
}
