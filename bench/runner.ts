/**
 * `BENCH runner`: the headless runner end to end on a 100k-staff sample workbook, each run in its own
 * process as a user runs it (`reform run in.xlsx --out out.xlsx`, the built lib/): read the .xlsx from
 * disk, run every model, write the result .xlsx to disk. Prints the median time of the run inside the
 * process, the median wall time of the whole process (start-up included) and the runner's own peak RSS
 * (the largest over the runs). Target (issue 8): ≤ 20 s, ≤ 2 GB.
 * Builds lib/ from src/ first (`tsc -p tsconfig.cli.json`). Run alone: `npx tsx bench/runner.ts [staff] [runs]`.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { generateSample, sampleSources } from "../src/sample/sample";
import { writeXlsx } from "../src/workbook/xlsx";
import { median, report } from "./_util";

interface ChildFigures {
  ms: number;
  maxRssMb: number;
  code: number;
}

async function bench(): Promise<void> {
  const n = Number(process.argv[2] ?? 100_000);
  const runs = Math.max(1, Number(process.argv[3] ?? 3));
  const root = join(__dirname, "..");
  // The runner runs from lib/: build it from the current src/ first, as `npm run build:cli` does.
  const built = spawnSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", join(root, "tsconfig.cli.json")],
    {
      stdio: "inherit",
    },
  );
  if (built.status !== 0) throw new Error("bench/runner: `tsc -p tsconfig.cli.json` failed");
  const dir = mkdtempSync(join(tmpdir(), "reform-bench-"));
  try {
    const t0 = performance.now();
    const input = await writeXlsx(sampleSources(generateSample({ staff: n })), [], "zh", { asTables: false });
    const prepMs = performance.now() - t0;
    const inFile = join(dir, "in.xlsx");
    const outFile = join(dir, "out.xlsx");
    const figuresFile = join(dir, "figures.json");
    writeFileSync(inFile, input);
    const inside: number[] = [];
    const wall: number[] = [];
    let peak = 0;
    let code = 0;
    for (let i = 0; i < runs; i++) {
      rmSync(figuresFile, { force: true });
      const t1 = performance.now();
      const r = spawnSync(
        process.execPath,
        [join(__dirname, "_runner-child.js"), "run", inFile, "--out", outFile, "--lang", "zh"],
        { env: { ...process.env, BENCH_OUT: figuresFile }, stdio: ["ignore", "ignore", "pipe"] },
      );
      wall.push(performance.now() - t1);
      if (r.status !== 0 && r.status !== 1) throw new Error(`reform run exited with ${r.status}: ${r.stderr}`);
      const f = JSON.parse(readFileSync(figuresFile, "utf8")) as ChildFigures;
      inside.push(f.ms);
      peak = Math.max(peak, f.maxRssMb);
      code = f.code;
    }
    report("runner", {
      n,
      runs,
      input_mb: input.length / 1e6,
      output_mb: statSync(outFile).size / 1e6,
      exit: code,
      prep_ms: prepMs,
      min_ms: Math.min(...inside),
      median_ms: median(inside),
      process_median_ms: median(wall),
      peak_rss_mb: peak,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

bench().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
