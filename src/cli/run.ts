/**
 * `reform run`: read an .xlsx, pick the scenario(s), run every model, write the input sheets unchanged
 * plus one sheet per result to another file. The input bytes are only read.
 */
import { t } from "../engine/messages";
import { normalizeHeader, parseNumber } from "../engine/parse";
import type { ResultSheet } from "../engine/report";
import { compareScenarios, comparisonSheets, sweep, sweepSheets, type SweepSpec } from "../engine/scenario/compare";
import { readScenarios, type ParamSet, type ScenarioDef } from "../engine/scenario/params";
import type { Lang, Problem } from "../engine/types";
import { identifyTables, readTables, type ReadTables, type TableSource } from "../engine/workbook";
import { problemAddress, writeXlsx, type XlsxBytes } from "../workbook/xlsx";
import { problemLine, problemText, sortProblems } from "./check";
import { describeRun, modelName, runModels, type Indicators, type ModelRunStatus } from "./models";

export interface RunOptions {
  lang: Lang;
  /** Run this scenario (by name); default the baseline (first row). */
  scenario?: string;
  /** Run every scenario; result sheets of the baseline plus a comparison of indicators. */
  allScenarios?: boolean;
  /** Also run one parameter over a range and write the sweep sheet. */
  sweep?: SweepSpec;
  progress?: (line: string) => void;
}

export interface ScenarioRun {
  name: string;
  params: ParamSet;
  indicators?: Indicators;
  statuses: ModelRunStatus[];
}

export interface RunPlan {
  ok: true;
  /** The result sheets to write, the problems sheet last. */
  sheets: ResultSheet[];
  notes: string[];
  problems: Problem[];
  scenarios: ScenarioRun[];
}

export type RunPlanResult = RunPlan | { ok: false; key: string; params?: Record<string, string> };

export type RunWorkbookResult =
  (RunPlan & { output: Uint8Array }) | { ok: false; key: string; params?: Record<string, string> };

/** The scenarios to run, as chosen on the command line; `[]` with a key when the name is unknown. */
export function chooseScenarios(
  tables: ReadTables,
  options: Pick<RunOptions, "scenario" | "allScenarios">,
):
  | { ok: true; scenarios: ScenarioDef[]; problems: Problem[] }
  | { ok: false; key: string; params: Record<string, string> } {
  if (!tables.scenarios) {
    if (options.scenario !== undefined) {
      return { ok: false, key: "cli.scenarioUnknown", params: { name: options.scenario, names: "—" } };
    }
    return { ok: true, scenarios: [], problems: [] };
  }
  const read = readScenarios(tables.scenarios);
  const own = read.problems.slice(tables.scenarios.problems.length);
  if (read.scenarios.length === 0) return { ok: true, scenarios: [], problems: own };
  if (options.allScenarios) return { ok: true, scenarios: read.scenarios, problems: own };
  if (options.scenario !== undefined) {
    const wanted = normalizeHeader(options.scenario);
    const found = read.scenarios.find((s) => normalizeHeader(s.name) === wanted);
    if (!found) {
      return {
        ok: false,
        key: "cli.scenarioUnknown",
        params: { name: options.scenario, names: read.scenarios.map((s) => s.name).join(", ") },
      };
    }
    return { ok: true, scenarios: [found], problems: own };
  }
  return { ok: true, scenarios: [read.scenarios[0]], problems: own };
}

/** `--sweep 面试权重=0.2:0.6:0.1` → the sweep's parameter and range; undefined when not of that form. */
export function parseSweep(text: string): SweepSpec | undefined {
  const m = /^\s*(.+?)\s*[=＝]\s*([^:：]+)[:：]([^:：]+)[:：]([^:：]+)\s*$/.exec(text);
  if (!m) return undefined;
  // The engine's number reader: thousands separators, ¥ and a trailing % (÷ 100) as in the tables.
  const [start, end, step] = [m[2], m[3], m[4]].map((x) => parseNumber(x));
  if (typeof start !== "number" || typeof end !== "number" || typeof step !== "number") return undefined;
  return { param: m[1], start, end, step };
}

/** The problems sheet (问题清单 / Problems): every problem of the run with its cell, so none is lost. */
export function problemsSheet(
  problems: ReadonlyArray<Problem>,
  sources: ReadonlyArray<TableSource>,
  lang: Lang,
): ResultSheet | undefined {
  if (problems.length === 0) return undefined;
  const sorted = sortProblems(problems, sources);
  return {
    id: "problems",
    name: t("cli.problemsSheet", lang),
    columns: [
      { header: t("cli.col.severity", lang), kind: "text" },
      { header: t("cli.col.cell", lang), kind: "text" },
      { header: t("cli.col.message", lang), kind: "text" },
    ],
    rows: sorted.map((p) => [
      t(`severity.${p.severity}`, lang),
      problemAddress(p, sources) ?? p.tableName ?? p.table,
      problemText(p, lang),
    ]),
    highlights: [
      { rows: sorted.flatMap((p, i) => (p.severity === "error" ? [i] : [])), style: "bad" as const },
      { rows: sorted.flatMap((p, i) => (p.severity === "warning" ? [i] : [])), style: "warn" as const },
    ].filter((h) => h.rows.length > 0),
  };
}

/**
 * Runs the models on a workbook's tables and returns the result sheets to write (nothing is written).
 *
 * @example
 * const plan = planRun(sources, { lang: "zh", allScenarios: true });
 * if (plan.ok) plan.sheets.map((s) => s.name); // => ["竞聘结果", …, "方案对比", "方案人员变化", "问题清单"]
 */
export function planRun(sources: ReadonlyArray<TableSource>, options: RunOptions): RunPlanResult {
  const { lang } = options;
  const progress = options.progress ?? (() => undefined);
  const tables = readTables(identifyTables(sources));
  const chosen = chooseScenarios(tables, options);
  if (!chosen.ok) return chosen;
  const notes: string[] = [];
  const problems: Problem[] = [...chosen.problems];
  const runs: ScenarioRun[] = [];
  let sheets: ResultSheet[] = [];

  if (chosen.scenarios.length === 0) {
    notes.push(t("cli.scenarioBaseline", lang));
    progress(t("cli.scenarioBaseline", lang));
  }
  const first: ScenarioDef = chosen.scenarios[0] ?? { name: "", row: 0, params: {}, own: {} };
  if (options.allScenarios && chosen.scenarios.length > 1) {
    const sep = lang === "zh" ? "、" : ", ";
    progress(t("cli.scenariosRunning", lang, { names: chosen.scenarios.map((s) => s.name).join(sep) }));
    const cmp = compareScenarios(tables, chosen.scenarios);
    cmp.scenarios.forEach((s, i) => {
      const d = describeRun(s.run, lang);
      runs.push({ name: s.name, params: s.params, indicators: d.indicators, statuses: d.statuses });
      if (i === 0) {
        for (const n of d.notes) progress(n);
        notes.push(...d.notes);
        problems.push(...d.problems);
        sheets = s.run.sheets(lang);
      } else {
        // Later scenarios add their own errors (a parameter that breaks a model); their warnings are the baseline's.
        problems.push(...d.problems.filter((p) => p.severity === "error"));
        for (const st of d.statuses) {
          if (st.status === "failed") {
            const note = t("cli.scenarioModelFailed", lang, { name: s.name, model: modelName(st.model, lang) });
            notes.push(note);
            progress(note);
          }
        }
      }
    });
    sheets = [...sheets, ...comparisonSheets(cmp, lang)];
  } else {
    if (first.name) progress(t("cli.scenarioUsing", lang, { name: first.name }));
    const r = runModels(tables, { lang, params: first.params, progress });
    runs.push({ name: first.name, params: first.params, indicators: r.indicators, statuses: r.statuses });
    sheets = r.sheets;
    notes.push(...r.notes);
    problems.push(...r.problems);
  }
  if (options.sweep) {
    const spec = options.sweep;
    progress(t("cli.sweepRunning", lang, { param: spec.param, start: spec.start, end: spec.end, step: spec.step }));
    const sw = sweep(tables, spec, first.params);
    const bad = sw.problems.find((p) => p.severity === "error" && p.key.startsWith("scenario.sweep"));
    if (bad) return { ok: false, key: bad.key, params: stringParams(bad.params) };
    sheets = [...sheets, ...sweepSheets(sw, lang)];
  }
  if (sheets.length === 0) notes.push(t("cli.noResults", lang));
  const unique = dedupe(problems);
  const listed = problemsSheet(unique, sources, lang);
  return { ok: true, sheets: listed ? [...sheets, listed] : sheets, notes, problems: unique, scenarios: runs };
}

/**
 * Runs the models on an .xlsx and returns the output workbook's bytes (the input is not touched).
 *
 * @example
 * const r = await runWorkbook(bytes, sources, { lang: "zh" });
 * if (r.ok) await writeFile("out.xlsx", r.output);
 */
export async function runWorkbook(
  input: XlsxBytes,
  sources: ReadonlyArray<TableSource>,
  options: RunOptions,
): Promise<RunWorkbookResult> {
  const plan = planRun(sources, options);
  if (!plan.ok) return plan;
  return { ...plan, output: await writeXlsx(input, plan.sheets, options.lang) };
}

function stringParams(params: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params ?? {})) out[k] = String(v);
  return out;
}

function dedupe(problems: ReadonlyArray<Problem>): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const p of problems) {
    const k = JSON.stringify([p.severity, p.tableName, p.tableRow, p.columnIndex, p.key, p.params]);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(p);
  }
  return out;
}

/** Problem lines, sorted, with cell addresses. */
export function problemLines(
  problems: ReadonlyArray<Problem>,
  sources: ReadonlyArray<TableSource>,
  lang: Lang,
): string[] {
  return sortProblems(problems, sources).map((p) => problemLine(p, sources, lang));
}
