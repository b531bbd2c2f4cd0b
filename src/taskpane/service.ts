/**
 * The glue between the panes and the workbook: one `ReformService` interface that the panes call, and
 * `createService(host)` that composes a workbook host (Office.js or the in-memory .xlsx of the browser
 * preview) with the engine. Components receive the service as a prop, so tests give them a fake one.
 */
import type {
  IndicatorId,
  Indicator,
  ModelId,
  ModelStatus,
  ReformOptions,
  ReformRunBase,
} from "../engine/reform/types";
import type { ResultSheet } from "../engine/report";
import { safeSheetName } from "../engine/report";
import type { TableId } from "../engine/schema";
import { readScenarios, type ParamSet, type ScenarioDef } from "../engine/scenario/params";
import type { Lang, Problem } from "../engine/types";
import { identifyTables, readTables, type ReadTables, type TableSource, type WorkbookTables } from "../engine/workbook";
import { normalizeHeader } from "../engine/parse";
import { columnLetter } from "../engine/messages";
import { generateSample } from "../sample/sample";
import { buildTemplates } from "./templates";
import { isCancelled } from "../host/errors";
import type { InsertTable, WorkbookHost } from "../host/types";

// ------------------------------------------------------------------ what the panes see

export type RunStage = "read" | "compute" | "write";

export const RUN_STAGES: ReadonlyArray<RunStage> = ["read", "compute", "write"];

export interface RunProgress {
  stage: RunStage;
  /** Overall progress, 0..1. */
  fraction: number;
}

/** How a long operation reports and is steered. */
export interface RunHooks {
  /** Checked between stages (and between blocks where a stage has them); abort → status "cancelled". */
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
  /** Asked before result sheets replace existing ones; false keeps them (status "declined"). */
  confirmReplace?: (sheets: string[]) => Promise<boolean>;
}

export interface FoundTable {
  id: TableId;
  /** The name the user gave it. */
  name: string;
  sheet: string;
  /** Data rows (header excluded). */
  rows: number;
}

// Readiness is the engine's (src/engine/reform): one rule for the pane, the runner and the engine.
import { readiness, type ModelReadiness } from "../engine/reform/run";
export { readiness, type ModelReadiness };

/** What the Home pane and the parameter forms need to know about the workbook. */
export interface WorkbookOverview {
  tables: FoundTable[];
  readiness: ModelReadiness[];
  /** Scenarios of the Scenarios table, baseline first (empty without one). */
  scenarios: ScenarioDef[];
  /** Problems of the Scenarios table (unknown parameters, bad values). */
  problems: Problem[];
}

export type RunStatus = "done" | "cancelled" | "declined";

export interface RunResult {
  status: RunStatus;
  indicators: Indicator[];
  /** Statuses of the models asked for. */
  statuses: ModelStatus[];
  /**
   * Statuses of the models run first because those asked for use their results (re-bidding's placements
   * for pay, performance pay and headcount); their sheets are not written and their problems are here only.
   */
  dependencies: ModelStatus[];
  /** Problems of the tables, the parameters and the models asked for. */
  problems: Problem[];
  /** Sheets written (empty unless done). */
  written: string[];
}

/** Indicators side by side: one row per indicator, one value per column (scenario or swept value). */
export interface IndicatorRow {
  id: IndicatorId;
  kind: Indicator["kind"];
  values: (number | null)[];
}

export interface CompareResult {
  status: RunStatus;
  /** Scenario names, baseline first. */
  columns: string[];
  rows: IndicatorRow[];
  problems: Problem[];
  written: string[];
}

export interface SweepRequest {
  /** Parameter key (PARAMS or a weight family key). */
  param: string;
  start: number;
  end: number;
  step: number;
}

export interface SweepResult {
  status: RunStatus;
  /** The values the parameter took. */
  values: number[];
  rows: IndicatorRow[];
  problems: Problem[];
  written: string[];
}

export interface InsertResult {
  status: RunStatus;
  written: string[];
}

/** A worksheet cell: 1-based row, 0-based column (as `columnLetter` takes it). */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

/** A table taken from the selection (see `ReformService.useSelectionAs`). */
export interface SelectionUse {
  id: TableId;
  /** The source's name (Excel table or sheet). */
  name: string;
  sheet: string;
  /** Where it sits, e.g. "Sheet3!A1:K301". */
  address: string;
}

export interface ReformService {
  /** Finds the input tables and reads the Scenarios table. */
  listTables(): Promise<WorkbookOverview>;
  /** Which of `names` already exist as sheets. */
  existingSheets(names: string[]): Promise<string[]>;
  /** Runs models on the workbook under parameters and writes their result sheets. */
  run(models: ReadonlyArray<ModelId>, params: ParamSet, lang: Lang, hooks?: RunHooks): Promise<RunResult>;
  /** Runs every scenario of the Scenarios table and writes the comparison sheet. */
  compare(lang: Lang, hooks?: RunHooks): Promise<CompareResult>;
  /** Runs the baseline with one parameter over a range and writes the sweep sheet. */
  sweep(request: SweepRequest, lang: Lang, hooks?: RunHooks): Promise<SweepResult>;
  /** Inserts the sample workbook's tables as new sheets (asking before replacing sheets of the same name). */
  insertSample(lang: Lang, hooks?: RunHooks): Promise<InsertResult>;
  /** Inserts empty input tables with drop-down lists (asking before replacing sheets of the same name). */
  insertTemplates(lang: Lang, hooks?: RunHooks): Promise<InsertResult>;
  /** The worksheet cell a problem names, when the table was found and the problem names a row. */
  locate(problem: Problem): CellRef | undefined;
  /** Selects the problem's cell in the workbook. */
  selectProblem(problem: Problem): Promise<void>;
  /**
   * Uses the selected table (`WorkbookHost.selectionTable`) as table `id` from now on, for this session
   * (this service): listTables and runs see it in place of whatever its name matched. Null when the host
   * has no selection support or nothing usable is selected (then nothing changes).
   */
  useSelectionAs(id: TableId): Promise<SelectionUse | null>;
}

// ------------------------------------------------------------------ pure helpers

/**
 * Where a table source sits, as an A1 range with its sheet.
 *
 * @example sourceAddress({ name: "x", sheet: "Sheet3", rows: [["a", "b"], [1, 2]], headerRow: 2, firstColumn: 1 }) // => "Sheet3!B2:C3"
 */
export function sourceAddress(src: TableSource): string {
  const top = src.headerRow ?? 1;
  const left = src.firstColumn ?? 0;
  const width = Math.max(1, ...src.rows.map((r) => r.length));
  const bottom = top + Math.max(1, src.rows.length) - 1;
  return `${src.sheet}!${columnLetter(left)}${top}:${columnLetter(left + width - 1)}${bottom}`;
}

/**
 * The identified tables with the user's choices from the selection applied. A chosen source is taken
 * fresh from `sources` when one of the same name, sheet and place is listed (so edits are seen), else as
 * it was read when chosen. Choices whose sheet no longer exists (another workbook) are dropped by the caller.
 *
 * @example withOverrides([], new Map([["posts", src]])).posts === src // => true
 */
export function withOverrides(
  sources: ReadonlyArray<TableSource>,
  overrides: ReadonlyMap<TableId, TableSource>,
): WorkbookTables {
  const found = identifyTables(sources);
  for (const [id, chosen] of overrides) {
    const fresh = sources.find(
      (s) =>
        s.name === chosen.name &&
        s.sheet === chosen.sheet &&
        (s.headerRow ?? 1) === (chosen.headerRow ?? 1) &&
        (s.firstColumn ?? 0) === (chosen.firstColumn ?? 0),
    );
    found[id] = fresh ?? chosen;
  }
  return found;
}

/**
 * The worksheet cell of a problem: problems name worksheet rows (tables are read with their header row)
 * and 0-based columns within the table, so the column is shifted by where the table starts. When only
 * the header is named, the column is looked up in the header row.
 *
 * @example problemCell({ severity: "error", table: "staff", tableRow: 5, columnIndex: 2, key: "k" },
 *   { staff: { name: "人员", sheet: "人员", rows: [], firstColumn: 1 } }) // => { sheet: "人员", row: 5, col: 3 }
 */
export function problemCell(p: Problem, tables: WorkbookTables): CellRef | undefined {
  const src = (tables as Record<string, TableSource | undefined>)[p.table];
  if (!src || p.tableRow === undefined) return undefined;
  let index = p.columnIndex;
  if (index === undefined && p.column !== undefined) {
    const header = src.rows[0] ?? [];
    const wanted = normalizeHeader(p.column);
    const found = header.findIndex((h) => normalizeHeader(h) === wanted);
    if (found >= 0) index = found;
  }
  return { sheet: src.sheet, row: p.tableRow, col: (src.firstColumn ?? 0) + (index ?? 0) };
}

/**
 * Indicators of several runs side by side, in the order of the first run's list.
 *
 * @example indicatorRows([[{ id: "placed", model: "rebid", value: 3, kind: "integer" }]])[0].values // => [3]
 */
export function indicatorRows(runs: ReadonlyArray<ReadonlyArray<Indicator>>): IndicatorRow[] {
  const order: IndicatorRow[] = [];
  const byId = new Map<IndicatorId, IndicatorRow>();
  runs.forEach((inds, col) => {
    for (const ind of inds) {
      let row = byId.get(ind.id);
      if (!row) {
        row = { id: ind.id, kind: ind.kind, values: runs.map(() => null) };
        byId.set(ind.id, row);
        order.push(row);
      }
      row.values[col] = ind.value;
    }
  });
  return order;
}

/** Largest number of values a sweep may take. */
export const MAX_SWEEP_VALUES = 50;

/**
 * The values of a sweep, start to end inclusive by step (rounded to 10 significant digits against
 * floating drift); undefined when the range is not usable.
 *
 * @example sweepValues(0.1, 0.3, 0.1) // => [0.1, 0.2, 0.3]
 */
export function sweepValues(start: number, end: number, step: number): number[] | undefined {
  if (![start, end, step].every(Number.isFinite) || step <= 0 || end < start) return undefined;
  const n = Math.floor((end - start) / step + 1e-9) + 1;
  if (n > MAX_SWEEP_VALUES) return undefined;
  return Array.from({ length: n }, (_, i) => Number((start + i * step).toPrecision(10)));
}

// ------------------------------------------------------------------ the implementation

/** The engine functions the service composes (injected so the panes can run before every engine lands). */
export interface ServiceEngine {
  runReform(tables: ReadTables, options: ReformOptions): ReformRunBase;
  compare?(tables: ReadTables, scenarios: ReadonlyArray<ScenarioDef>, lang: Lang): EngineComparison;
  sweep?(
    tables: ReadTables,
    base: ParamSet,
    request: SweepRequest,
    lang: Lang,
  ): EngineComparison & { values: number[] };
}

/** What a compare or sweep engine returns: indicators per column and the sheets to write. */
export interface EngineComparison {
  columns: string[];
  indicators: Indicator[][];
  problems: Problem[];
  sheets: ResultSheet[];
}

class Cancelled extends Error {}

function check(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Cancelled("cancelled");
}

/** Yields to the event loop so the pane can paint progress and take a click on Cancel. */
function breathe(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The service over a workbook host and the engine.
 *
 * @example const service = createService(officeHost, { runReform }); await service.run(["rebid"], {}, "zh");
 */
export function createService(host: WorkbookHost, engine: ServiceEngine): ReformService {
  let tables: WorkbookTables = {};
  /** Tables the user chose from the selection, for this session. */
  const overrides = new Map<TableId, TableSource>();

  async function load(
    onProgress?: (done: number, total: number) => void,
    signal?: AbortSignal,
  ): Promise<{ tables: WorkbookTables; read: ReadTables }> {
    const sources = await host.listTables(onProgress, signal);
    if (overrides.size > 0) {
      // A choice whose sheet is gone belongs to another workbook (or a deleted sheet): forget it.
      const sheets = [...new Set([...overrides.values()].map((s) => s.sheet))];
      const present = new Set((await host.existingSheets(sheets)).map((s) => s.toLowerCase()));
      for (const [id, src] of overrides) if (!present.has(src.sheet.toLowerCase())) overrides.delete(id);
    }
    tables = withOverrides(sources, overrides);
    return { tables, read: readTables(tables) };
  }

  /** Asks before replacing existing sheets; true when the write may go ahead (replacing them). */
  async function mayReplace(names: string[], hooks: RunHooks): Promise<boolean> {
    const clash = names.length > 0 ? await host.existingSheets(names) : [];
    if (clash.length === 0) return true;
    const replace = hooks.confirmReplace ? await hooks.confirmReplace(clash) : false;
    check(hooks.signal);
    return replace;
  }

  /** Writes sheets after asking about replacing; returns the names written, or undefined when declined. */
  async function write(
    sheets: ResultSheet[],
    lang: Lang,
    hooks: RunHooks,
    onRows: (fraction: number) => void,
  ): Promise<string[] | undefined> {
    const names = sheets.map((s) => safeSheetName(s.name));
    if (!(await mayReplace(names, hooks))) return undefined;
    check(hooks.signal);
    await host.writeResults(sheets, {
      replace: true,
      lang,
      signal: hooks.signal,
      onProgress: (done, total) => onRows(total > 0 ? done / total : 1),
    });
    return names;
  }

  /** Read → compute → write, with progress by stage (and by rows within reading and writing) and cancel. */
  async function staged<T>(
    lang: Lang,
    hooks: RunHooks,
    compute: (read: ReadTables) => { sheets: ResultSheet[]; value: T },
    empty: T,
  ): Promise<{ status: RunStatus; value: T; written: string[] }> {
    const progress = (stage: RunStage, fraction: number): void =>
      hooks.onProgress?.({ stage, fraction: Math.min(1, Math.max(0, fraction)) });
    try {
      check(hooks.signal);
      progress("read", 0);
      const { read } = await load((done, total) => progress("read", total > 0 ? done / total / 3 : 0), hooks.signal);
      check(hooks.signal);
      progress("compute", 1 / 3);
      await breathe();
      check(hooks.signal);
      const { sheets, value } = compute(read);
      progress("write", 2 / 3);
      await breathe();
      check(hooks.signal);
      const written = await write(sheets, lang, hooks, (f) => progress("write", 2 / 3 + f / 3));
      if (!written) return { status: "declined", value, written: [] };
      progress("write", 1);
      return { status: "done", value, written };
    } catch (e) {
      if (e instanceof Cancelled || isCancelled(e)) return { status: "cancelled", value: empty, written: [] };
      throw e;
    }
  }

  async function insert(tables: InsertTable[], lang: Lang, hooks: RunHooks): Promise<InsertResult> {
    try {
      const names = tables.map((tb) => tb.name);
      if (!(await mayReplace(names, hooks))) return { status: "declined", written: [] };
      await host.insertTables(tables, { replace: true, lang, signal: hooks.signal });
      return { status: "done", written: names };
    } catch (e) {
      if (e instanceof Cancelled || isCancelled(e)) return { status: "cancelled", written: [] };
      throw e;
    }
  }

  const service: ReformService = {
    async listTables() {
      const { tables: found, read } = await load();
      const list: FoundTable[] = (Object.entries(found) as [TableId, TableSource][]).map(([id, src]) => ({
        id,
        name: src.name,
        sheet: src.sheet,
        rows: read[id]?.records.length ?? Math.max(0, src.rows.length - 1),
      }));
      const sc = read.scenarios ? readScenarios(read.scenarios) : { scenarios: [], problems: [] };
      return {
        tables: list,
        readiness: readiness(list.map((x) => x.id)),
        scenarios: sc.scenarios,
        problems: sc.problems,
      };
    },

    existingSheets: (names) => host.existingSheets(names),

    async run(models, params, lang, hooks = {}) {
      const empty = { indicators: [], statuses: [], dependencies: [], problems: [] };
      const r = await staged(
        lang,
        hooks,
        (read) => {
          const result = engine.runReform(read, { params, models });
          const wanted = new Set<ModelId>(models);
          const statuses = result.statuses.filter((s) => wanted.has(s.model) && !s.dependency);
          return {
            sheets: result.sheets(lang),
            value: {
              indicators: result.indicators.filter((i) => wanted.has(i.model)),
              statuses,
              dependencies: result.statuses.filter((s) => !wanted.has(s.model) || s.dependency === true),
              problems: [...result.problems, ...statuses.flatMap((s) => s.problems)],
            },
          };
        },
        empty,
      );
      return { status: r.status, written: r.written, ...r.value };
    },

    async compare(lang, hooks = {}) {
      const compareFn = engine.compare;
      if (!compareFn) throw new Error("The scenario comparison engine is not available");
      const r = await staged(
        lang,
        hooks,
        (read) => {
          const sc = read.scenarios ? readScenarios(read.scenarios) : { scenarios: [], problems: [] };
          const c = compareFn(read, sc.scenarios, lang);
          return {
            sheets: c.sheets,
            value: { columns: c.columns, rows: indicatorRows(c.indicators), problems: [...sc.problems, ...c.problems] },
          };
        },
        { columns: [], rows: [], problems: [] },
      );
      return { status: r.status, written: r.written, ...r.value };
    },

    async sweep(request, lang, hooks = {}) {
      const sweepFn = engine.sweep;
      if (!sweepFn) throw new Error("The sweep engine is not available");
      if (!sweepValues(request.start, request.end, request.step)) throw new RangeError("Invalid sweep range");
      const r = await staged(
        lang,
        hooks,
        (read) => {
          const sc = read.scenarios ? readScenarios(read.scenarios) : { scenarios: [], problems: [] };
          const base = sc.scenarios[0]?.params ?? {};
          const c = sweepFn(read, base, request, lang);
          return {
            sheets: c.sheets,
            value: { values: c.values, rows: indicatorRows(c.indicators), problems: [...sc.problems, ...c.problems] },
          };
        },
        { values: [] as number[], rows: [], problems: [] },
      );
      return { status: r.status, written: r.written, ...r.value };
    },

    insertSample(lang, hooks = {}) {
      return insert(
        generateSample({ lang }).tables.map((tb) => ({ name: tb.name, rows: tb.rows })),
        lang,
        hooks,
      );
    },

    insertTemplates(lang, hooks = {}) {
      return insert(buildTemplates(lang), lang, hooks);
    },

    locate: (problem) => problemCell(problem, tables),

    async selectProblem(problem) {
      const cell = problemCell(problem, tables);
      if (cell) await host.selectCell(cell.sheet, cell.row, cell.col);
    },

    async useSelectionAs(id) {
      const src = host.selectionTable ? await host.selectionTable() : null;
      if (!src) return null;
      overrides.set(id, src);
      return { id, name: src.name, sheet: src.sheet, address: sourceAddress(src) };
    },
  };
  return service;
}
