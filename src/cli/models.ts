/**
 * The runner's view of the engine-wide run: `runModels(tables, options)` is `runReform` (src/engine/reform)
 * plus what a command line needs around it: a note for every model skipped or stopped, progress lines, the
 * problems to list and the indicators as a plain object for `--json`.
 *
 * There is no second copy of the engine wiring here: settings mappers, weight parameters and the order of
 * the models are runReform's.
 */
import { t } from "../engine/messages";
import type { ResultSheet } from "../engine/report";
import { runReform, type ReformRun } from "../engine/reform/run";
import { MODEL_IDS, type ModelId } from "../engine/reform/types";
import type { ParamSet } from "../engine/scenario/params";
import { TABLES, type TableId } from "../engine/schema";
import type { Lang, Problem } from "../engine/types";
import type { ReadTables } from "../engine/workbook";

/** Indicator id → value (money in yuan, rates as fractions, counts); models that did not run are left out. */
export type Indicators = Record<string, number>;

export interface RunModelsOptions {
  lang: Lang;
  /** Parameters of the scenario run (from the Scenarios table); {} for the defaults. */
  params?: ParamSet;
  /** Only these models (default all). */
  models?: ReadonlyArray<ModelId>;
  /** Progress lines (the runner sends them to stderr). */
  progress?: (line: string) => void;
}

export interface ModelRunStatus {
  model: ModelId;
  status: "ok" | "skipped" | "failed";
  missing?: TableId[];
}

export interface RunModelsResult {
  sheets: ResultSheet[];
  notes: string[];
  indicators?: Indicators;
  /** Problems of the models: errors of failed models, warnings and notes of the others, parameter problems. */
  problems: Problem[];
  statuses: ModelRunStatus[];
  /** The engine's run (results, indicators, sheets in any language). */
  run: ReformRun;
}

/** A model's name in a language. */
export function modelName(id: ModelId, lang: Lang): string {
  return t(`cli.model.${id}`, lang);
}

/** 1234567.5 → "1,234,567.50" (no locale: the same on every machine). */
function grouped(n: number, decimals: number): string {
  const [int, frac] = Math.abs(n).toFixed(decimals).split(".");
  const body = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${n < 0 ? "-" : ""}${body}${frac ? `.${frac}` : ""}`;
}

/**
 * A model's indicators in one line for the terminal: name and value, money as ¥, rates as %; blocking pairs
 * only when there are some.
 *
 * @example modelFigures(run, "pool", "zh") // => "周转池可用编制 6，逾期未还笔数 5"
 */
export function modelFigures(run: ReformRun, model: ModelId, lang: Lang): string {
  const parts: string[] = [];
  for (const i of run.indicators) {
    if (i.model !== model || i.value === null) continue;
    if (i.id === "blockingPairs" && i.value === 0) continue;
    const v =
      i.kind === "money"
        ? `¥${grouped(i.value, 2)}`
        : i.kind === "percent"
          ? `${(i.value * 100).toFixed(1)}%`
          : grouped(i.value, 0);
    parts.push(`${t(`indicator.${i.id}`, lang)} ${v}`);
  }
  return parts.join(lang === "zh" ? "，" : ", ");
}

/** The indicators of a run as a plain object (null values left out). */
export function indicatorsOf(run: ReformRun): Indicators | undefined {
  const out: Indicators = {};
  for (const i of run.indicators) if (i.value !== null) out[i.id] = i.value;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The notes, problems and statuses of an engine run as the runner reports them.
 *
 * @example describeRun(runReform(tables), "zh").notes // => ["编制分析：缺少表 机构，未运行"] when Units is missing
 */
export function describeRun(
  run: ReformRun,
  lang: Lang,
): Pick<RunModelsResult, "notes" | "problems" | "statuses" | "indicators" | "run"> {
  const notes: string[] = [];
  const problems: Problem[] = [...run.problems];
  const statuses: ModelRunStatus[] = [];
  const sep = lang === "zh" ? "、" : ", ";
  for (const s of run.statuses) {
    const name = modelName(s.model, lang);
    if (s.status === "skipped") {
      const tables = (s.missing ?? []).map((id) => TABLES[id][lang]).join(sep);
      notes.push(t("cli.modelSkipped", lang, { model: name, tables }));
      statuses.push({ model: s.model, status: "skipped", missing: s.missing });
      continue;
    }
    problems.push(...s.problems);
    if (s.status === "failed") {
      notes.push(t("cli.modelFailed", lang, { model: name, count: s.problems.length }));
      statuses.push({ model: s.model, status: "failed" });
    } else {
      const figures = modelFigures(run, s.model, lang);
      notes.push(
        figures ? t("cli.modelDoneWith", lang, { model: name, figures }) : t("cli.modelDone", lang, { model: name }),
      );
      statuses.push({ model: s.model, status: "ok" });
    }
  }
  const indicators = indicatorsOf(run);
  return indicators ? { notes, problems, statuses, indicators, run } : { notes, problems, statuses, run };
}

/**
 * Runs every model whose tables are present (runReform) and says what happened to each.
 *
 * @example
 * const r = runModels(readTables(identifyTables(sources)), { lang: "zh", params: baseline.params });
 * r.sheets // result sheets of the models that ran; r.notes says which were skipped and why
 */
export function runModels(tables: ReadTables, options: RunModelsOptions): RunModelsResult {
  const { lang } = options;
  const progress = options.progress ?? (() => undefined);
  const models = options.models ?? MODEL_IDS;
  progress(t("cli.running", lang, { model: models.map((m) => modelName(m, lang)).join(lang === "zh" ? "、" : ", ") }));
  const run = runReform(tables, { params: options.params ?? {}, models });
  const described = describeRun(run, lang);
  for (const n of described.notes) progress(n);
  return { ...described, sheets: run.sheets(lang) };
}
