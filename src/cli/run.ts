/**
 * `reform run`: read an .xlsx, pick the scenario(s), run every model, write the input sheets unchanged
 * plus one sheet per result to another file. The input bytes are only read.
 */
import { t } from "../engine/messages";
import { normalizeHeader } from "../engine/parse";
import type { ResultSheet } from "../engine/report";
import { readScenarios, type ParamSet, type ScenarioDef } from "../engine/scenario/params";
import { hasErrors, type CellValue, type Lang, type Problem } from "../engine/types";
import { identifyTables, readTables, type ReadTables, type TableSource } from "../engine/workbook";
import { writeXlsx, type XlsxBytes } from "../workbook/xlsx";
import { problemLine, sortProblems } from "./check";
import { runModels, type Indicators, type ModelAdapter, type ModelRunStatus } from "./models";

export interface RunOptions {
  lang: Lang;
  /** Run this scenario (by name); default the baseline (first row). */
  scenario?: string;
  /** Run every scenario; result sheets of the baseline plus a comparison of indicators. */
  allScenarios?: boolean;
  progress?: (line: string) => void;
  adapters?: ReadonlyArray<ModelAdapter>;
}

export interface ScenarioRun {
  name: string;
  params: ParamSet;
  indicators?: Indicators;
  statuses: ModelRunStatus[];
}

export type RunWorkbookResult =
  | {
      ok: true;
      output: Uint8Array;
      sheets: ResultSheet[];
      notes: string[];
      problems: Problem[];
      scenarios: ScenarioRun[];
    }
  | { ok: false; key: string; params?: Record<string, string> };

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

/** A side-by-side sheet of the indicators of several scenario runs. */
export function comparisonSheet(runs: ReadonlyArray<ScenarioRun>, lang: Lang): ResultSheet | undefined {
  const keys: string[] = [];
  for (const r of runs) for (const k of Object.keys(r.indicators ?? {})) if (!keys.includes(k)) keys.push(k);
  if (keys.length === 0) return undefined;
  const rows: CellValue[][] = keys.map((k) => [k, ...runs.map((r) => r.indicators?.[k] ?? null)]);
  return {
    id: "scenarioComparison",
    name: t("cli.comparisonSheet", lang),
    columns: [
      { header: t("cli.indicator", lang), kind: "text" },
      ...runs.map((r) => ({ header: r.name, kind: "number" as const, decimals: 2 })),
    ],
    rows,
  };
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
  const { lang } = options;
  const progress = options.progress ?? (() => undefined);
  const tables = readTables(identifyTables(sources));
  const chosen = chooseScenarios(tables, options);
  if (!chosen.ok) return chosen;
  const notes: string[] = [];
  const problems: Problem[] = [...chosen.problems];
  const runs: ScenarioRun[] = [];
  let sheets: ResultSheet[] = [];

  const scenarios: { name: string; params: ParamSet }[] =
    chosen.scenarios.length > 0 ? chosen.scenarios : [{ name: "", params: {} }];
  if (chosen.scenarios.length === 0) {
    notes.push(t("cli.scenarioBaseline", lang));
    progress(t("cli.scenarioBaseline", lang));
  }
  scenarios.forEach((s, i) => {
    if (s.name) progress(t("cli.scenarioUsing", lang, { name: s.name }));
    const r = runModels(tables, { lang, params: s.params, progress, adapters: options.adapters });
    runs.push({ name: s.name, params: s.params, indicators: r.indicators, statuses: r.statuses });
    if (i === 0) {
      sheets = r.sheets;
      notes.push(...r.notes);
      problems.push(...r.problems);
    } else {
      // Later scenarios contribute their indicators; their problems are the baseline's unless a parameter differs.
      for (const p of r.problems) if (hasErrors([p])) problems.push(p);
    }
  });
  if (options.allScenarios && runs.length > 1) {
    const cmp = comparisonSheet(runs, lang);
    if (cmp) sheets = [...sheets, cmp];
  }
  if (sheets.length === 0) notes.push(t("cli.noResults", lang));
  const output = await writeXlsx(input, sheets, lang);
  return { ok: true, output, sheets, notes, problems: dedupe(problems), scenarios: runs };
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
