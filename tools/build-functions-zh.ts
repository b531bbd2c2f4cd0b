/**
 * zh-CN custom functions metadata (`functions-zh-CN.json`) from the generated `functions.json` and the
 * translation table `ZH_CN` (src/functions/i18n, keyed by function id).
 *
 * Only `name` and `description` of each function and of each parameter are translated; `id`, types,
 * dimensionality and options are copied unchanged, so both files describe the same functions.
 *
 * Used by webpack.config.js (a plugin that emits the file right after CustomFunctionsMetadataPlugin
 * produced functions.json, also under `webpack serve`) and by test/functions-metadata.test.ts.
 * Stand-alone: `npx tsx tools/build-functions-zh.ts [distDir]` rewrites distDir/functions-zh-CN.json.
 */
import * as fs from "fs";
import * as path from "path";
import { ZH_CN } from "../src/functions/i18n";
import type { FunctionTranslations } from "../src/functions/i18n";

export interface ParameterMetadata {
  name: string;
  description?: string;
  [key: string]: unknown;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters?: ParameterMetadata[];
  [key: string]: unknown;
}

export interface FunctionsMetadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}

export interface LocalizedMetadata {
  /** The localised metadata; untranslated texts keep their English value so that the file stays usable. */
  metadata: FunctionsMetadata;
  /** Everything wrong with the translation table (missing, stale, invalid names). Empty when complete. */
  problems: string[];
}

/** The metadata of a build with no custom functions (the generator returns an empty string then). */
export const EMPTY_METADATA: FunctionsMetadata = { allowCustomDataForDataTypeAny: true, functions: [] };

/** Function ids as Excel requires them: letters, digits, period, underscore; at most 128 characters. */
export const FUNCTION_ID = /^[A-Z0-9._]{1,128}$/;

/**
 * Why a function name is not acceptable to Excel, or undefined when it is. Names may be Unicode: they
 * start with a letter, then letters, digits 0–9, periods and underscores, 3–128 characters, and must not
 * read as a cell reference (A1 or R1C1 style).
 *
 * @example validateFunctionName("竞聘排名") // => undefined
 * @example validateFunctionName("排名") // => "has 2 characters; at least 3 are required"
 */
export function validateFunctionName(name: string): string | undefined {
  const length = [...name].length;
  if (length < 3) return `has ${length} characters; at least 3 are required`;
  if (length > 128) return `has ${length} characters; at most 128 are allowed`;
  if (!/^\p{L}[\p{L}0-9._]*$/u.test(name)) {
    return "must start with a letter and hold only letters, digits 0-9, periods and underscores";
  }
  if (/^[A-Z]{1,3}[0-9]+$/i.test(name) || /^R[0-9]*C[0-9]*$/i.test(name)) return "reads as a cell reference";
  return undefined;
}

/**
 * Parses the text of a functions.json as written by custom-functions-metadata (an empty text means no
 * functions).
 *
 * @example parseFunctionsMetadata("").functions.length // => 0
 */
export function parseFunctionsMetadata(text: string): FunctionsMetadata {
  if (text.trim() === "") return structuredClone(EMPTY_METADATA);
  const parsed = JSON.parse(text) as FunctionsMetadata;
  if (!parsed || !Array.isArray(parsed.functions)) throw new Error("functions.json has no functions array");
  return parsed;
}

/**
 * The metadata translated with a table keyed by function id, and the list of problems with the table.
 *
 * @example
 *   localizeFunctionsMetadata(
 *     { functions: [{ id: "POST.RANK", name: "POST.RANK", description: "Rank", parameters: [] }] },
 *     { "POST.RANK": { name: "岗位排名", description: "排名", parameters: {} } },
 *   ).metadata.functions[0].name // => "岗位排名"
 */
export function localizeFunctionsMetadata(
  metadata: FunctionsMetadata,
  table: FunctionTranslations = ZH_CN,
): LocalizedMetadata {
  const problems: string[] = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  const zhNames = new Map<string, string>();

  const functions = metadata.functions.map((fn) => {
    const out: FunctionMetadata = structuredClone(fn);
    const tr = Object.prototype.hasOwnProperty.call(table, fn.id) ? table[fn.id] : undefined;
    if (!tr) {
      problems.push(`${fn.id}: no zh-CN translation`);
      return out;
    }
    const nameProblem = validateFunctionName(tr.name);
    if (nameProblem) problems.push(`${fn.id}: zh-CN name "${tr.name}" ${nameProblem}`);
    const clash = zhNames.get(tr.name.toUpperCase());
    if (clash) problems.push(`${fn.id}: zh-CN name "${tr.name}" is also the name of ${clash}`);
    zhNames.set(tr.name.toUpperCase(), fn.id);
    if (tr.description.trim() === "") problems.push(`${fn.id}: zh-CN description is empty`);
    out.name = tr.name;
    out.description = tr.description;

    const params = fn.parameters ?? [];
    const paramNames = new Set(params.map((p) => p.name));
    out.parameters = params.map((p) => {
      const trp = Object.prototype.hasOwnProperty.call(tr.parameters, p.name) ? tr.parameters[p.name] : undefined;
      if (!trp) {
        problems.push(`${fn.id}: parameter "${p.name}" has no zh-CN translation`);
        return { ...p };
      }
      if (trp.name.trim() === "") problems.push(`${fn.id}: parameter "${p.name}" has an empty zh-CN name`);
      if (trp.description.trim() === "") {
        problems.push(`${fn.id}: parameter "${p.name}" has an empty zh-CN description`);
      }
      return { ...p, name: trp.name, description: trp.description };
    });
    if (fn.parameters === undefined) delete out.parameters;
    for (const key of Object.keys(tr.parameters)) {
      if (!paramNames.has(key)) problems.push(`${fn.id}: translated parameter "${key}" is not a parameter`);
    }
    return out;
  });

  for (const id of Object.keys(table)) {
    if (!ids.has(id)) problems.push(`${id}: translated but no such custom function`);
  }
  return { metadata: { ...metadata, functions }, problems };
}

/**
 * The text of functions-zh-CN.json for the text of functions.json (same formatting as the generator).
 *
 * @example JSON.parse(buildZhMetadataText("").text).functions // => []
 */
export function buildZhMetadataText(
  functionsJson: string,
  table: FunctionTranslations = ZH_CN,
): { text: string; problems: string[] } {
  const { metadata, problems } = localizeFunctionsMetadata(parseFunctionsMetadata(functionsJson), table);
  return { text: JSON.stringify(metadata, null, 4), problems };
}

function main(distDir: string): void {
  const source = path.join(distDir, "functions.json");
  const target = path.join(distDir, "functions-zh-CN.json");
  const { text, problems } = buildZhMetadataText(fs.readFileSync(source, "utf8"));
  fs.writeFileSync(target, text);
  for (const p of problems) console.error(`functions-zh-CN: ${p}`);
  console.log(`wrote ${target}`);
  if (problems.length > 0) process.exitCode = 1;
}

if (typeof require !== "undefined" && require.main === module) {
  main(process.argv[2] ?? path.join(__dirname, "..", "dist"));
}
