/**
 * `npm run bench`: runs every benchmark in bench/ (each prints `BENCH name k=v … median_ms=…` lines).
 * Benchmarks measure; they never fail a build. Run one alone with `npx tsx bench/<name>.ts`.
 */
import { spawnSync } from "child_process";
import { readdirSync } from "fs";
import { join } from "path";

const dir = __dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.startsWith("_"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const f of files) {
  process.stderr.write(`# ${f}\n`);
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", join(dir, f)], { stdio: "inherit" });
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`# ${f} exited with ${r.status}\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
