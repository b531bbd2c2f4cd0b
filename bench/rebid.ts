/**
 * Benchmark of the re-bidding core (`rebid` over plain data): n candidates, 2,000 posts, 10 choices each,
 * both mechanisms. Deterministic data from a seeded PRNG (benchmarks only). Prints
 * `BENCH rebid n=… posts=… choices=… mechanism=… median_ms=… peak_mb=…`.
 */
import { cpuMs, median, medianMs, prng, report, rssMb } from "./_util";
import { rebid } from "../src/engine/rebid/engine";
import type { Mechanism, RebidCandidate, RebidInput, RebidPost } from "../src/engine/rebid/types";

/** n candidates, `postCount` posts in 3 categories with quotas summing to ~90% of n, popularity skewed. */
export function generate(n: number, postCount: number, choices: number, seed = 42): RebidInput {
  const rnd = prng(seed);
  const categories = 3;
  const posts: RebidPost[] = [];
  const baseQuota = Math.max(1, Math.floor((n * 0.9) / postCount));
  for (let p = 0; p < postCount; p++) {
    posts.push({
      id: `P${p}`,
      score: p % categories,
      quota: Math.max(0, baseQuota + Math.floor(rnd() * 5) - 2),
      minScore: rnd() < 0.2 ? 60 : undefined,
      minEducation: rnd() < 0.1 ? 3 : undefined,
      maxAge: rnd() < 0.1 ? 45 : undefined,
    });
  }
  const candidates: RebidCandidate[] = [];
  for (let i = 0; i < n; i++) {
    const written = Math.round(rnd() * 6000) / 100 + 40;
    const interview = Math.round(rnd() * 6000) / 100 + 40;
    const appraisal = Math.round(rnd() * 40) + 60;
    const scores = [
      Math.round((0.5 * written + 0.5 * interview) * 100) / 100,
      Math.round((0.3 * written + 0.7 * interview) * 100) / 100,
      Math.round((0.6 * written + 0.2 * interview + 0.2 * appraisal) * 100) / 100,
    ];
    const ch: number[] = [];
    for (let k = 0; k < choices; k++) {
      // popularity skew: square of a uniform favours low post numbers
      const u = rnd();
      ch.push(Math.floor(u * u * postCount));
    }
    candidates.push({
      id: `S${i}`,
      scores,
      education: 1 + Math.floor(rnd() * 5),
      age: 22 + Math.floor(rnd() * 38),
      years: Math.floor(rnd() * 35),
      interview,
      appraisal,
      choices: ch,
      acceptAdjustment: rnd() < 0.7,
      transfer: rnd() < 0.03,
    });
  }
  return { candidates, posts, scoreNames: ["A", "B", "C"], defaultScore: 0 };
}

/** `gc` when the process allows it (node --expose-gc), else one enabled at run time; undefined if neither. */
function gcFunction(): (() => void) | undefined {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  try {
    const v8 = require("node:v8") as typeof import("node:v8");
    const vm = require("node:vm") as typeof import("node:vm");
    v8.setFlagsFromString("--expose-gc");
    return vm.runInNewContext("gc") as () => void;
  } catch {
    return undefined;
  }
}

/** JS heap plus typed-array memory, in MB. */
function heapMb(): number {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1024 / 1024;
}

/**
 * The engine's own memory in one run: allocated (heap + typed arrays, measured right after the run: GC
 * during the run lowers it) and retained by the result after a full GC. In its own frame, so that nothing
 * of an earlier run is still referenced.
 */
function engineMemory(input: RebidInput, mechanism: Mechanism, gc: () => void): Record<string, number> {
  gc();
  gc();
  const h0 = heapMb();
  const result = rebid(input, { mechanism });
  const allocated = heapMb() - h0;
  gc();
  gc();
  const retained = heapMb() - h0;
  return { heap_delta_mb: allocated, retained_mb: result.candidates.length > 0 ? retained : 0 };
}

export function main(): void {
  const postCount = 2000;
  const choices = 10;
  const gc = gcFunction();
  for (const n of [10_000, 100_000]) {
    const input = generate(n, postCount, choices);
    for (const mechanism of ["parallel", "sequential"] as Mechanism[]) {
      if (gc) gc();
      const before = rssMb();
      let peak = before;
      const cpu: number[] = [];
      const ms = medianMs(() => {
        cpu.push(cpuMs(() => rebid(input, { mechanism })));
        peak = Math.max(peak, rssMb());
      }, 7);
      const mem = gc ? engineMemory(input, mechanism, gc) : {};
      report("rebid", {
        n,
        posts: postCount,
        choices,
        mechanism,
        median_ms: ms,
        peak_mb: peak,
        median_cpu_ms: median(cpu),
        ...mem,
      });
    }
  }
}

if (!process.env.NO_BENCH_MAIN) main();
