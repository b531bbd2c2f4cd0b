/*
 * Child process of bench/runner.ts: runs the built headless runner (lib/, as bin/reform.js does) on the
 * arguments given, then writes its own figures as JSON to the file named by BENCH_OUT: the time of the run
 * (read the .xlsx, every model, write the result .xlsx to disk) and the process's peak RSS.
 */
"use strict";
const fs = require("fs");
const { cli } = require("../lib/cli/main.js");

const t0 = performance.now();
cli(process.argv.slice(2)).then(
  () => {
    const ms = performance.now() - t0;
    const figures = { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, code: process.exitCode ?? 0 };
    fs.writeFileSync(process.env.BENCH_OUT, JSON.stringify(figures));
  },
  (e) => {
    process.stderr.write(String((e && e.stack) || e) + "\n");
    process.exitCode = 3;
  },
);
