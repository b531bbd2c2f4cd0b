/**
 * `BENCH runner`: the headless runner end to end on a 100k-staff sample workbook: read the .xlsx, run
 * every model, write the result workbook (all in memory, as `reform run` does minus the disk).
 * Target (issue 8): ≤ 20 s, ≤ 2 GB. Run alone: `npx tsx bench/runner.ts [staff]`.
 */
import { memoryIO } from "../src/cli/io";
import { main } from "../src/cli/main";
import { generateSample, sampleSources } from "../src/sample/sample";
import { writeXlsx } from "../src/workbook/xlsx";
import { report, rssMb } from "./_util";

async function bench(): Promise<void> {
  const n = Number(process.argv[2] ?? 100_000);
  const t0 = performance.now();
  const input = await writeXlsx(sampleSources(generateSample({ staff: n })), [], "zh", { asTables: false });
  const prepMs = performance.now() - t0;
  const io = memoryIO({ "in.xlsx": input });
  let peak = rssMb();
  const timer = setInterval(() => (peak = Math.max(peak, rssMb())), 50);
  const t1 = performance.now();
  const code = await main(["run", "in.xlsx", "--out", "out.xlsx", "--json"], io);
  const ms = performance.now() - t1;
  clearInterval(timer);
  peak = Math.max(peak, rssMb());
  if (code > 1) throw new Error(io.err.join("\n"));
  report("runner", {
    n,
    input_mb: input.length / 1e6,
    output_mb: (io.files["out.xlsx"]?.length ?? 0) / 1e6,
    exit: code,
    prep_ms: prepMs,
    peak_rss_mb: peak,
    median_ms: ms,
  });
}

bench().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
