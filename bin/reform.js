#!/usr/bin/env node
/* The headless runner. Build it first with `npm run build:cli` (compiles src/ to lib/). */
"use strict";
let entry;
try {
  entry = require("../lib/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    process.stderr.write("reform: lib/ is missing; run `npm run build:cli` first\n");
    process.exit(2);
  }
  throw e;
}
entry.cli(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`reform: ${e && e.message ? e.message : e}\n`);
  process.exitCode = 3;
});
