// The custom-function source files: every src/functions/*.ts (not tests, not .d.ts) whose text holds a
// `@customfunction` tag. CustomFunctionsMetadataPlugin (webpack.config.js) and the metadata test use this
// same list, so a new area file is picked up without editing the config.
const fs = require("fs");
const path = require("path");

/**
 * @param {string} [rootDir] repository root
 * @returns {string[]} absolute paths, sorted
 */
function customFunctionSources(rootDir = path.join(__dirname, "..")) {
  const dir = path.join(rootDir, "src", "functions");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !/\.test\.ts$/.test(f))
    .map((f) => path.join(dir, f))
    .filter((file) => fs.readFileSync(file, "utf8").includes("@customfunction"))
    .sort();
}

module.exports = { customFunctionSources };
