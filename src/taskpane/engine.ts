/**
 * The engine as the service needs it: the whole-reform run, the scenario comparison and the sweep,
 * adapted to `ServiceEngine` (indicators per column, sheets in the user's language). Pure: no host here.
 */
import { runReform, type Indicator } from "../engine/reform";
import { compareScenarios, comparisonSheets, sweep, sweepSheets } from "../engine/scenario/compare";
import type { ServiceEngine } from "./service";

/** Indicator columns (one value per scenario or swept value) as one indicator list per column. */
function byColumn(
  count: number,
  rows: ReadonlyArray<{
    id: Indicator["id"];
    model: Indicator["model"];
    kind: Indicator["kind"];
    values: (number | null)[];
  }>,
): Indicator[][] {
  return Array.from({ length: count }, (_, col) =>
    rows.map((r) => ({ id: r.id, model: r.model, kind: r.kind, value: r.values[col] ?? null })),
  );
}

/** The engine functions the panes use: the whole-reform run, the scenario comparison and the sweep. */
export const ENGINE: ServiceEngine = {
  runReform,
  compare(tables, scenarios, lang) {
    const c = compareScenarios(tables, scenarios);
    return {
      columns: c.scenarios.map((s) => s.name),
      indicators: byColumn(c.scenarios.length, c.indicators),
      problems: c.problems,
      sheets: comparisonSheets(c, lang),
    };
  },
  sweep(tables, base, request, lang) {
    const s = sweep(tables, request, base);
    return {
      columns: s.values.map(String),
      values: s.values,
      indicators: byColumn(s.values.length, s.indicators),
      problems: s.problems,
      sheets: s.values.length > 0 ? sweepSheets(s, lang) : [],
    };
  },
};
