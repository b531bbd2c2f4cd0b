/**
 * `BENCH runner`: the headless runner end to end on a 100k-staff sample workbook: read the .xlsx, run
 * every model, write the result workbook (in memory, as `reform run` does minus the disk, with the same
 * zlib compression). Target (issue 8): ≤ 20 s, ≤ 2 GB. Run alone: `npx tsx bench/runner.ts [staff] [runs]`.
 */
import { memoryIO } from "../src/cli/io";
import { main, nodeZipCodec } from "../src/cli/main";
import { generateSample, sampleSources } from "../src/sample/sample";
import { writeXlsx } from "../src/workbook/xlsx";
import { report, rssMb } from "./_util";

async function bench(): Promise<void> {
  const n = Number(process.argv[2] ?? 100_000);
  const runs = Math.max(1, Number(process.argv[3] ?? 3));
  const t0 = performance.now();
  const input = await writeXlsx(sampleSources(generateSample({ staff: n })), [], "zh", { asTables: false });
  const prepMs = performance.now() - t0;
  const prepRss = rssMb();
  // Peak during the runs only (an upper bound: it still holds what the exceljs-written input left behind).
  let peak = rssMb();
  const timer = setInterval(() => (peak = Math.max(peak, rssMb())), 50);
  const times: number[] = [];
  let code = 0;
  let outBytes = 0;
  for (let i = 0; i < runs; i++) {
    const io = memoryIO({ "in.xlsx": input });
    io.zip = nodeZipCodec();
    const t1 = performance.now();
    code = await main(["run", "in.xlsx", "--out", "out.xlsx", "--json"], io);
    times.push(performance.now() - t1);
    if (code > 1) throw new Error(io.err.join("\n"));
    outBytes = io.files["out.xlsx"]?.length ?? 0;
  }
  clearInterval(timer);
  peak = Math.max(peak, rssMb());
  times.sort((a, b) => a - b);
  report("runner", {
    n,
    runs,
    input_mb: input.length / 1e6,
    output_mb: outBytes / 1e6,
    exit: code,
    prep_ms: prepMs,
    prep_rss_mb: prepRss,
    peak_rss_mb: peak,
    min_ms: times[0],
    median_ms: times[Math.floor(times.length / 2)],
  });
}

bench().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
