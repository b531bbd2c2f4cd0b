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
  return median(times);
}

/** Median CPU time (user + system, ms) of `runs` calls: less sensitive than wall time to a busy machine. */
export function medianCpuMs(fn: () => unknown, runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(cpuMs(fn));
  return median(times);
}

/** CPU time (user + system, ms) of one call. */
export function cpuMs(fn: () => unknown): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** The median of a list (the upper one of an even count), without changing the list. */
export function median(xs: ReadonlyArray<number>): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

/** Resident set size in MB now. */
export function rssMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}

/** The sample generator's seeded PRNG (mulberry32), for generating benchmark data. */
export { mulberry32 as prng } from "../src/sample/sample";

export function report(name: string, fields: Record<string, string | number>): void {
  const parts = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === "number" ? Number(v.toFixed(2)) : v}`);
  console.log(`BENCH ${name} ${parts.join(" ")}`);
}
