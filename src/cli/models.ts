/**
 * The seam between the runner and the engines: `runModels(tables, options)` runs every model whose
 * tables are present and collects result sheets, notes, problems and indicators.
 *
 * Each engine plugs in as a `ModelAdapter` in `MODEL_ADAPTERS`. A model whose tables are missing is
 * skipped with a note; one whose tables are malformed stops with its problems; one without an adapter
 * (its engine is not in this version) is reported as not available. When the engine-wide runner
 * (src/engine/reform) exists, `runModels` becomes a thin wrapper over it with the same result.
 */
import { t } from "../engine/messages";
import type { ResultSheet } from "../engine/report";
import { MODEL_IDS, MODEL_TABLES, type ModelId } from "../engine/reform/types";
import type { ParamSet } from "../engine/scenario/params";
import { TABLES } from "../engine/schema";
import { ENGINE_ADAPTERS } from "./adapters";
import type { Lang, Outcome, Problem } from "../engine/types";
import type { ReadTables } from "../engine/workbook";

export type Indicators = Record<string, number | string>;

export interface ModelOutput {
  sheets: ResultSheet[];
  indicators?: Indicators;
  notes?: string[];
}

/** What earlier models hand to later ones in one run (models run in MODEL_IDS order). */
export interface ModelContext {
  /** Staff ID → post ID placed by re-bidding. */
  placements?: Map<string, string>;
  /** Number of staff placed by re-bidding (placed + adjusted). */
  placedByRebid?: number;
}

/** One engine as the runner sees it. `run` gets tables whose required ones are present. */
export interface ModelAdapter {
  id: ModelId;
  run(tables: ReadTables, params: ParamSet, lang: Lang, context: ModelContext): Outcome<ModelOutput>;
}

/** The engines wired in (src/cli/adapters.ts). */
export const MODEL_ADAPTERS: ReadonlyArray<ModelAdapter> = ENGINE_ADAPTERS;

export interface RunModelsOptions {
  lang: Lang;
  /** Parameters of the scenario run (from the Scenarios table); {} for the defaults. */
  params?: ParamSet;
  /** Only these models (default all). */
  models?: ReadonlyArray<ModelId>;
  /** Progress lines (the runner sends them to stderr). */
  progress?: (line: string) => void;
  /** Adapters to use (default MODEL_ADAPTERS); tests may pass their own. */
  adapters?: ReadonlyArray<ModelAdapter>;
}

export interface ModelRunStatus {
  model: ModelId;
  status: "ok" | "skipped" | "failed" | "unavailable";
  missing?: string[];
}

export interface RunModelsResult {
  sheets: ResultSheet[];
  notes: string[];
  indicators?: Indicators;
  /** Problems of the models: errors of failed models, warnings of the others. */
  problems: Problem[];
  statuses: ModelRunStatus[];
}

/** A model's name in a language. */
export function modelName(id: ModelId, lang: Lang): string {
  return t(`cli.model.${id}`, lang);
}

/**
 * Runs every model whose tables are present.
 *
 * @example
 * const r = runModels(readTables(identifyTables(sources)), { lang: "zh", params: baseline.params });
 * r.sheets // result sheets of the models that ran; r.notes says which were skipped and why
 */
export function runModels(tables: ReadTables, options: RunModelsOptions): RunModelsResult {
  const { lang } = options;
  const params = options.params ?? {};
  const adapters = options.adapters ?? MODEL_ADAPTERS;
  const progress = options.progress ?? (() => undefined);
  const result: RunModelsResult = { sheets: [], notes: [], problems: [], statuses: [] };
  let indicators: Indicators | undefined;
  const context: ModelContext = {};

  for (const id of options.models ?? MODEL_IDS) {
    const name = modelName(id, lang);
    const missing = MODEL_TABLES[id].required.filter((tid) => !tables[tid]);
    if (missing.length > 0) {
      const names = missing.map((tid) => TABLES[tid][lang]).join(lang === "zh" ? "、" : ", ");
      const note = t("cli.modelSkipped", lang, { model: name, tables: names });
      result.notes.push(note);
      progress(note);
      result.statuses.push({ model: id, status: "skipped", missing });
      continue;
    }
    const adapter = adapters.find((a) => a.id === id);
    if (!adapter) {
      const note = t("cli.modelUnavailable", lang, { model: name });
      result.notes.push(note);
      progress(note);
      result.statuses.push({ model: id, status: "unavailable" });
      continue;
    }
    // A required table the reader could not read (e.g. a missing ID column) stops the model here.
    const tableErrors = MODEL_TABLES[id].required.flatMap((tid) =>
      (tables[tid]?.problems ?? []).filter((p) => p.severity === "error" && p.key === "column.missing"),
    );
    progress(t("cli.running", lang, { model: name }));
    const out: Outcome<ModelOutput> =
      tableErrors.length > 0 ? { ok: false, problems: tableErrors } : adapter.run(tables, params, lang, context);
    if (!out.ok) {
      const note = t("cli.modelFailed", lang, { model: name, count: out.problems.length });
      result.notes.push(note);
      progress(note);
      result.problems.push(...out.problems);
      result.statuses.push({ model: id, status: "failed" });
      continue;
    }
    result.sheets.push(...out.value.sheets);
    result.notes.push(...(out.value.notes ?? []));
    result.problems.push(...out.problems);
    if (out.value.indicators) indicators = { ...(indicators ?? {}), ...out.value.indicators };
    progress(t("cli.modelDone", lang, { model: name }));
    result.statuses.push({ model: id, status: "ok" });
  }
  if (indicators) result.indicators = indicators;
  return result;
}
