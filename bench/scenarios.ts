/**
 * BENCH scenarios: every model on a 10k-staff generated workbook under 20 scenarios (compareScenarios).
 * Target on the 2-core machine: ≤ 2,000 ms median.
 */
import { compareScenarios } from "../src/engine/scenario/compare";
import type { ScenarioDef } from "../src/engine/scenario/params";
import { baselineParams } from "../src/engine/scenario/compare";
import { identifyTables, readTables } from "../src/engine/workbook";
import { generateSample, sampleSources } from "../src/sample/sample";
import { medianMs, report, rssMb } from "./_util";

const n = 10_000;
const count = 20;
const tables = readTables(identifyTables(sampleSources(generateSample({ staff: n, seed: 7 }))));
const base = baselineParams(tables).params;
const mechanisms = ["parallel", "sequential"];
const scenarios: ScenarioDef[] = Array.from({ length: count }, (_, i) => {
  const own = {
    mechanism: mechanisms[i % 2],
    "weight:面试": 0.2 + (i % 5) * 0.1,
    poolAmount: 5_000_000 + i * 250_000,
  };
  return { name: `S${i + 1}`, row: i + 2, params: { ...base, ...own }, own };
});
let indicators = 0;
const ms = medianMs(() => {
  indicators = compareScenarios(tables, scenarios).indicators.length;
}, 5);
report("scenarios", { n, scenarios: count, indicators, median_ms: ms, rss_mb: rssMb() });
