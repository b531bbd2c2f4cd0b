/**
 * The whole-reform run: every model on a workbook's tables under one parameter set, with a fixed list of
 * indicators. Shared by the task pane, the scenarios comparison and the headless runner.
 */
import type { ResultSheet } from "../report";
import type { TableId } from "../schema";
import type { Lang, Problem } from "../types";
import type { ParamSet } from "../scenario/params";

export type ModelId = "rebid" | "pay" | "perf" | "headcount" | "pool";

export const MODEL_IDS: ReadonlyArray<ModelId> = ["rebid", "pay", "perf", "headcount", "pool"];

/** Tables each model needs (all required ones present = ready) and may use. */
export const MODEL_TABLES: Readonly<Record<ModelId, { required: TableId[]; optional: TableId[] }>> = {
  rebid: { required: ["staff", "posts"], optional: ["weights", "scenarios"] },
  pay: { required: ["staff", "payScale"], optional: ["posts", "scenarios"] },
  perf: { required: ["staff"], optional: ["posts", "ratings", "units", "scenarios"] },
  headcount: { required: ["units"], optional: ["functions", "staff", "scenarios"] },
  pool: { required: ["poolLedger"], optional: ["scenarios"] },
};

export type IndicatorId =
  | "payrollBefore"
  | "payrollAfter"
  | "payrollChange"
  | "placed"
  | "adjusted"
  | "notSelected"
  | "ineligible"
  | "transferred"
  | "vacancies"
  | "blockingPairs"
  | "bottomFlagged"
  | "winners"
  | "losers"
  | "largestLoss"
  | "perfPool"
  | "perfPerCapita"
  | "headcountAfter"
  | "staffReductionRate"
  | "bodiesReductionRate"
  | "economicShare"
  | "poolAvailable"
  | "poolOverdue";

export interface Indicator {
  id: IndicatorId;
  model: ModelId;
  /** Money in yuan; rates as fractions; null when the model did not run. */
  value: number | null;
  kind: "integer" | "money" | "percent";
}

export interface ModelStatus {
  model: ModelId;
  status: "ok" | "skipped" | "failed";
  /** Problems of this model (errors when failed; warnings and notes when ok). */
  problems: Problem[];
  /** Why it was skipped: the missing tables. */
  missing?: TableId[];
  /** Run only because a model asked for needs its results (its sheets and indicators are left out). */
  dependency?: boolean;
}

export interface ReformOptions {
  params?: ParamSet;
  /** Run only these models (default: all whose tables are present). */
  models?: ReadonlyArray<ModelId>;
}

export interface ReformRunBase {
  statuses: ModelStatus[];
  indicators: Indicator[];
  /** Problems found in the tables themselves (reader) and in the parameters. */
  problems: Problem[];
  /** Result sheets in a language. */
  sheets(lang: Lang): ResultSheet[];
}
