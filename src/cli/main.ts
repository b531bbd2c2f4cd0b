/**
 * The headless runner: `reform sample | check | run | demo | --help`.
 *
 * `main(argv, io)` does the work with injected I/O (tests call it in-process); `cli()` wires it to
 * Node (bin/reform.js). Exit codes: 0 done; 1 problems in the data (check found errors, or a model was
 * stopped by its problems); 2 bad arguments or a file that cannot be read as an .xlsx; 3 internal error.
 * Messages never carry a stack trace.
 */
import { parseArgs } from "util";
import { langFromLocale, t } from "../engine/messages";
import type { Lang, Problem } from "../engine/types";
import { identifyTables, readTables, type TableSource } from "../engine/workbook";
import { generateSample, SAMPLE_ZONE, sampleSources } from "../sample/sample";
import { crc32, type ZipCodec } from "../workbook/ooxml";
import { readXlsx, writeXlsx } from "../workbook/xlsx";
import { problemLine, sortProblems, workbookProblems } from "./check";
import type { CliIO } from "./io";
import { modelName } from "./models";
import { parseSweep, planRun, problemLines } from "./run";
import type { SweepSpec } from "../engine/scenario/compare";

export type { CliIO } from "./io";

interface Args {
  command: string | undefined;
  positionals: string[];
  out?: string;
  lang?: Lang;
  scenario?: string;
  allScenarios: boolean;
  sweep?: SweepSpec;
  json: boolean;
  help: boolean;
}

/** Warnings and notes on the terminal: at most this many of one kind, and this many in all. */
const MAX_SAME_KIND = 3;
const MAX_WARNINGS_SHOWN = 15;

class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string> = {},
  ) {
    super(key);
  }
}

function parse(argv: ReadonlyArray<string>): Args {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string", short: "o" },
        lang: { type: "string", short: "l" },
        scenario: { type: "string", short: "s" },
        "all-scenarios": { type: "boolean" },
        sweep: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UsageError("cli.badArgs", { reason: e instanceof Error ? e.message : String(e) });
  }
  const v = parsed.values;
  let lang: Lang | undefined;
  if (v.lang !== undefined) {
    const l = v.lang.trim().toLowerCase();
    if (l === "zh" || l === "zh-cn" || l === "cn") lang = "zh";
    else if (l === "en" || l === "en-us") lang = "en";
    else throw new UsageError("cli.badLang", { value: v.lang });
  }
  if (v.scenario !== undefined && v["all-scenarios"]) throw new UsageError("cli.scenarioConflict");
  let sweep: SweepSpec | undefined;
  if (v.sweep !== undefined) {
    sweep = parseSweep(v.sweep);
    if (!sweep) throw new UsageError("cli.badSweep", { value: v.sweep });
  }
  const [command, ...positionals] = parsed.positionals;
  return {
    command,
    positionals,
    out: v.out,
    lang,
    scenario: v.scenario,
    allScenarios: v["all-scenarios"] ?? false,
    sweep,
    json: v.json ?? false,
    help: v.help ?? false,
  };
}

/** The language of the environment (LANG, LC_ALL, LC_MESSAGES: zh_CN.UTF-8 → zh). */
export function envLang(env: Readonly<Record<string, string | undefined>> | undefined): Lang {
  const v = env?.LC_ALL || env?.LC_MESSAGES || env?.LANG || "";
  return langFromLocale(v.replace(/_/g, "-"));
}

/** zh when the recognised tables are named in Chinese, en when in Latin letters, else undefined. */
export function workbookLang(sources: ReadonlyArray<TableSource>): Lang | undefined {
  const names = Object.values(identifyTables(sources)).map((s) => s!.name);
  if (names.length === 0) return undefined;
  const cjk = names.filter((n) => /[\u4e00-\u9fff]/.test(n)).length;
  return cjk * 2 >= names.length ? "zh" : "en";
}

/** `in.xlsx` → `in-result.xlsx`. */
export function defaultOutput(input: string): string {
  return /\.xlsx$/i.test(input) ? input.replace(/\.xlsx$/i, "-result.xlsx") : `${input}-result.xlsx`;
}

function joinPath(dir: string, file: string): string {
  return dir === "" || dir === "." ? file : `${dir.replace(/[\\/]+$/, "")}/${file}`;
}

function samePath(a: string, b: string, io: CliIO): boolean {
  const r = io.resolve ?? ((p: string) => p);
  return r(a) === r(b);
}

function reason(e: unknown): string {
  if (e && typeof e === "object" && "code" in e && typeof (e as { code: unknown }).code === "string") {
    return (e as { code: string }).code;
  }
  return e instanceof Error ? e.message.split("\n")[0] : String(e);
}

async function load(
  file: string,
  io: CliIO,
  msgLang: Lang,
): Promise<{ bytes: Uint8Array; sources: TableSource[] } | number> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (e) {
    io.stderr(t("cli.cannotRead", msgLang, { file, reason: reason(e) }));
    return 2;
  }
  const r = await readXlsx(bytes);
  if (!r.ok) {
    io.stderr(t(r.key, msgLang, { file }));
    return 2;
  }
  return { bytes, sources: r.sources };
}

async function commandSample(args: Args, io: CliIO): Promise<number> {
  const lang = args.lang ?? "zh";
  const out = args.out ?? (lang === "zh" ? "示范经济开发区.xlsx" : "sample.xlsx");
  const wb = generateSample({ lang });
  const bytes = await writeXlsx(sampleSources(wb), [], lang);
  try {
    await io.writeFile(out, bytes);
  } catch (e) {
    io.stderr(t("cli.cannotWrite", lang, { file: out, reason: reason(e) }));
    return 2;
  }
  io.stdout(
    t("sample.written", lang, {
      zone: SAMPLE_ZONE,
      staff: wb.tables[0].rows.length - 1,
      posts: wb.tables[1].rows.length - 1,
      path: io.resolve ? io.resolve(out) : out,
    }),
  );
  return 0;
}

async function commandCheck(args: Args, io: CliIO): Promise<number> {
  const msgLang = args.lang ?? envLang(io.env);
  const file = args.positionals[0];
  if (!file) throw new UsageError("cli.missingFile");
  const loaded = await load(file, io, msgLang);
  if (typeof loaded === "number") return loaded;
  const { sources } = loaded;
  const lang = args.lang ?? workbookLang(sources) ?? msgLang;
  const identified = identifyTables(sources);
  const ids = Object.keys(identified);
  if (ids.length === 0) {
    io.stdout(t("cli.noTables", lang));
    return 1;
  }
  const problems = sortProblems(workbookProblems(readTables(identified)), sources);
  for (const p of problems) io.stdout(problemLine(p, sources, lang));
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.filter((p) => p.severity === "warning").length;
  io.stderr(t("cli.checkSummary", lang, { tables: ids.length, errors, warnings }));
  if (args.json) {
    io.stdout(
      JSON.stringify({
        file,
        tables: ids,
        errors,
        warnings,
        problems: problems.map((p) => jsonProblem(p, sources, lang)),
      }),
    );
  }
  return errors > 0 ? 1 : 0;
}

function jsonProblem(p: Problem, sources: ReadonlyArray<TableSource>, lang: Lang) {
  return {
    severity: p.severity,
    key: p.key,
    table: p.tableName ?? p.table,
    row: p.tableRow,
    column: p.column,
    message: problemLine(p, sources, lang),
  };
}

/**
 * The problems as the terminal shows them: every error; warnings and notes grouped by kind, a few of each
 * kind and a limited number in all, with a line saying how many more there are of that kind. The full list
 * is the problems sheet of the result workbook.
 */
export function terminalProblemLines(
  problems: ReadonlyArray<Problem>,
  sources: ReadonlyArray<TableSource>,
  lang: Lang,
): { lines: string[]; omitted: number } {
  const sorted = sortProblems(problems, sources);
  const lines = problemLines(
    sorted.filter((p) => p.severity === "error"),
    sources,
    lang,
  );
  const groups = new Map<string, Problem[]>();
  for (const p of sorted) {
    if (p.severity === "error") continue;
    const k = `${p.severity} ${p.key}`;
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  let shown = 0;
  let omitted = 0;
  for (const g of groups.values()) {
    const room = Math.max(0, Math.min(MAX_SAME_KIND, MAX_WARNINGS_SHOWN - shown));
    const head = g.slice(0, room);
    lines.push(...head.map((p) => problemLine(p, sources, lang)));
    shown += head.length;
    const rest = g.length - head.length;
    if (rest > 0 && head.length > 0) lines.push(t(`cli.sameKind.${g[0].severity}`, lang, { count: rest }));
    omitted += rest;
  }
  return { lines, omitted };
}

async function commandRun(args: Args, io: CliIO, fixedOut?: string): Promise<number> {
  const msgLang = args.lang ?? envLang(io.env);
  const file = args.positionals[0];
  if (!file) throw new UsageError("cli.missingFile");
  const out = fixedOut ?? args.out ?? defaultOutput(file);
  if (samePath(out, file, io)) throw new UsageError("cli.outIsInput", { file });
  io.stderr(t("cli.reading", msgLang, { file }));
  const loaded = await load(file, io, msgLang);
  if (typeof loaded === "number") return loaded;
  const { bytes, sources } = loaded;
  const lang = args.lang ?? workbookLang(sources) ?? msgLang;
  const identified = identifyTables(sources);
  const names = Object.values(identified).map((s) => s!.name);
  if (names.length === 0) {
    io.stderr(t("cli.noTables", lang));
    return 1;
  }
  io.stderr(t("cli.tablesFound", lang, { tables: names.join(lang === "zh" ? "、" : ", ") }));
  const shown = new Set<string>();
  const r = planRun(sources, {
    lang,
    scenario: args.scenario,
    allScenarios: args.allScenarios,
    sweep: args.sweep,
    progress: (line) => {
      shown.add(line);
      io.stderr(line);
    },
  });
  if (!r.ok) {
    io.stderr(t(r.key, lang, r.params));
    return 2;
  }
  const listed = terminalProblemLines(r.problems, sources, lang);
  for (const line of listed.lines) io.stderr(line);
  if (listed.omitted > 0) {
    const count = (s: Problem["severity"]) => r.problems.filter((p) => p.severity === s).length;
    io.stderr(
      t("cli.moreProblems", lang, {
        errors: count("error"),
        warnings: count("warning"),
        notes: count("info"),
        sheet: t("cli.problemsSheet", lang),
      }),
    );
  }
  io.stderr(t("cli.writing", lang, { file: out }));
  try {
    await io.writeFile(out, await writeXlsx(bytes, r.sheets, lang, { codec: io.zip }));
  } catch (e) {
    io.stderr(t("cli.cannotWrite", lang, { file: out, reason: reason(e) }));
    return 2;
  }
  if (r.sheets.length > 0) {
    io.stderr(t("cli.resultSheets", lang, { sheets: r.sheets.map((s) => s.name).join(lang === "zh" ? "、" : ", ") }));
  }
  const where = io.resolve ? io.resolve(out) : out;
  if (args.json) {
    io.stdout(
      JSON.stringify({
        input: file,
        output: where,
        lang,
        sheets: r.sheets.map((s) => ({ id: s.id, name: s.name, rows: s.rows.length })),
        scenarios: r.scenarios.map((s) => ({
          name: s.name,
          indicators: s.indicators ?? {},
          models: s.statuses.map((m) => ({ ...m, name: modelName(m.model, lang) })),
        })),
        notes: r.notes,
        errors: r.problems.filter((p) => p.severity === "error").length,
        warnings: r.problems.filter((p) => p.severity === "warning").length,
      }),
    );
  } else {
    for (const n of r.notes) if (!shown.has(n)) io.stderr(n);
    io.stdout(t("cli.written", lang, { file: where }));
  }
  const failed = r.scenarios.some((s) => s.statuses.some((m) => m.status === "failed"));
  return failed ? 1 : 0;
}

async function commandDemo(args: Args, io: CliIO): Promise<number> {
  const lang = args.lang ?? "zh";
  const dir = args.out ?? "reform-demo";
  const samplePath = joinPath(dir, lang === "zh" ? "示范经济开发区.xlsx" : "sample.xlsx");
  const resultPath = defaultOutput(samplePath);
  const sampleCode = await commandSample({ ...args, lang, out: samplePath }, { ...io, stdout: (l) => io.stderr(l) });
  if (sampleCode !== 0) return sampleCode;
  const code = await commandRun(
    { ...args, lang, positionals: [samplePath], json: false },
    { ...io, stdout: () => undefined },
    resultPath,
  );
  if (code === 2) return code;
  const r = io.resolve ?? ((p: string) => p);
  io.stdout(t("cli.demoSample", lang, { file: r(samplePath) }));
  io.stdout(t("cli.demoResult", lang, { file: r(resultPath) }));
  return code;
}

/**
 * Runs the command line with injected I/O and returns the exit code.
 *
 * @example await main(["check", "zone.xlsx"], nodeIO()) // => 0 when the workbook has no errors
 */
export async function main(argv: ReadonlyArray<string>, io: CliIO): Promise<number> {
  const msgLang = envLang(io.env);
  try {
    const args = parse(argv);
    if (args.help || args.command === undefined || args.command === "help") {
      (args.command === undefined && !args.help ? io.stderr : io.stdout)(t("cli.usage", args.lang ?? msgLang));
      return args.command === undefined && !args.help ? 2 : 0;
    }
    switch (args.command) {
      case "sample":
        return await commandSample(args, io);
      case "check":
        return await commandCheck(args, io);
      case "run":
        return await commandRun(args, io);
      case "demo":
        return await commandDemo(args, io);
      default:
        throw new UsageError("cli.unknownCommand", { command: args.command });
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(t(e.key, msgLang, e.params));
      io.stderr(t("cli.usage", msgLang));
      return 2;
    }
    io.stderr(t("cli.internalError", msgLang, { reason: reason(e) }));
    return 3;
  }
}

/** Node's zlib as the output workbook's compression (native: several times faster than the JS fallback). */
export function nodeZipCodec(): ZipCodec {
  const zlib = require("zlib") as typeof import("zlib");
  return {
    deflateRaw: (data) => zlib.deflateRawSync(data, { level: 1 }),
    crc32: typeof zlib.crc32 === "function" ? (data) => zlib.crc32(data) : crc32,
  };
}

/** Node entry point used by bin/reform.js. */
export async function cli(argv: ReadonlyArray<string> = process.argv.slice(2)): Promise<void> {
  // Node built-ins are loaded here only, so the rest of the runner can be bundled for a browser.

  const fs = require("fs/promises") as typeof import("fs/promises");

  const path = require("path") as typeof import("path");
  const io: CliIO = {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    readFile: async (p) => new Uint8Array(await fs.readFile(p)),
    writeFile: async (p, data) => {
      await fs.mkdir(path.dirname(path.resolve(p)), { recursive: true });
      await fs.writeFile(p, data);
    },
    env: process.env,
    resolve: (p) => path.resolve(p),
    zip: nodeZipCodec(),
  };
  process.exitCode = await main(argv, io);
}
