/**
 * The headcount and pool models over the user's tables: Units (+ PoolLedger, Functions list) and
 * PoolLedger. Entry points: `headcountFromTables` and `poolFromTables`.
 */
import { formatDay } from "../parse";
import { requireColumns, type TableRead, type TableRecord } from "../tableReader";
import { fail, hasErrors, ok, type Outcome, type Problem } from "../types";
import type { ReadTables } from "../workbook";
import { functionsSummary, type FunctionItem, type FunctionsSummary } from "./functionsList";
import { poolBalance, poolProblems, type PoolBalance, type PoolCapacity, type PoolLoan } from "./pool";
import {
  quotaCheck,
  rankingQuotas,
  reformPlan,
  type QuotaCheck,
  type RankedUnit,
  type ReformPlan,
  type UnitInput,
} from "./units";

export interface PoolSettings {
  /** One total for all kinds, or a capacity per kind (行政/事业/员额). Undefined = not set. */
  capacity?: PoolCapacity;
  /** Day number (days since 1970-01-01) of the balance; default: the latest borrowed/returned date in the ledger. */
  asOf?: number;
  /** Horizon of "falls due soon", in calendar months (default 3). */
  dueWithinMonths: number;
}

export const DEFAULT_POOL_SETTINGS: PoolSettings = { dueWithinMonths: 3 };

export interface HeadcountSettings {
  /** Minimum economic-development share of functional bodies after the reform (default 0.6). */
  economicFloor: number;
  /** Types that count as functional bodies (default: every body with a function given). */
  functionalTypes?: string[];
  /** Staff ceiling (员额控制数). */
  staffCeiling?: number;
  /** Ranking-linked quotas: the top k gain, the last n lose (defaults 3 and 2), by gain/loss posts (1 each). */
  rankingTop: number;
  rankingBottom: number;
  rankingGain: number;
  rankingLoss: number;
  /** Unit names best first; replaces the Units ranking column. */
  ranking?: string[];
  /** `actual` includes people on borrowed pool slots (default false: own establishment only). */
  actualIncludesPool: boolean;
  /** Pool settings used to count slots on loan per unit when a PoolLedger table is present. */
  pool?: Partial<PoolSettings>;
}

export const DEFAULT_HEADCOUNT_SETTINGS: HeadcountSettings = {
  economicFloor: 0.6,
  rankingTop: 3,
  rankingBottom: 2,
  rankingGain: 1,
  rankingLoss: 1,
  actualIncludesPool: false,
};

export interface HeadcountResult {
  settings: HeadcountSettings;
  /** Existing units (rows not marked 新设) in row order. */
  units: UnitInput[];
  check: QuotaCheck;
  plan: ReformPlan;
  /** Ranked units with their adjusted leader quotas (empty without a ranking). */
  ranking: RankedUnit[];
  functions?: FunctionsSummary;
  /** Day of the pool position used for the pool-slot column, when a ledger was read. */
  poolAsOf?: number;
  /** Whether the plan came from an After Reform column (false: every unit kept). */
  hasPlan: boolean;
}

export interface PoolResult {
  settings: PoolSettings;
  balance: PoolBalance;
  asOfSource: "setting" | "ledger";
}

const text = (r: TableRecord, k: string): string | undefined => {
  const v = r.values[k];
  return v === undefined ? undefined : String(v);
};
const num = (r: TableRecord, k: string): number | undefined => {
  const v = r.values[k];
  return typeof v === "number" ? v : undefined;
};

function missingTable(table: string): Problem {
  return { severity: "error", table, key: "table.missing", params: { table } };
}

/**
 * Units table records → UnitInput (blank numbers stay undefined).
 *
 * @example unitsFromRead(readTable(UNITS, [["单位", "核定编制"], ["财政局", 10]])) // => [{ row: 2, unit: "财政局", authorized: 10, … }]
 */
export function unitsFromRead(read: TableRead): UnitInput[] {
  return read.records
    .filter((r) => text(r, "unit") !== undefined)
    .map((r) => ({
      row: r.row,
      unit: text(r, "unit") as string,
      type: text(r, "type"),
      level: text(r, "level"),
      function: text(r, "function"),
      kind: text(r, "kind"),
      authorized: num(r, "authorized"),
      actual: num(r, "actual"),
      leaderQuota: num(r, "leaderQuota"),
      actualLeaders: num(r, "actualLeaders"),
      afterReform: text(r, "afterReform"),
      assessmentCoefficient: num(r, "assessmentCoefficient"),
      ranking: num(r, "ranking"),
    }));
}

/**
 * Pool ledger records → loans (rows without a readable unit, slots or borrowed date are left out).
 *
 * @example loansFromRead(readTable(POOL_LEDGER, [["单位", "数量", "借用日期"], ["A", 2, "2024-03-01"]]))
 *   // => [{ row: 2, unit: "A", kind: "", slots: 2, borrowed: 19783, … }]
 */
export function loansFromRead(read: TableRead): PoolLoan[] {
  const out: PoolLoan[] = [];
  for (const r of read.records) {
    const unit = text(r, "unit");
    const slots = num(r, "slots");
    const borrowed = num(r, "borrowed");
    if (unit === undefined || slots === undefined || borrowed === undefined) continue;
    out.push({
      row: r.row,
      unit,
      kind: text(r, "kind") ?? "",
      slots,
      borrowed,
      due: num(r, "due"),
      returned: num(r, "returned"),
      purpose: text(r, "purpose"),
    });
  }
  return out;
}

function latestLedgerDay(loans: ReadonlyArray<PoolLoan>): number | undefined {
  let d: number | undefined;
  for (const l of loans)
    for (const x of [l.borrowed, l.returned]) if (x !== undefined && (d === undefined || x > d)) d = x;
  return d;
}

function checkPoolSettings(s: Partial<PoolSettings>): Problem[] {
  const out: Problem[] = [];
  const bad = (column: string, value: unknown): void => {
    out.push({ severity: "error", table: "settings", column, value: String(value), key: "pool.badSetting" });
  };
  const caps =
    s.capacity === undefined
      ? []
      : typeof s.capacity === "number"
        ? [["capacity", s.capacity] as const]
        : Object.entries(s.capacity);
  for (const [k, v] of caps) if (!Number.isFinite(v) || v < 0) bad(k === "capacity" ? "capacity" : `capacity.${k}`, v);
  if (s.asOf !== undefined && !Number.isInteger(s.asOf)) bad("asOf", s.asOf);
  if (s.dueWithinMonths !== undefined && (!Number.isInteger(s.dueWithinMonths) || s.dueWithinMonths < 0))
    bad("dueWithinMonths", s.dueWithinMonths);
  return out;
}

/**
 * The pool model: the ledger as of a day (settings.asOf, else the latest borrowed/returned date in the
 * ledger, said in a note). Refused loans and returns without a loan are warnings naming their rows;
 * errors in the ledger (unreadable cells, missing columns) stop the model.
 *
 * @example
 * poolFromTables(readTables(identifyTables(sources)), { capacity: { 行政: 5, 事业: 3 }, asOf: 20000 })
 *   // => { ok: true, value: { balance: { total: { capacity: 8, lent, available, … }, … } } }
 */
export function poolFromTables(tables: ReadTables, settings: Partial<PoolSettings> = {}): Outcome<PoolResult> {
  const read = tables.poolLedger;
  if (!read) return fail([missingTable("周转编制台账 / PoolLedger")]);
  const s: PoolSettings = { ...DEFAULT_POOL_SETTINGS, ...settings };
  const problems: Problem[] = [...read.problems, ...checkPoolSettings(settings)];
  if (hasErrors(problems)) return fail(problems);
  const loans = loansFromRead(read);
  let asOf = s.asOf;
  let asOfSource: PoolResult["asOfSource"] = "setting";
  if (asOf === undefined) {
    asOf = latestLedgerDay(loans);
    asOfSource = "ledger";
    if (asOf === undefined)
      return fail([
        ...problems,
        { severity: "error", table: "poolLedger", tableName: read.tableName, key: "pool.noAsOf" },
      ]);
    problems.push({
      severity: "info",
      table: "poolLedger",
      tableName: read.tableName,
      key: "pool.asOfFromLedger",
      params: { date: formatDay(asOf) },
    });
  }
  if (s.capacity === undefined)
    problems.push({ severity: "warning", table: "settings", column: "capacity", key: "pool.noCapacity" });
  const balance = poolBalance(loans, s.capacity, asOf, s.dueWithinMonths);
  problems.push(...locate(read, poolProblems(balance)));
  return ok({ settings: { ...s, asOf }, balance, asOfSource }, problems);
}

function checkHeadcountSettings(s: HeadcountSettings, placedByRebid?: number): Problem[] {
  const out: Problem[] = [];
  const bad = (column: string, value: unknown): void => {
    out.push({ severity: "error", table: "settings", column, value: String(value), key: "headcount.badSetting" });
  };
  if (!(s.economicFloor >= 0 && s.economicFloor <= 1)) bad("economicFloor", s.economicFloor);
  for (const k of ["rankingTop", "rankingBottom", "rankingGain", "rankingLoss"] as const) {
    if (!Number.isInteger(s[k]) || s[k] < 0) bad(k, s[k]);
  }
  if (s.staffCeiling !== undefined && !(Number.isFinite(s.staffCeiling) && s.staffCeiling >= 0))
    bad("staffCeiling", s.staffCeiling);
  if (placedByRebid !== undefined && !(Number.isInteger(placedByRebid) && placedByRebid >= 0))
    bad("placedByRebid", placedByRebid);
  return out;
}

/**
 * The headcount model: per-unit quota check (with pool slots on loan shown apart when a PoolLedger is
 * present), the reform plan from the After Reform column, ranking-linked leader quotas, and the
 * functions list when present. `placedByRebid` is the staff placed by re-bidding (staff after).
 *
 * @example
 * headcountFromTables(readTables(identifyTables(sources)), { staffCeiling: 290 }, 272).value?.plan.staff
 *   // => { before: 463, after: 272, rate: 0.413, rateText: "41.3%", source: "rebid", … }
 */
export function headcountFromTables(
  tables: ReadTables,
  settings: Partial<HeadcountSettings> = {},
  placedByRebid?: number,
): Outcome<HeadcountResult> {
  const read = tables.units;
  if (!read) return fail([missingTable("机构 / Units")]);
  const s: HeadcountSettings = { ...DEFAULT_HEADCOUNT_SETTINGS, ...settings };
  const problems: Problem[] = [...read.problems, ...checkHeadcountSettings(s, placedByRebid)];
  problems.push(...requireColumns(read, ["authorized", "actual"], "编制核查 / headcount"));
  if (hasErrors(problems)) return fail(problems);
  const all = unitsFromRead(read);
  if (all.length === 0)
    return fail([
      ...problems,
      {
        severity: "error",
        table: "units",
        tableName: read.tableName,
        key: "table.empty",
        params: { table: read.tableName },
      },
    ]);
  const tag = (ps: Problem[]): Problem[] => locate(read, ps);

  const plan = reformPlan(all, {
    economicFloor: s.economicFloor,
    functionalTypes: s.functionalTypes,
    placedByRebid,
    staffCeiling: s.staffCeiling,
  });
  problems.push(...tag(plan.problems));
  if (hasErrors(problems)) return fail(problems);
  const existing = all.filter((u, i) => plan.value.fates[i].disposition !== "new");
  for (const u of existing) {
    for (const k of ["authorized", "actual"] as const) {
      if (u[k] === undefined) {
        problems.push({
          severity: "warning",
          table: "units",
          tableName: read.tableName,
          tableRow: u.row,
          column: read.columns[k].header,
          key: "headcount.blankCount",
          params: { unit: u.unit },
        });
      }
    }
  }

  let poolSlots: Record<string, number> | undefined;
  let poolAsOf: number | undefined;
  if (tables.poolLedger) {
    const pool = poolFromTables(tables, s.pool ?? {});
    if (pool.ok) {
      poolSlots = pool.value.balance.byUnit;
      poolAsOf = pool.value.balance.asOf;
      problems.push(...pool.problems.filter((p) => p.key === "pool.asOfFromLedger"));
    } else {
      problems.push({
        severity: "warning",
        table: "poolLedger",
        tableName: tables.poolLedger.tableName,
        key: "headcount.poolSkipped",
      });
    }
  }
  const check = quotaCheck(existing, { poolSlots, actualIncludesPool: s.actualIncludesPool });
  const ranking = rankingQuotas(existing, {
    top: s.rankingTop,
    bottom: s.rankingBottom,
    gain: s.rankingGain,
    loss: s.rankingLoss,
    order: s.ranking,
  });
  problems.push(...tag(ranking.problems));
  if (plan.value.economicShare.belowFloor) {
    const sh = plan.value.economicShare.after;
    problems.push({
      severity: "warning",
      table: "units",
      tableName: read.tableName,
      key: "headcount.economicBelowFloor",
      params: {
        economic: sh.economic,
        functional: sh.functional,
        share: `${((sh.share ?? 0) * 100).toFixed(1)}%`,
        floor: `${Math.round(s.economicFloor * 1000) / 10}%`,
      },
    });
  }
  if (plan.value.ceiling.within === false) {
    problems.push({
      severity: "warning",
      table: "settings",
      column: "staffCeiling",
      value: s.staffCeiling,
      key: "headcount.overCeiling",
      params: { placed: placedByRebid ?? 0, ceiling: s.staffCeiling ?? 0 },
    });
  }

  let functions: FunctionsSummary | undefined;
  const fr = tables.functions;
  if (fr) {
    if (hasErrors(fr.problems)) problems.push(...fr.problems.map((p) => ({ ...p, severity: "warning" as const })));
    const items: FunctionItem[] = fr.records
      .filter((r) => text(r, "item") !== undefined)
      .map((r) => ({
        row: r.row,
        item: text(r, "item") as string,
        owner: text(r, "owner"),
        category: text(r, "category"),
        afterReform: text(r, "afterReform"),
      }));
    functions = functionsSummary(items);
  }

  return ok(
    {
      settings: s,
      units: existing,
      check,
      plan: plan.value,
      ranking: ranking.value,
      functions,
      poolAsOf,
      hasPlan: read.columns.afterReform !== undefined,
    },
    problems,
  );
}

/**
 * Problems the core functions raise name columns by their Chinese schema header; this puts the table's
 * own name, the header as the user wrote it and its column index on those of this table.
 */
function locate(read: TableRead, problems: ReadonlyArray<Problem>): Problem[] {
  return problems.map((p) => {
    if (p.table !== read.def.id) return p;
    const c = p.column === undefined ? undefined : read.def.columns.find((x) => x.zh === p.column);
    const ref = c ? read.columns[c.key] : undefined;
    return { ...p, tableName: read.tableName, ...(ref ? { column: ref.header, columnIndex: ref.index } : {}) };
  });
}
