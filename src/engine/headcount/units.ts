/**
 * Headcount (编制) per unit, the reform plan (before → after) and ranking-linked leader quotas.
 * DOMAIN §1 and §6. Pure: same input, same output; problems are values.
 *
 * Decisions (also in the README of the area, see index.ts):
 * - 改革后 / After Reform: blank or the unit's own name = kept as itself; 撤销 / abolish = abolished;
 *   划转属地 / transfer = transferred to the local government with its staff and headcount; 新设 / new
 *   = a body established by the reform (the row carries the new body's figures and is not counted
 *   before); any other text = merged into the body of that name, which may be a kept unit of the table,
 *   a 新设 row, or a new name not in the table. Chains (A → B, B → C) are followed.
 * - After-figures of a body: its 新设 row's own figures where given (type, level, function, kind,
 *   authorized, leader quota); otherwise the kept unit's own figures plus those of every unit merged
 *   into it (sums of authorized by kind and of leader quotas; type, level and function of the kept
 *   unit, else of the first member in row order).
 * - Staff after = the number placed by re-bidding when the caller passes it, else the staff carried by
 *   the kept and merged units (said in `staff.source`).
 * - Functional bodies = bodies with a function given (leave it blank for bodies outside the count);
 *   economic share = economic-development bodies / functional bodies, compared exactly with the floor.
 */
import { normalizeHeader } from "../parse";
import type { Problem } from "../types";
import { roundHalfUp } from "../money";
import { beforeAfter, type BeforeAfter } from "./rate";

/** Function class of a body or a functions-list item. */
export type FunctionClass = "economic" | "social" | "other";

const ECONOMIC = ["经济发展", "经济发展类", "经济", "economic", "economicdevelopment", "economy"].map((s) =>
  normalizeHeader(s),
);
const SOCIAL = ["社会事务", "社会事务类", "社会", "social", "socialaffairs"].map((s) => normalizeHeader(s));
const ABOLISH = ["撤销", "撤消", "abolish", "abolished", "abolition"].map((s) => normalizeHeader(s));
const TRANSFER = [
  "划转属地",
  "划转",
  "移交属地",
  "交属地",
  "属地",
  "transfer",
  "transferred",
  "local",
  "localgovernment",
].map((s) => normalizeHeader(s));
const NEW = ["新设", "新设机构", "新组建", "组建", "new", "newbody"].map((s) => normalizeHeader(s));

/**
 * The class of a function label: 经济发展 → economic, 社会事务 → social, any other label → other.
 *
 * @example functionClass("经济发展类") // => "economic"
 * @example functionClass("Social Affairs") // => "social"
 */
export function functionClass(label: string | undefined): FunctionClass | undefined {
  if (label === undefined || label.trim() === "") return undefined;
  const n = normalizeHeader(label);
  if (ECONOMIC.includes(n)) return "economic";
  if (SOCIAL.includes(n)) return "social";
  return "other";
}

/** One row of the Units table as the headcount model uses it. Numbers absent = not given. */
export interface UnitInput {
  /** Row in the Units table (header = 1), for messages. */
  row?: number;
  unit: string;
  type?: string;
  level?: string;
  function?: string;
  kind?: string;
  authorized?: number;
  actual?: number;
  leaderQuota?: number;
  actualLeaders?: number;
  afterReform?: string;
  assessmentCoefficient?: number;
  ranking?: number;
}

/** What happens to a unit in the reform. */
export type Disposition = "keep" | "merge" | "abolish" | "transfer" | "new";

/**
 * Reads an After Reform cell.
 *
 * @example parseDisposition("撤销", "档案中心") // => { disposition: "abolish" }
 * @example parseDisposition("财政金融局", "财政局") // => { disposition: "merge", target: "财政金融局" }
 * @example parseDisposition("党政办公室", "党政办公室") // => { disposition: "keep" }
 */
export function parseDisposition(
  afterReform: string | undefined,
  unit: string,
): { disposition: Disposition; target?: string } {
  if (afterReform === undefined || afterReform.trim() === "") return { disposition: "keep" };
  const n = normalizeHeader(afterReform);
  if (n === normalizeHeader(unit)) return { disposition: "keep" };
  if (ABOLISH.includes(n)) return { disposition: "abolish" };
  if (TRANSFER.includes(n)) return { disposition: "transfer" };
  if (NEW.includes(n)) return { disposition: "new" };
  return { disposition: "merge", target: afterReform.normalize("NFKC").trim() };
}

// ---------------------------------------------------------------------------------------------------
// Quota check (空编, 超编, 超职数)

/** One unit's establishment against its figures. */
export interface UnitCheck {
  row?: number;
  unit: string;
  type?: string;
  level?: string;
  function?: string;
  kind: string;
  authorized: number;
  actual: number;
  /** 空编 = max(0, authorized − actual). */
  vacancies: number;
  /** 超编 = max(0, actual − authorized). */
  overEstablishment: number;
  leaderQuota?: number;
  actualLeaders?: number;
  /** max(0, quota − actual leaders); undefined without both figures. */
  leaderVacancies?: number;
  /** 超职数 = max(0, actual leaders − quota); undefined without both figures. */
  leadersOverQuota?: number;
  /** Pool slots the unit has on loan (shown apart; not part of its own establishment). */
  poolSlots: number;
}

/** Totals of the quota check for one kind (行政/事业/员额, "" when not given). */
export interface KindTotals {
  kind: string;
  units: number;
  authorized: number;
  actual: number;
  vacancies: number;
  overEstablishment: number;
  poolSlots: number;
}

export interface QuotaCheck {
  units: UnitCheck[];
  byKind: KindTotals[];
  /** Units with actual > authorized. */
  overEstablished: number;
  /** Units with actual leaders > leader quota, and the posts over in total. */
  leadersOverUnits: number;
  leadersOverTotal: number;
}

export interface QuotaCheckOptions {
  /** Pool slots on loan by unit name (as of the date of the check). */
  poolSlots?: Readonly<Record<string, number>>;
  /**
   * When true, `actual` includes people on borrowed pool slots and they are taken out before comparing
   * with the unit's own establishment. Default false: `actual` counts the own establishment only.
   */
  actualIncludesPool?: boolean;
}

/**
 * Per unit: vacancies (空编), over-establishment (超编), leaders over quota (超职数), with totals by kind.
 * Pool slots on loan are shown apart and never added to a unit's authorized establishment.
 *
 * @example
 * quotaCheck([{ unit: "财政局", kind: "行政", authorized: 10, actual: 12, leaderQuota: 2, actualLeaders: 3 }]).units[0]
 *   // => { …, vacancies: 0, overEstablishment: 2, leadersOverQuota: 1, poolSlots: 0 }
 */
export function quotaCheck(units: ReadonlyArray<UnitInput>, options: QuotaCheckOptions = {}): QuotaCheck {
  const pool = new Map<string, number>();
  for (const [name, slots] of Object.entries(options.poolSlots ?? {}))
    pool.set(normalizeHeader(name), (pool.get(normalizeHeader(name)) ?? 0) + slots);
  const out: UnitCheck[] = [];
  const kinds = new Map<string, KindTotals>();
  let overEstablished = 0;
  let leadersOverUnits = 0;
  let leadersOverTotal = 0;
  for (const u of units) {
    const authorized = u.authorized ?? 0;
    const poolSlots = pool.get(normalizeHeader(u.unit)) ?? 0;
    const actual = u.actual ?? 0;
    const own = options.actualIncludesPool ? Math.max(0, actual - poolSlots) : actual;
    const check: UnitCheck = {
      row: u.row,
      unit: u.unit,
      type: u.type,
      level: u.level,
      function: u.function,
      kind: u.kind ?? "",
      authorized,
      actual,
      vacancies: Math.max(0, authorized - own),
      overEstablishment: Math.max(0, own - authorized),
      leaderQuota: u.leaderQuota,
      actualLeaders: u.actualLeaders,
      poolSlots,
    };
    if (u.leaderQuota !== undefined && u.actualLeaders !== undefined) {
      check.leaderVacancies = Math.max(0, u.leaderQuota - u.actualLeaders);
      check.leadersOverQuota = Math.max(0, u.actualLeaders - u.leaderQuota);
      if (check.leadersOverQuota > 0) {
        leadersOverUnits++;
        leadersOverTotal += check.leadersOverQuota;
      }
    }
    if (check.overEstablishment > 0) overEstablished++;
    out.push(check);
    const k = kinds.get(check.kind) ?? {
      kind: check.kind,
      units: 0,
      authorized: 0,
      actual: 0,
      vacancies: 0,
      overEstablishment: 0,
      poolSlots: 0,
    };
    k.units++;
    k.authorized += authorized;
    k.actual += actual;
    k.vacancies += check.vacancies;
    k.overEstablishment += check.overEstablishment;
    k.poolSlots += poolSlots;
    kinds.set(check.kind, k);
  }
  return { units: out, byKind: [...kinds.values()], overEstablished, leadersOverUnits, leadersOverTotal };
}

// ---------------------------------------------------------------------------------------------------
// Reform plan

/** A body after the reform. */
export interface AfterBody {
  name: string;
  /** kept: an existing unit kept (possibly absorbing others); new: a 新设 row or a name not in the table. */
  origin: "kept" | "new";
  /** Row of the body's own row (kept unit or 新设 row), when it has one. */
  row?: number;
  type?: string;
  level?: string;
  function?: string;
  /** Authorized headcount by kind. */
  authorizedByKind: Record<string, number>;
  authorized: number;
  leaderQuota: number;
  /** Staff carried over by the units that form it (before re-bidding). */
  actual: number;
  /** Existing units that form it, in row order (the kept unit itself first when it exists). */
  members: string[];
}

/** Before → after of one group (a type, a level, a kind). `group` is "" when not given. */
export interface GroupBeforeAfter extends BeforeAfter {
  group: string;
}

/** Economic-development share of functional bodies. */
export interface ShareFigure {
  economic: number;
  functional: number;
  /** economic / functional, rounded half up to 3 decimals; null when there are no functional bodies. */
  share: number | null;
}

export interface UnitFate {
  row?: number;
  unit: string;
  disposition: Disposition;
  /** The body it ends in (keep: itself; merge: the final target after following chains). */
  body?: string;
}

export interface ReformPlan {
  fates: UnitFate[];
  bodies: AfterBody[];
  bodiesTotal: BeforeAfter;
  bodiesByType: GroupBeforeAfter[];
  bodiesByLevel: GroupBeforeAfter[];
  authorized: BeforeAfter;
  authorizedByKind: GroupBeforeAfter[];
  leaderPosts: BeforeAfter;
  /** Staff before (actual) → after (placed by re-bidding, or carried over). */
  staff: BeforeAfter & { source: "rebid" | "carried" };
  economicShare: { before: ShareFigure; after: ShareFigure; floor: number; belowFloor: boolean };
  /** Staff placed by re-bidding against the staff ceiling (员额控制数), when both are known. */
  ceiling: { placed?: number; ceiling?: number; within?: boolean; headroom?: number };
  abolished: string[];
  transferred: { units: string[]; authorized: number; actual: number; leaderQuota: number };
}

export interface ReformOptions {
  /** Minimum economic-development share of functional bodies (default 0.6). */
  economicFloor?: number;
  /** Only bodies of these types count as functional bodies (default: every body with a function). */
  functionalTypes?: ReadonlyArray<string>;
  /** Staff placed by re-bidding (from the re-bidding model or typed by the user). */
  placedByRebid?: number;
  /** Staff ceiling (员额控制数). */
  staffCeiling?: number;
}

function grouped(before: Map<string, number>, after: Map<string, number>): GroupBeforeAfter[] {
  const keys = [...before.keys()];
  for (const k of after.keys()) if (!before.has(k)) keys.push(k);
  return keys.map((group) => ({ group, ...beforeAfter(before.get(group) ?? 0, after.get(group) ?? 0) }));
}

function add(m: Map<string, number>, k: string, v: number): void {
  m.set(k, (m.get(k) ?? 0) + v);
}

function share(economic: number, functional: number): ShareFigure {
  return { economic, functional, share: functional === 0 ? null : roundHalfUp(economic / functional, 3) };
}

/**
 * The reform plan: each unit's fate from its After Reform cell, the bodies after the reform, and the
 * before → after figures with reduction rates (see the module comment for how merged bodies are figured).
 * Problems: merge cycles, merges into abolished or transferred units (errors); members of a merged body
 * with different functions (warning).
 *
 * @example
 * reformPlan([
 *   { unit: "A", type: "管理机构", authorized: 10, actual: 9, leaderQuota: 3 },
 *   { unit: "B", type: "管理机构", authorized: 5, actual: 5, leaderQuota: 2, afterReform: "A" },
 *   { unit: "C", type: "管理机构", authorized: 4, actual: 4, leaderQuota: 1, afterReform: "撤销" },
 * ]).value.bodiesTotal // => { before: 3, after: 1, change: -2, rate: 0.667, rateText: "66.7%" }
 */
export function reformPlan(
  units: ReadonlyArray<UnitInput>,
  options: ReformOptions = {},
): { value: ReformPlan; problems: Problem[] } {
  const problems: Problem[] = [];
  const floor = options.economicFloor ?? 0.6;
  const byName = new Map<string, { u: UnitInput; d: Disposition; target?: string }>();
  const parsed = units.map((u) => {
    const p = parseDisposition(u.afterReform, u.unit);
    const entry = { u, d: p.disposition, target: p.target };
    byName.set(normalizeHeader(u.unit), entry);
    return entry;
  });
  const problem = (
    u: UnitInput,
    key: string,
    params: Record<string, string | number>,
    severity: "error" | "warning" = "error",
  ): void => {
    problems.push({
      severity,
      table: "units",
      tableRow: u.row,
      column: "改革后",
      value: u.afterReform,
      key,
      params: { unit: u.unit, ...params },
    });
  };

  // Final body of each unit (following chains), or undefined when it leaves.
  const resolve = (entry: { u: UnitInput; d: Disposition; target?: string }): string | undefined => {
    const seen = new Set<string>();
    let cur = entry;
    for (;;) {
      if (cur.d === "keep" || cur.d === "new") return cur.u.unit;
      if (cur.d === "abolish" || cur.d === "transfer") {
        if (cur !== entry) problem(entry.u, "headcount.mergeIntoRemoved", { target: cur.u.unit });
        return undefined;
      }
      const key = normalizeHeader(cur.target);
      if (seen.has(key)) {
        problem(entry.u, "headcount.mergeCycle", { target: entry.target ?? "" });
        return undefined;
      }
      seen.add(key);
      const next = byName.get(key);
      if (!next) return cur.target;
      cur = next;
    }
  };

  const bodies = new Map<string, AfterBody & { classes: Set<FunctionClass | undefined> }>();
  const fates: UnitFate[] = [];
  const abolished: string[] = [];
  const transferred = { units: [] as string[], authorized: 0, actual: 0, leaderQuota: 0 };
  const before = {
    bodies: 0,
    type: new Map<string, number>(),
    level: new Map<string, number>(),
    kind: new Map<string, number>(),
    leaders: 0,
    staff: 0,
    economic: 0,
    functional: 0,
  };
  const isFunctional = (type: string | undefined, fn: string | undefined): boolean =>
    functionClass(fn) !== undefined &&
    (!options.functionalTypes || options.functionalTypes.some((t) => normalizeHeader(t) === normalizeHeader(type)));

  const bodyFor = (name: string): AfterBody & { classes: Set<FunctionClass | undefined> } => {
    const k = normalizeHeader(name);
    let b = bodies.get(k);
    if (!b) {
      const own = byName.get(k);
      b = {
        name: own ? own.u.unit : name,
        origin: own && own.d === "keep" ? "kept" : "new",
        row: own?.u.row,
        authorizedByKind: {},
        authorized: 0,
        leaderQuota: 0,
        actual: 0,
        members: [],
        classes: new Set(),
      };
      bodies.set(k, b);
    }
    return b;
  };

  // Bodies in the order they first appear: a kept or new row creates its body at its own row.
  for (const { u, d } of parsed) {
    if (d === "new") {
      fates.push({ row: u.row, unit: u.unit, disposition: d, body: u.unit });
      bodyFor(u.unit);
      continue;
    }
    before.bodies++;
    add(before.type, u.type ?? "", 1);
    add(before.level, u.level ?? "", 1);
    add(before.kind, u.kind ?? "", u.authorized ?? 0);
    before.leaders += u.leaderQuota ?? 0;
    before.staff += u.actual ?? 0;
    if (isFunctional(u.type, u.function)) {
      before.functional++;
      if (functionClass(u.function) === "economic") before.economic++;
    }
    const entry = byName.get(normalizeHeader(u.unit))!;
    const body = d === "abolish" || d === "transfer" ? undefined : resolve(entry);
    fates.push({ row: u.row, unit: u.unit, disposition: d, body });
    if (d === "abolish") abolished.push(u.unit);
    if (d === "transfer") {
      transferred.units.push(u.unit);
      transferred.authorized += u.authorized ?? 0;
      transferred.actual += u.actual ?? 0;
      transferred.leaderQuota += u.leaderQuota ?? 0;
    }
    if (body === undefined) continue;
    const b = bodyFor(body);
    if (d === "keep") b.members.unshift(u.unit);
    else b.members.push(u.unit);
    b.authorizedByKind[u.kind ?? ""] = (b.authorizedByKind[u.kind ?? ""] ?? 0) + (u.authorized ?? 0);
    b.leaderQuota += u.leaderQuota ?? 0;
    b.actual += u.actual ?? 0;
    b.classes.add(functionClass(u.function));
  }

  // Attributes: the body's own row first, then the first member in row order.
  const memberRows = new Map<string, UnitInput[]>();
  parsed.forEach(({ u }, i) => {
    const f = fates[i];
    if (f.body !== undefined && f.disposition !== "new") {
      const k = normalizeHeader(f.body);
      const list = memberRows.get(k);
      if (list) list.push(u);
      else memberRows.set(k, [u]);
    }
  });
  for (const [k, b] of bodies) {
    const own = byName.get(k);
    const ownRow = own && (own.d === "keep" || own.d === "new") ? own.u : undefined;
    const members = memberRows.get(k) ?? [];
    const pick = <K extends "type" | "level" | "function" | "kind">(key: K): string | undefined =>
      ownRow?.[key] ?? members.find((m) => m[key] !== undefined)?.[key];
    b.type = pick("type");
    b.level = pick("level");
    b.function = pick("function");
    if (own?.d === "new") {
      if (own.u.authorized !== undefined) b.authorizedByKind = { [pick("kind") ?? ""]: own.u.authorized };
      if (own.u.leaderQuota !== undefined) b.leaderQuota = own.u.leaderQuota;
    }
    b.authorized = Object.values(b.authorizedByKind).reduce((s, x) => s + x, 0);
    if (!ownRow?.function && b.classes.size > 1 && members.length > 1) {
      problems.push({
        severity: "warning",
        table: "units",
        tableRow: members[0].row,
        column: "职能",
        value: b.function,
        key: "headcount.mixedFunction",
        params: { body: b.name, function: b.function ?? "" },
      });
    }
  }

  const list: AfterBody[] = [...bodies.values()].map(({ classes: _c, ...b }) => b);
  const after = {
    type: new Map<string, number>(),
    level: new Map<string, number>(),
    kind: new Map<string, number>(),
    leaders: 0,
    staff: 0,
    economic: 0,
    functional: 0,
  };
  for (const b of list) {
    add(after.type, b.type ?? "", 1);
    add(after.level, b.level ?? "", 1);
    for (const [k, v] of Object.entries(b.authorizedByKind)) add(after.kind, k, v);
    after.leaders += b.leaderQuota;
    after.staff += b.actual;
    if (isFunctional(b.type, b.function)) {
      after.functional++;
      if (functionClass(b.function) === "economic") after.economic++;
    }
  }
  const placed = options.placedByRebid;
  const staffAfter = placed ?? after.staff;
  const afterShare = share(after.economic, after.functional);
  const belowFloor = after.functional > 0 && after.economic < floor * after.functional - 1e-9;
  const sum = (m: Map<string, number>): number => [...m.values()].reduce((s, x) => s + x, 0);
  const ceiling: ReformPlan["ceiling"] = { placed, ceiling: options.staffCeiling };
  if (placed !== undefined && options.staffCeiling !== undefined) {
    ceiling.within = placed <= options.staffCeiling;
    ceiling.headroom = options.staffCeiling - placed;
  }
  return {
    value: {
      fates,
      bodies: list,
      bodiesTotal: beforeAfter(before.bodies, list.length),
      bodiesByType: grouped(before.type, after.type),
      bodiesByLevel: grouped(before.level, after.level),
      authorized: beforeAfter(sum(before.kind), sum(after.kind)),
      authorizedByKind: grouped(before.kind, after.kind),
      leaderPosts: beforeAfter(before.leaders, after.leaders),
      staff: { ...beforeAfter(before.staff, staffAfter), source: placed === undefined ? "carried" : "rebid" },
      economicShare: { before: share(before.economic, before.functional), after: afterShare, floor, belowFloor },
      ceiling,
      abolished,
      transferred,
    },
    problems,
  };
}

// ---------------------------------------------------------------------------------------------------
// Ranking-linked leader quotas

export interface RankingOptions {
  /** The leading k zones may gain posts (default 3). */
  top?: number;
  /** The last n zones lose posts (default 2). */
  bottom?: number;
  /** Posts gained by a leading zone (default 1). */
  gain?: number;
  /** Posts lost by a trailing zone (default 1). */
  loss?: number;
  /** Unit names best first; replaces the Ranking column when given. */
  order?: ReadonlyArray<string>;
}

export interface RankedUnit {
  row?: number;
  unit: string;
  rank: number;
  leaderQuota?: number;
  /** +gain, −loss or 0. */
  change: number;
  /** Quota after the change (never below 0); undefined without a quota. */
  adjustedQuota?: number;
  actualLeaders?: number;
  /** max(0, actual leaders − adjusted quota). */
  overAdjusted?: number;
  /** The unit shares its rank with one across the top or bottom boundary. */
  tie: boolean;
}

/**
 * Ranking-linked leader quotas: units ranked by assessment (the Ranking column, or `order` best first);
 * the top k gain `gain` posts, the last n (not among the top) lose `loss`. Units tied with the last
 * of the top (or the first of the bottom) share its fate and are marked `tie`.
 *
 * @example
 * rankingQuotas([{ unit: "A", ranking: 1, leaderQuota: 5 }, { unit: "B", ranking: 2, leaderQuota: 5 }], { top: 1, bottom: 1 })
 *   .value.map((r) => r.adjustedQuota) // => [6, 4]
 */
export function rankingQuotas(
  units: ReadonlyArray<UnitInput>,
  options: RankingOptions = {},
): { value: RankedUnit[]; problems: Problem[] } {
  const top = options.top ?? 3;
  const bottom = options.bottom ?? 2;
  const gain = options.gain ?? 1;
  const loss = options.loss ?? 1;
  const problems: Problem[] = [];
  let ranked: { u: UnitInput; rank: number }[];
  if (options.order) {
    const byName = new Map(units.map((u) => [normalizeHeader(u.unit), u]));
    ranked = [];
    options.order.forEach((name, i) => {
      const u = byName.get(normalizeHeader(name));
      if (u) ranked.push({ u, rank: i + 1 });
      else
        problems.push({
          severity: "warning",
          table: "settings",
          value: name,
          key: "headcount.rankingUnknownUnit",
          params: { unit: name },
        });
    });
  } else {
    ranked = units
      .map((u, i) => ({ u, i }))
      .filter((x) => x.u.ranking !== undefined)
      .sort((a, b) => (a.u.ranking as number) - (b.u.ranking as number) || a.i - b.i)
      .map((x) => ({ u: x.u, rank: x.u.ranking as number }));
  }
  const n = ranked.length;
  const topCut = top > 0 && n > 0 ? ranked[Math.min(top, n) - 1].rank : -Infinity;
  const bottomCut = bottom > 0 && n > 0 ? ranked[Math.max(0, n - bottom)].rank : Infinity;
  let tops = 0;
  let bottoms = 0;
  const out: RankedUnit[] = ranked.map(({ u, rank }) => {
    const isTop = rank <= topCut;
    const isBottom = !isTop && rank >= bottomCut;
    if (isTop) tops++;
    if (isBottom) bottoms++;
    const change = isTop ? gain : isBottom ? -loss : 0;
    const r: RankedUnit = {
      row: u.row,
      unit: u.unit,
      rank,
      leaderQuota: u.leaderQuota,
      change,
      actualLeaders: u.actualLeaders,
      tie: false,
    };
    if (u.leaderQuota !== undefined) r.adjustedQuota = Math.max(0, u.leaderQuota + change);
    if (r.adjustedQuota !== undefined && u.actualLeaders !== undefined)
      r.overAdjusted = Math.max(0, u.actualLeaders - r.adjustedQuota);
    return r;
  });
  const tieAt = (cut: number, count: number, limit: number): void => {
    if (count <= limit) return;
    for (const r of out) {
      if (r.rank === cut) {
        r.tie = true;
        problems.push({
          severity: "warning",
          table: "units",
          tableRow: r.row,
          column: "考核排名",
          value: r.rank,
          key: "headcount.rankingTie",
          params: { unit: r.unit, rank: r.rank },
        });
      }
    }
  };
  tieAt(topCut, tops, top);
  tieAt(bottomCut, bottoms, bottom);
  return { value: out, problems };
}
