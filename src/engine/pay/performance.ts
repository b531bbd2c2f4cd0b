/**
 * Performance pay (绩效薪酬, DOMAIN §5): the pool splits into a basic part paid by post coefficient and a
 * reward part allocated on two levels (units, then people). Every split is exact to the fen.
 */
import { roundHalfUp, yuanToFen, type Rounding } from "../money";
import { fail, ok, type Outcome, type Problem } from "../types";
import { splitExact, splitWithCap } from "./allocation";
import { DEFAULT_SHARE_ROUNDING, type RatingLevel } from "./forced";

export interface PerformancePaySettings {
  /** Pool as a fixed amount, yuan. The first of poolAmount, poolPerCapita, poolPercent that is set is used. */
  poolAmount?: number;
  /** Pool as yuan per person × headcount (the people allocated). */
  poolPerCapita?: number;
  /** Pool as a fraction of the annual base payroll (0.1 = 10%). */
  poolPercent?: number;
  /**
   * Annual base payroll for `poolPercent`, yuan. Default: the new monthly payroll after conversion × 12
   * when a PayScale table is present, else Σ current pay × 12.
   */
  poolBase?: number;
  /** Basic share 基础性 (default 0.7); the reward share 奖励性 is the rest. */
  basicShare: number;
  /** Individual cap k: no one's reward above k × their unit's average reward (k ≥ 1; unset = no cap). */
  individualCap?: number;
  /** Round every amount to whole yuan (odd fen of a pool that is not whole yuan are spread too). */
  wholeYuan: boolean;
  /** Ratings: `given` (Staff 考核等次), `forced` (from 绩效得分 per unit), `auto` (given if any, else forced). */
  ratingSource: "auto" | "given" | "forced";
  capRounding: Rounding;
  floorRounding: Rounding;
  /** Overrides of the Ratings table's Max Share, by rating label (scenarios). */
  ratingCaps?: Record<string, number>;
}

export const DEFAULT_PERFORMANCE_PAY_SETTINGS: Readonly<PerformancePaySettings> = {
  basicShare: 0.7,
  wholeYuan: false,
  ratingSource: "auto",
  capRounding: DEFAULT_SHARE_ROUNDING.capRounding,
  floorRounding: DEFAULT_SHARE_ROUNDING.floorRounding,
};

/** A person in the allocation. */
export interface PerfPerson {
  staffId: string;
  name?: string;
  unit: string;
  row?: number;
  postCoefficient: number;
  /** Rating label; undefined = no rating (no reward share). */
  rating?: string;
}

/** A performance pay line as plain data (what `PerfLine.toJSON` gives). */
export interface PerfLineData {
  staffId: string;
  name?: string;
  unit: string;
  row?: number;
  postCoefficient: number;
  rating?: string;
  ratingCoefficient: number;
  basic: number;
  reward: number;
  total: number;
  capped: boolean;
}

/**
 * One person's performance pay, in fen. A line keeps what the allocation decided (rating coefficient,
 * basic, reward, capped) beside its person, and reads identity, post coefficient and rating from the
 * person (not copied: do not change a person after allocating). `toJSON()` gives every field as plain data.
 *
 * @example new PerfLine({ staffId: "A", unit: "U", postCoefficient: 1, rating: "优秀" }, 1.5, 35000, 18000, false).total
 *   // => 53000
 */
export class PerfLine implements PerfLineData {
  constructor(
    readonly person: Readonly<PerfPerson>,
    /** The rating's coefficient (0 without a rating or with an unknown one). */
    readonly ratingCoefficient: number,
    /** Basic share 基础性, fen. */
    readonly basic: number,
    /** Reward share 奖励性, fen. */
    readonly reward: number,
    /** Reward held at the individual cap. */
    readonly capped: boolean,
  ) {}

  get staffId(): string {
    return this.person.staffId;
  }
  get name(): string | undefined {
    return this.person.name;
  }
  get unit(): string {
    return this.person.unit;
  }
  get row(): number | undefined {
    return this.person.row;
  }
  get postCoefficient(): number {
    return this.person.postCoefficient;
  }
  /** Rating label; undefined = no rating. */
  get rating(): string | undefined {
    return this.person.rating;
  }
  /** basic + reward, fen. */
  get total(): number {
    return this.basic + this.reward;
  }

  /** Every field as plain data (optional fields present as undefined). */
  toJSON(): PerfLineData {
    return {
      staffId: this.staffId,
      name: this.name,
      unit: this.unit,
      row: this.row,
      postCoefficient: this.postCoefficient,
      rating: this.rating,
      ratingCoefficient: this.ratingCoefficient,
      basic: this.basic,
      reward: this.reward,
      total: this.total,
      capped: this.capped,
    };
  }
}

export interface PerfUnitLine {
  unit: string;
  headcount: number;
  /** Unit assessment coefficient (Units 考核系数, default 1). */
  coefficient: number;
  /** Σ post coefficient × unit coefficient (0 when no one in the unit can receive a reward). */
  weight: number;
  rewardPool: number;
  basic: number;
  reward: number;
  total: number;
  /** The individual cap in fen, when set. */
  cap?: number;
  capped: number;
  /** The cap could not be held (the people below it all have weight 0): the uncapped split is kept. */
  capInfeasible?: boolean;
}

export interface PerformancePayResult {
  /** Fen. */
  pool: number;
  basicPool: number;
  rewardPool: number;
  lines: PerfLine[];
  units: PerfUnitLine[];
  /** Where the pool came from, for notes. */
  poolSource: "amount" | "perCapita" | "percent";
  /** The annual base for `percent`, fen. */
  poolBase?: number;
  ratingSource: "given" | "forced" | "none";
  settings: PerformancePaySettings;
}

export interface AllocateOptions {
  basicShare?: number;
  wholeYuan?: boolean;
  individualCap?: number;
  /** Unit assessment coefficients by unit (default 1). */
  unitCoefficients?: ReadonlyMap<string, number>;
}

export type PerfAllocation = Pick<PerformancePayResult, "pool" | "basicPool" | "rewardPool" | "lines" | "units">;

function problem(key: string, params: Record<string, string | number>, p?: PerfPerson): Problem {
  const pr: Problem = { severity: "error", table: p ? "staff" : "settings", key, params };
  if (p?.row !== undefined) pr.tableRow = p.row;
  return pr;
}

/**
 * Allocates a pool (fen) exactly:
 * 1. basic = pool × basicShare and reward = the rest, split by largest remainder;
 * 2. basic to every person in proportion to post coefficient;
 * 3. reward to units in proportion to Σ(post coefficient) × unit coefficient over all their people; a unit
 *    where no one can receive a reward (every post × rating coefficient is 0) gets none, so no money is
 *    stranded (callers report such units);
 * 4. each unit's reward to its people in proportion to post coefficient × rating coefficient, with the
 *    optional cap ⌈k × unit reward ÷ headcount⌉ (whole yuan when rounding to yuan) enforced by redistribution.
 * Every level sums to its pool to the fen. People without a rating, or with an unknown one, get
 * coefficient 0 (callers report them). Same input, same output.
 *
 * @example
 * allocatePerformancePay([{ staffId: "A", unit: "U", postCoefficient: 1, rating: "优秀" },
 *   { staffId: "B", unit: "U", postCoefficient: 1, rating: "合格" }],
 *   [{ rating: "优秀", coefficient: 1.5 }, { rating: "合格", coefficient: 1 }], 100000).value.lines.map((l) => l.total)
 *   // => [53000, 47000]  (basic 35000 each; reward 18000 / 12000)
 */
export function allocatePerformancePay(
  people: ReadonlyArray<PerfPerson>,
  ratings: ReadonlyArray<RatingLevel>,
  pool: number,
  options: AllocateOptions = {},
): Outcome<PerfAllocation> {
  const basicShare = options.basicShare ?? DEFAULT_PERFORMANCE_PAY_SETTINGS.basicShare;
  const unit = options.wholeYuan ? 100 : 1;
  if (!Number.isSafeInteger(pool) || pool < 0) return fail([problem("perf.badPool", { value: pool })]);
  if (!(basicShare >= 0 && basicShare <= 1))
    return fail([problem("perf.badSetting", { name: "basicShare", value: basicShare })]);
  const k = options.individualCap;
  if (k !== undefined && !(k >= 1)) return fail([problem("perf.badSetting", { name: "individualCap", value: k })]);
  const n = people.length;
  const coef = new Map<string, number>();
  for (const r of ratings) coef.set(r.rating, r.coefficient);

  const [basicPool, rewardPool] = splitExact(pool, [basicShare, 1 - basicShare], unit) ?? [0, 0];
  const post = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const pc = people[i].postCoefficient;
    post[i] = pc > 0 && Number.isFinite(pc) ? pc : 0;
  }
  const basic = splitExact(basicPool, post, unit);
  if (!basic) return fail([problem("perf.noBasicWeight", { pool: basicPool / 100 })]);

  // Units in order of first appearance.
  const unitIndex = new Map<string, number>();
  const units: PerfUnitLine[] = [];
  const rc = new Float64Array(n);
  const unitOf = new Int32Array(n);
  const receivable: boolean[] = [];
  const weightSum: number[] = [];
  let lastUnit: string | undefined = undefined;
  let lastU = -1;
  let lastRating: string | undefined = undefined;
  let lastRc = 0;
  for (let i = 0; i < n; i++) {
    const p = people[i];
    let u: number | undefined;
    if (p.unit === lastUnit && lastU >= 0) u = lastU;
    else {
      u = unitIndex.get(p.unit);
      if (u === undefined) {
        u = units.length;
        unitIndex.set(p.unit, u);
        const c = options.unitCoefficients?.get(p.unit);
        units.push({
          unit: p.unit,
          headcount: 0,
          coefficient: c !== undefined && c >= 0 ? c : 1,
          weight: 0,
          rewardPool: 0,
          basic: 0,
          reward: 0,
          total: 0,
          capped: 0,
        });
        receivable.push(false);
        weightSum.push(0);
      }
      lastUnit = p.unit;
      lastU = u;
    }
    unitOf[i] = u;
    units[u].headcount++;
    let r: number | undefined;
    if (p.rating === undefined) r = undefined;
    else if (p.rating === lastRating) r = lastRc;
    else {
      r = coef.get(p.rating);
      lastRating = p.rating;
      lastRc = r as number;
    }
    const rci = r !== undefined && r > 0 ? r : 0;
    rc[i] = rci;
    weightSum[u] += post[i];
    if (rci > 0 && post[i] > 0) receivable[u] = true;
  }
  const U = units.length;
  // Members of each unit in row order, by counting: start[u] … start[u + 1] in `members`.
  const start = new Int32Array(U + 1);
  for (let i = 0; i < n; i++) start[unitOf[i] + 1]++;
  for (let u = 0; u < U; u++) start[u + 1] += start[u];
  const members = new Int32Array(n);
  const fillAt = start.slice(0, U);
  for (let i = 0; i < n; i++) members[fillAt[unitOf[i]]++] = i;
  const unitWeights = new Array<number>(U);
  for (let ui = 0; ui < U; ui++) {
    const u = units[ui];
    u.weight = receivable[ui] ? roundHalfUp(weightSum[ui] * u.coefficient, 6) : 0;
    unitWeights[ui] = u.weight;
  }
  const unitPools = splitExact(rewardPool, unitWeights, unit);
  if (!unitPools) return fail([problem("perf.noRewardWeight", { pool: rewardPool / 100 })]);

  const reward = new Float64Array(n);
  const capped = new Uint8Array(n);
  for (let ui = 0; ui < U; ui++) {
    const u = units[ui];
    u.rewardPool = unitPools[ui];
    if (u.rewardPool === 0) continue;
    const s0 = start[ui];
    const m = start[ui + 1] - s0;
    const w = new Array<number>(m);
    for (let j = 0; j < m; j++) {
      const i = members[s0 + j];
      w[j] = post[i] * rc[i];
    }
    let parts: number[] | null;
    if (k !== undefined) {
      const avg = (k * u.rewardPool) / u.headcount;
      const cap = unit > 1 ? Math.ceil(avg / unit - 1e-9) * unit : Math.ceil(avg - 1e-9);
      u.cap = cap;
      const split = splitWithCap(u.rewardPool, w, cap, unit);
      parts = split ? split.parts : null;
      if (split && !split.infeasible) for (let j = 0; j < m; j++) capped[members[s0 + j]] = split.capped[j] ? 1 : 0;
      if (split?.infeasible) u.capInfeasible = true;
    } else parts = splitExact(u.rewardPool, w, unit);
    if (!parts) return fail([problem("perf.noRewardWeight", { pool: u.rewardPool / 100 })]);
    for (let j = 0; j < m; j++) reward[members[s0 + j]] = parts[j];
  }

  const lines: PerfLine[] = new Array<PerfLine>(n);
  for (let i = 0; i < n; i++) {
    const p = people[i];
    const bi = basic[i];
    const ri = reward[i];
    const ci = capped[i] === 1;
    lines[i] = new PerfLine(p, rc[i], bi, ri, ci);
    const u = units[unitOf[i]];
    u.basic += bi;
    u.reward += ri;
    u.total += bi + ri;
    if (ci) u.capped++;
  }
  return ok({ pool, basicPool, rewardPool, lines, units });
}

/**
 * The pool in fen from settings: a fixed amount, per capita × headcount, or a fraction of an annual base
 * (fen), each rounded half up to the fen. `undefined` when no pool is set.
 *
 * @example poolFromSettings({ poolPerCapita: 1000.5 }, 3) // => { pool: 300150, source: "perCapita" }
 */
export function poolFromSettings(
  s: Pick<PerformancePaySettings, "poolAmount" | "poolPerCapita" | "poolPercent">,
  headcount: number,
  baseFen?: number,
): { pool: number; source: PerformancePayResult["poolSource"] } | undefined {
  if (s.poolAmount !== undefined) return { pool: yuanToFen(s.poolAmount), source: "amount" };
  if (s.poolPerCapita !== undefined) return { pool: yuanToFen(s.poolPerCapita) * headcount, source: "perCapita" };
  if (s.poolPercent !== undefined && baseFen !== undefined)
    return { pool: roundHalfUp(baseFen * s.poolPercent, 0), source: "percent" };
  return undefined;
}

/** Used by tests and the bench: Σ of a list. */
export function sum(xs: ReadonlyArray<number>): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
