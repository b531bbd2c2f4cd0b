/**
 * The panes of the task pane: which models each model pane runs, which parameters its form shows and
 * which indicators its result cards show. Plain data, so the panes and their tests share one source.
 */
import type { IndicatorId, ModelId } from "../engine/reform/types";

export type PaneId = "home" | "rebid" | "pay" | "perf" | "headcount" | "scenarios";

export const PANE_IDS: ReadonlyArray<PaneId> = ["home", "rebid", "pay", "perf", "headcount", "scenarios"];

export type ModelPaneId = Exclude<PaneId, "home" | "scenarios">;

export interface ModelPaneDef {
  id: ModelPaneId;
  /** Models run together by this pane. */
  models: ReadonlyArray<ModelId>;
  /** Parameter keys (see PARAMS in engine/scenario/params.ts) shown in the form, in order. */
  params: ReadonlyArray<string>;
  /** Result cards, in order. */
  indicators: ReadonlyArray<IndicatorId>;
}

export const MODEL_PANES: Readonly<Record<ModelPaneId, ModelPaneDef>> = {
  rebid: {
    id: "rebid",
    models: ["rebid"],
    params: ["mechanism", "adjustment", "normalization", "decimals", "bottomRatio", "bottomRounding"],
    indicators: ["placed", "adjusted", "notSelected", "ineligible", "vacancies", "bottomFlagged"],
  },
  pay: {
    id: "pay",
    models: ["pay"],
    params: ["conversionRule", "protection", "phaseYears", "seniorityInterval", "scaleMultiplier"],
    indicators: ["payrollBefore", "payrollAfter", "payrollChange", "winners", "losers", "largestLoss"],
  },
  perf: {
    id: "perf",
    models: ["perf"],
    params: ["poolAmount", "poolPerCapita", "poolPercent", "basicShare", "individualCap", "wholeYuan"],
    indicators: ["perfPool", "perfPerCapita"],
  },
  headcount: {
    id: "headcount",
    models: ["headcount", "pool"],
    params: ["staffCeiling", "poolCapacity", "asOf"],
    indicators: [
      "headcountAfter",
      "staffReductionRate",
      "bodiesReductionRate",
      "economicShare",
      "poolAvailable",
      "poolOverdue",
    ],
  },
};

/** Numeric parameters offered by the sweep form (enums and yes/no cannot be swept). */
export const SWEEPABLE_PARAMS: ReadonlyArray<string> = [
  "poolAmount",
  "poolPerCapita",
  "poolPercent",
  "basicShare",
  "individualCap",
  "bottomRatio",
  "scaleMultiplier",
  "phaseYears",
  "staffCeiling",
  "poolCapacity",
];
