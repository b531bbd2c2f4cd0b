/** Selection (Hoare's quickselect with a median-of-three pivot), shared by allocation and percentiles. */

/**
 * Puts the k-th smallest of a[lo..hi] at position k (values below it before, above it after); returns it.
 * Linear time on average; reorders `a` in place.
 *
 * @example selectInRange(Float64Array.from([5, 1, 4, 2]), 0, 3, 1) // => 2
 */
export function selectInRange(a: Float64Array, lo: number, hi: number, k: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}
