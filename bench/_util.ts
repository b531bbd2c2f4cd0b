/** Shared benchmark helpers: timing by median, memory, a seeded PRNG. Benchmarks only; never in the engine. */

/** Median of `runs` timed calls of `fn` (after `warmup` untimed calls), in ms. */
export function medianMs(fn: () => unknown, runs = 7, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Resident set size in MB now. */
export function rssMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}

/** mulberry32: a small seeded PRNG for generating benchmark data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function report(name: string, fields: Record<string, string | number>): void {
  const parts = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === "number" ? Number(v.toFixed(2)) : v}`);
  console.log(`BENCH ${name} ${parts.join(" ")}`);
}
