/**
 * Pay conversion (薪酬套改, DOMAIN §4): place each person on their new grade from their current pay,
 * protect red-circle differences (保留工资), and summarise payroll before and after.
 * All amounts are integer fen.
 */
import { roundHalfUp } from "../money";
import { normalizeHeader } from "../parse";
import { selectInRange } from "../select";
import { gradeKey, type Band, type PayGrade, type PayScale } from "./scale";

/** How a person is placed on a step table. */
export type ConversionRule = "notBelow" | "notAbove" | "nearest" | "entry" | "seniority";
/** What happens to pay above the grade's top (red circle). */
export type ProtectionMode = "none" | "keep" | "phase" | "absorb";

export const CONVERSION_RULES: ReadonlyArray<ConversionRule> = [
  "notBelow",
  "notAbove",
  "nearest",
  "entry",
  "seniority",
];
export const PROTECTION_MODES: ReadonlyArray<ProtectionMode> = ["none", "keep", "phase", "absorb"];

const RULE_NAMES: Readonly<Record<ConversionRule, string[]>> = {
  notBelow: ["notbelow", "就近就高", "notbelow就近就高"],
  notAbove: ["notabove", "就近就低"],
  nearest: ["nearest", "就近"],
  entry: ["entry", "起点", "起薪", "一档"],
  seniority: ["seniority", "工龄", "按工龄"],
};
const PROTECTION_NAMES: Readonly<Record<ProtectionMode, string[]>> = {
  none: ["none", "不保护", "无"],
  keep: ["keep", "保留", "保留工资"],
  phase: ["phase", "逐年过渡", "分年过渡", "过渡"],
  absorb: ["absorb", "冲销", "吸收", "增资冲销"],
};

function byName<T extends string>(names: Readonly<Record<T, string[]>>, text: string): T | undefined {
  const n = normalizeHeader(text).replace(/[-_]/g, "");
  for (const [k, list] of Object.entries(names) as [T, string[]][])
    if (list.some((x) => normalizeHeader(x) === n)) return k;
  return undefined;
}

/**
 * A conversion rule from its English key or Chinese name (case and spaces ignored).
 *
 * @example parseConversionRule("就近就低") // => "notAbove"
 * @example parseConversionRule("Not Below") // => "notBelow"
 */
export function parseConversionRule(text: string): ConversionRule | undefined {
  return byName(RULE_NAMES, text);
}

/**
 * A protection mode from its English key or Chinese name.
 *
 * @example parseProtectionMode("保留工资") // => "keep"
 */
export function parseProtectionMode(text: string): ProtectionMode | undefined {
  return byName(PROTECTION_NAMES, text);
}

export interface PayConversionSettings {
  /** Step rule, default `notBelow` (就近就高). */
  conversionRule: ConversionRule;
  /** Protection of red-circle differences, default `keep` (保留工资 as its own line). */
  protection: ProtectionMode;
  /** Years over which `phase` reduces the protected amount to 0 (default 3). */
  phaseYears: number;
  /** `seniority`: one step per this many years of service (default 2). */
  seniorityInterval: number;
  /** What-if multiplier applied to every amount of the scale (default 1). */
  scaleMultiplier: number;
  /**
   * Protect every loss, not only red circles (default false). With false, a loss caused by the rule
   * itself inside the grade (e.g. `notAbove`, `entry`) is not protected and shows as a negative change.
   */
  protectAllLosses: boolean;
  /** Number of bins of the histogram of changes (default 10). */
  histogramBins: number;
}

export const DEFAULT_PAY_CONVERSION_SETTINGS: Readonly<PayConversionSettings> = {
  conversionRule: "notBelow",
  protection: "keep",
  phaseYears: 3,
  seniorityInterval: 2,
  scaleMultiplier: 1,
  protectAllLosses: false,
  histogramBins: 10,
};

/** A person to convert, amounts in fen. */
export interface PayPerson {
  staffId: string;
  name?: string;
  unit?: string;
  /** Row in the Staff table, when read from one. */
  row?: number;
  grade: string;
  /** Current comparable monthly pay, fen. */
  currentPay: number;
  /** Years of service (for `seniority`). */
  years?: number;
  /** Where the grade came from (see tables.ts). */
  gradeSource?: "placement" | "post" | "grade";
  postId?: string;
}

/** Where the scale puts a person, before protection. */
export interface Placement {
  /** 1-based step; undefined when placed on a band. */
  step?: number;
  /** Scale pay in fen (岗位工资 from the grade). */
  pay: number;
  /** `red`: current pay above the grade's top; `green`: below its bottom (raised to it). */
  circle?: "red" | "green";
  /** The rule applied, or "band" for a grade with only a band. */
  rule: ConversionRule | "band";
}

/** One year of a `phase` schedule: the protected amount paid monthly during that year. */
export interface PhaseYear {
  year: number;
  protectedPay: number;
  /** Amount by which it is reduced at the end of this year. */
  reduction: number;
}

/** The protection applied to a person's difference. */
export interface Protection {
  /** Protected amount paid now (保留工资), fen per month. */
  protectedPay: number;
  /** The difference that protection did not keep (mode `none`), fen per month. */
  unprotectedLoss: number;
  /** `phase`: year-by-year protected amounts, reaching 0 after year N. */
  phase?: PhaseYear[];
  /** `absorb`: the amount future increases will be offset against (see `absorbIncrease`). */
  absorbable: number;
}

/** What the lines of one grade share within one run: the grade, the rule that placed them, the protection. */
export interface LineContext {
  readonly grade: PayGrade;
  /** The conversion rule, or "band" for a grade with only a band. */
  readonly rule: ConversionRule | "band";
  readonly protection: ProtectionMode;
  readonly phaseYears: number;
  /** The steps never decrease (always so when read from a table): a binary search finds `notBelow`. */
  readonly ordered: boolean;
}

/**
 * The context of a grade under some settings.
 *
 * @example lineContext({ grade: "A", steps: [300000, 320000] }, DEFAULT_PAY_CONVERSION_SETTINGS).rule // => "notBelow"
 */
export function lineContext(grade: PayGrade, settings: Readonly<PayConversionSettings>): LineContext {
  const s = grade.steps;
  let ordered = true;
  for (let i = 1; i < s.length; i++) if (s[i] < s[i - 1]) ordered = false;
  return {
    grade,
    rule: s.length > 0 ? settings.conversionRule : "band",
    protection: settings.protection,
    phaseYears: settings.phaseYears,
    ordered,
  };
}

/** A pay line as plain data (what `PayLine.toJSON` gives). */
export interface PayLineData extends Protection {
  staffId: string;
  name?: string;
  unit?: string;
  row?: number;
  grade: string;
  gradeSource?: PayPerson["gradeSource"];
  postId?: string;
  rule: ConversionRule | "band";
  step?: number;
  currentPay: number;
  newPay: number;
  totalPay: number;
  change: number;
  circle?: "red" | "green";
  compaRatio?: number;
  penetration?: number;
}

/**
 * One person's conversion. Amounts in fen per month.
 *
 * A line keeps only what the conversion decided (step, new pay, the difference protection applies to,
 * circle) beside its person and its grade's context; everything else is read from those when asked:
 * identity and current pay from the person (not copied: do not change a person after converting it),
 * protection by mode exactly as `protect`, band position exactly as `bandPosition`. So 100 000 lines hold
 * six fields each instead of twenty (the person they refer to stays alive with them), and a `phase`
 * schedule is built each time it is read (read it once per line). `toJSON()` gives every field as plain data.
 *
 * @example
 * const l = convertOne({ staffId: "S1", grade: "A", currentPay: 360000 }, { grade: "A", steps: [300000, 340000] });
 * [l.step, l.newPay, l.protectedPay, l.totalPay, l.change, l.circle] // => [2, 340000, 20000, 360000, 0, "red"]
 */
export class PayLine implements PayLineData {
  constructor(
    /** The person converted. */
    readonly person: Readonly<PayPerson>,
    /** The grade and settings the person was converted under. */
    readonly context: LineContext,
    /** 1-based step; undefined when placed on a band. */
    readonly step: number | undefined,
    /** Scale pay of the new grade and step (without protection). */
    readonly newPay: number,
    /** The part of current − new pay that protection applies to (red circle, or every loss if so set); 0 if none. */
    readonly difference: number,
    /** `red`: current pay above the grade's top; `green`: below its bottom (raised to it). */
    readonly circle: "red" | "green" | undefined,
  ) {}

  get staffId(): string {
    return this.person.staffId;
  }
  get name(): string | undefined {
    return this.person.name;
  }
  get unit(): string | undefined {
    return this.person.unit;
  }
  get row(): number | undefined {
    return this.person.row;
  }
  get gradeSource(): PayPerson["gradeSource"] {
    return this.person.gradeSource;
  }
  get postId(): string | undefined {
    return this.person.postId;
  }
  get currentPay(): number {
    return this.person.currentPay;
  }
  /** The grade as written in the pay scale. */
  get grade(): string {
    return this.context.grade.grade;
  }
  get rule(): ConversionRule | "band" {
    return this.context.rule;
  }
  /** Protected amount paid now (保留工资), fen per month. */
  get protectedPay(): number {
    return protectedPart(this.difference, this.context.protection);
  }
  /** The difference that protection did not keep (mode `none`), fen per month. */
  get unprotectedLoss(): number {
    return unprotectedPart(this.difference, this.context.protection);
  }
  /** `absorb`: the amount future increases will be offset against (see `absorbIncrease`). */
  get absorbable(): number {
    return absorbablePart(this.difference, this.context.protection);
  }
  /** `phase`: year-by-year protected amounts, reaching 0 after year N (a new array on each read). */
  get phase(): PhaseYear[] | undefined {
    return phaseOf(this.difference, this.context.protection, this.context.phaseYears);
  }
  /** newPay + protectedPay: what the person is paid. */
  get totalPay(): number {
    return this.newPay + this.protectedPay;
  }
  /** totalPay − currentPay. */
  get change(): number {
    return this.totalPay - this.person.currentPay;
  }
  /** newPay ÷ band mid (grades with a band). */
  get compaRatio(): number | undefined {
    return compaRatioOf(this.newPay, this.context.grade.band);
  }
  /** (newPay − min) ÷ (max − min) (grades with a band, max > min). */
  get penetration(): number | undefined {
    return penetrationOf(this.newPay, this.context.grade.band);
  }

  /** Every field as plain data (optional fields present as undefined). */
  toJSON(): PayLineData {
    return {
      staffId: this.staffId,
      name: this.name,
      unit: this.unit,
      row: this.row,
      grade: this.grade,
      gradeSource: this.gradeSource,
      postId: this.postId,
      rule: this.rule,
      step: this.step,
      currentPay: this.currentPay,
      newPay: this.newPay,
      totalPay: this.totalPay,
      change: this.change,
      circle: this.circle,
      protectedPay: this.protectedPay,
      unprotectedLoss: this.unprotectedLoss,
      phase: this.phase,
      absorbable: this.absorbable,
      compaRatio: this.compaRatio,
      penetration: this.penetration,
    };
  }
}

export interface UnitPayroll {
  unit: string;
  headcount: number;
  monthlyBefore: number;
  monthlyAfter: number;
  annualBefore: number;
  annualAfter: number;
  protectedMonthly: number;
}

export interface HistogramBin {
  /** Inclusive lower bound, fen. */
  from: number;
  /** Inclusive upper bound, fen. */
  to: number;
  count: number;
}

export interface PaySummary {
  headcount: number;
  monthlyBefore: number;
  monthlyAfter: number;
  annualBefore: number;
  annualAfter: number;
  /** Σ protected amounts, fen per month (included in monthlyAfter). */
  protectedMonthly: number;
  winners: number;
  losers: number;
  unchanged: number;
  redCircle: number;
  greenCircle: number;
  largestLoss?: { staffId: string; name?: string; unit?: string; amount: number };
  /** Percentiles of the change (PERCENTILE.INC, rounded half up to the fen). */
  percentiles: { p10: number; p25: number; p50: number; p75: number; p90: number };
  histogram: HistogramBin[];
  byUnit: UnitPayroll[];
}

export interface PayConversionResult {
  lines: PayLine[];
  /** People whose grade is not in the scale (core function only; the table reader reports these). */
  skipped: { staffId: string; row?: number; grade: string }[];
  summary: PaySummary;
  settings: PayConversionSettings;
}

/**
 * Places a current pay on a grade by a rule. Steps, when the grade has any, win over a band:
 * - `notBelow`: the lowest step ≥ current; `notAbove`: the highest step ≤ current (step 1 if none);
 * - `nearest`: the closest step, ties to the higher; `entry`: step 1;
 * - `seniority`: step 1 + ⌊years ÷ interval⌋, capped at the top step.
 * Above the top step the person is on the top step (or the rule's step) and red-circled; below step 1
 * they are raised to step 1 and green-circled. A band-only grade keeps the current pay clamped to
 * [min, max]: above max → red circle at max, below min → green circle raised to min.
 *
 * @example placeOnGrade(310000, { grade: "A", steps: [300000, 320000, 340000] }, "notBelow")
 *   // => { step: 2, pay: 320000, rule: "notBelow" }
 */
export function placeOnGrade(
  currentPay: number,
  grade: PayGrade,
  rule: ConversionRule,
  years = 0,
  seniorityInterval = 2,
): Placement {
  const s = grade.steps;
  const n = s.length;
  if (n === 0) {
    const band = grade.band!;
    if (currentPay > band.max) return { pay: band.max, circle: "red", rule: "band" };
    if (currentPay < band.min) return { pay: band.min, circle: "green", rule: "band" };
    return { pay: currentPay, rule: "band" };
  }
  let idx: number;
  switch (rule) {
    case "notBelow": {
      idx = n - 1;
      for (let i = 0; i < n; i++) {
        if (s[i] >= currentPay) {
          idx = i;
          break;
        }
      }
      break;
    }
    case "notAbove": {
      idx = 0;
      for (let i = n - 1; i >= 0; i--) {
        if (s[i] <= currentPay) {
          idx = i;
          break;
        }
      }
      break;
    }
    case "nearest": {
      idx = 0;
      let best = Math.abs(s[0] - currentPay);
      for (let i = 1; i < n; i++) {
        const d = Math.abs(s[i] - currentPay);
        if (d <= best) {
          // ties go to the higher step (later, never lower amount)
          best = d;
          idx = i;
        }
      }
      // equal amounts on several steps: a tie on the same amount keeps the lowest such step
      while (idx > 0 && s[idx - 1] === s[idx]) idx--;
      break;
    }
    case "entry":
      idx = 0;
      break;
    case "seniority": {
      const interval = seniorityInterval > 0 ? seniorityInterval : 2;
      const y = years > 0 && Number.isFinite(years) ? years : 0;
      idx = Math.min(n - 1, Math.floor(y / interval + 1e-9));
      break;
    }
  }
  const placement: Placement = { step: idx + 1, pay: s[idx], rule };
  if (currentPay > s[n - 1]) placement.circle = "red";
  else if (currentPay < s[0]) placement.circle = "green";
  return placement;
}

/**
 * Splits a protected difference into `years` equal parts (largest remainder, so they sum exactly) and
 * gives the year-by-year protected amount: paid in full in year 1, reduced by one part at the end of
 * each year, 0 from year N + 1 on.
 *
 * @example phaseSchedule(1000, 3)
 *   // => [{ year: 1, protectedPay: 1000, reduction: 334 }, { year: 2, protectedPay: 666, reduction: 333 },
 *   //     { year: 3, protectedPay: 333, reduction: 333 }]
 */
export function phaseSchedule(difference: number, years: number): PhaseYear[] {
  const n = Math.max(1, Math.floor(years));
  // Equal weights: exactly allocate(difference, [1, …, 1]) — ⌊d ÷ n⌋ each, the first d mod n one fen more.
  const q = Math.floor(difference / n);
  const extra = difference - q * n;
  const out: PhaseYear[] = new Array<PhaseYear>(n);
  let left = difference;
  for (let k = 0; k < n; k++) {
    const part = k < extra ? q + 1 : q;
    out[k] = { year: k + 1, protectedPay: left, reduction: part };
    left -= part;
  }
  return out;
}

/**
 * Applies a pay increase to an `absorb` protection: the increase is first offset against the protected
 * amount, so total pay rises only once the protection is used up.
 *
 * @example absorbIncrease(50000, 30000) // => { protectedPay: 20000, paidIncrease: 0 }
 * @example absorbIncrease(20000, 30000) // => { protectedPay: 0, paidIncrease: 10000 }
 */
export function absorbIncrease(protectedPay: number, increase: number): { protectedPay: number; paidIncrease: number } {
  const used = Math.min(protectedPay, Math.max(0, increase));
  return { protectedPay: protectedPay - used, paidIncrease: Math.max(0, increase) - used };
}

/**
 * Protection of a difference (fen) by mode: `none` pays nothing and reports the loss; `keep` keeps it
 * as 保留工资 for good; `phase` keeps it and gives the schedule down to 0 over `phaseYears`; `absorb`
 * keeps it and records it as the amount future increases are offset against.
 *
 * @example protect(50000, "phase", 2).phase // => [{ year: 1, protectedPay: 50000, reduction: 25000 }, { year: 2, protectedPay: 25000, reduction: 25000 }]
 */
export function protect(difference: number, mode: ProtectionMode, phaseYears = 3): Protection {
  const out: Protection = {
    protectedPay: protectedPart(difference, mode),
    unprotectedLoss: unprotectedPart(difference, mode),
    absorbable: absorbablePart(difference, mode),
  };
  const phase = phaseOf(difference, mode, phaseYears);
  if (phase) out.phase = phase;
  return out;
}

// The parts of `protect`, one each, for the lines that derive them on read (a difference ≤ 0 protects nothing).
/** What the mode pays as 保留工资: the whole difference, except under `none`. */
function protectedPart(difference: number, mode: ProtectionMode): number {
  return difference > 0 && mode !== "none" ? difference : 0;
}
/** What the mode leaves unpaid: the whole difference under `none`. */
function unprotectedPart(difference: number, mode: ProtectionMode): number {
  return difference > 0 && mode === "none" ? difference : 0;
}
/** What future increases are offset against: the whole difference under `absorb`. */
function absorbablePart(difference: number, mode: ProtectionMode): number {
  return difference > 0 && mode === "absorb" ? difference : 0;
}
/** The year-by-year schedule under `phase`. */
function phaseOf(difference: number, mode: ProtectionMode, phaseYears: number): PhaseYear[] | undefined {
  return difference > 0 && mode === "phase" ? phaseSchedule(difference, phaseYears) : undefined;
}

/**
 * The part of current − new pay that protection applies to: a red circle's loss, or every loss when
 * `protectAllLosses` is set; 0 otherwise.
 */
function protectableDifference(
  currentPay: number,
  newPay: number,
  circle: "red" | "green" | undefined,
  protectAllLosses: boolean,
): number {
  const diff = currentPay - newPay;
  return diff > 0 && (circle === "red" || protectAllLosses) ? diff : 0;
}

/**
 * Compa-ratio (pay ÷ mid) and range penetration ((pay − min) ÷ (max − min)) of a pay on a grade's band.
 * Undefined without a band; penetration undefined when max = min.
 *
 * @example bandPosition(450000, { grade: "B", steps: [], band: { min: 400000, mid: 500000, max: 600000 } })
 *   // => { compaRatio: 0.9, penetration: 0.25 }
 */
export function bandPosition(pay: number, grade: PayGrade): { compaRatio?: number; penetration?: number } {
  const b = grade.band;
  if (!b) return {};
  return { compaRatio: compaRatioOf(pay, b), penetration: penetrationOf(pay, b) };
}

/** pay ÷ mid; undefined without a band or with mid ≤ 0. */
function compaRatioOf(pay: number, b: Band | undefined): number | undefined {
  return b && b.mid > 0 ? pay / b.mid : undefined;
}

/** (pay − min) ÷ (max − min); undefined without a band or with max = min. */
function penetrationOf(pay: number, b: Band | undefined): number | undefined {
  return b && b.max > b.min ? (pay - b.min) / (b.max - b.min) : undefined;
}

/**
 * Converts one person on one grade: placement, protection, band position.
 *
 * @example convertOne({ staffId: "S1", grade: "A", currentPay: 360000 }, { grade: "A", steps: [300000, 340000] })
 *   // => { …, step: 2, newPay: 340000, protectedPay: 20000, totalPay: 360000, change: 0, circle: "red" }
 */
export function convertOne(
  person: PayPerson,
  grade: PayGrade,
  settings: Readonly<PayConversionSettings> = DEFAULT_PAY_CONVERSION_SETTINGS,
): PayLine {
  const p = placeOnGrade(person.currentPay, grade, settings.conversionRule, person.years, settings.seniorityInterval);
  const protectable = protectableDifference(person.currentPay, p.pay, p.circle, settings.protectAllLosses);
  return new PayLine(person, lineContext(grade, settings), p.step, p.pay, protectable, p.circle);
}

/**
 * PERCENTILE.INC of sorted values (linear interpolation between closest ranks), rounded half up.
 *
 * @example percentileInc([0, 10, 20, 30], 0.5) // => 15
 */
export function percentileInc(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const h = (n - 1) * p;
  const lo = Math.floor(h + 1e-9);
  const hi = Math.min(n - 1, lo + 1);
  const v = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  return roundHalfUp(v, 0);
}

/**
 * Histogram of integer values in `bins` equal-width bins from the minimum to the maximum (each bin
 * inclusive of both bounds, widths in whole fen; fewer bins when the spread is smaller than `bins` fen).
 *
 * @example histogram([0, 5, 10], 2) // => [{ from: 0, to: 5, count: 2 }, { from: 6, to: 10, count: 1 }]
 */
export function histogram(values: ArrayLike<number>, bins = 10): HistogramBin[] {
  const n = values.length;
  if (n === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  const b = Math.max(1, Math.floor(bins));
  const width = Math.max(1, Math.ceil((max - min + 1) / b));
  const count = Math.min(b, Math.floor((max - min) / width) + 1);
  const out: HistogramBin[] = [];
  for (let i = 0; i < count; i++)
    out.push({ from: min + i * width, to: i === count - 1 ? max : min + (i + 1) * width - 1, count: 0 });
  for (let i = 0; i < n; i++) out[Math.min(count - 1, Math.floor((values[i] - min) / width))].count++;
  return out;
}

/**
 * Summary of converted lines: payroll before/after (monthly, annual ×12) overall and by unit (in order of
 * first appearance; a blank unit is ""), winners/losers/unchanged by total change, the largest loss (first
 * in row order on a tie), percentiles and a histogram of the change.
 *
 * @example summarize([line]).monthlyAfter // => Σ totalPay
 */
export function summarize(lines: ReadonlyArray<PayLine>, bins = 10): PaySummary {
  const acc = new SummaryAccumulator(lines.length);
  for (let i = 0; i < lines.length; i++) acc.add(lines[i]);
  return acc.finish(lines, bins);
}

/** Circle codes kept in a typed array while summarising. */
const CIRCLE_NONE = 0;
const CIRCLE_RED = 1;
const CIRCLE_GREEN = 2;

/** One pass over the lines (as they are built), then percentiles by selection and the histogram by counting. */
class SummaryAccumulator {
  private readonly changes: Float64Array;
  private readonly units = new Map<string, UnitPayroll>();
  private lastKey: string | undefined = undefined;
  private lastUnit: UnitPayroll | undefined = undefined;
  private n = 0;
  private before = 0;
  private after = 0;
  private prot = 0;
  private winners = 0;
  private losers = 0;
  private red = 0;
  private green = 0;
  private worst = -1;
  private worstChange = 0;

  constructor(capacity: number) {
    this.changes = new Float64Array(capacity);
  }

  add(l: PayLine): void {
    this.addValues(
      l.currentPay,
      l.totalPay,
      l.protectedPay,
      l.change,
      l.circle === "red" ? CIRCLE_RED : l.circle === "green" ? CIRCLE_GREEN : CIRCLE_NONE,
      l.unit,
    );
  }

  addValues(
    currentPay: number,
    totalPay: number,
    protectedPay: number,
    change: number,
    circle: number,
    unit: string | undefined,
  ): void {
    const i = this.n++;
    this.before += currentPay;
    this.after += totalPay;
    this.prot += protectedPay;
    this.changes[i] = change;
    if (change > 0) this.winners++;
    else if (change < 0) {
      this.losers++;
      if (this.worst < 0 || change < this.worstChange) {
        this.worst = i;
        this.worstChange = change;
      }
    }
    if (circle === CIRCLE_RED) this.red++;
    else if (circle === CIRCLE_GREEN) this.green++;
    const key = unit ?? "";
    let u: UnitPayroll | undefined;
    if (key === this.lastKey) u = this.lastUnit!;
    else {
      u = this.units.get(key);
      if (!u) {
        u = {
          unit: key,
          headcount: 0,
          monthlyBefore: 0,
          monthlyAfter: 0,
          annualBefore: 0,
          annualAfter: 0,
          protectedMonthly: 0,
        };
        this.units.set(key, u);
      }
      this.lastKey = key;
      this.lastUnit = u;
    }
    u.headcount++;
    u.monthlyBefore += currentPay;
    u.monthlyAfter += totalPay;
    u.protectedMonthly += protectedPay;
  }

  finish(lines: ReadonlyArray<PayLine>, bins: number): PaySummary {
    const n = this.n;
    for (const u of this.units.values()) {
      u.annualBefore = u.monthlyBefore * 12;
      u.annualAfter = u.monthlyAfter * 12;
    }
    const changes = this.changes.length === n ? this.changes : this.changes.subarray(0, n);
    const hist = histogram(changes, bins);
    // Percentiles need only a few order statistics: select them in increasing order on a scratch copy.
    const ps = [0.1, 0.25, 0.5, 0.75, 0.9];
    const pv = percentilesBySelection(changes, ps);
    const before = this.before;
    const after = this.after;
    const summary: PaySummary = {
      headcount: n,
      monthlyBefore: before,
      monthlyAfter: after,
      annualBefore: before * 12,
      annualAfter: after * 12,
      protectedMonthly: this.prot,
      winners: this.winners,
      losers: this.losers,
      unchanged: n - this.winners - this.losers,
      redCircle: this.red,
      greenCircle: this.green,
      percentiles: { p10: pv[0], p25: pv[1], p50: pv[2], p75: pv[3], p90: pv[4] },
      histogram: hist,
      byUnit: [...this.units.values()],
    };
    if (this.worst >= 0) {
      const w = lines[this.worst];
      summary.largestLoss = { staffId: w.staffId, amount: -w.change };
      if (w.name !== undefined) summary.largestLoss.name = w.name;
      if (w.unit !== undefined) summary.largestLoss.unit = w.unit;
    }
    return summary;
  }
}

/**
 * `percentileInc(sorted, p)` for each p (ascending), without sorting: each needs the order statistics at ⌊h⌋
 * and ⌊h⌋ + 1, found by selection on a scratch copy, each search starting after the previous one.
 */
function percentilesBySelection(values: Float64Array, ps: ReadonlyArray<number>): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => 0);
  const counted = percentilesByCounting(values, ps);
  if (counted) return counted;
  const a = values.slice();
  const out: number[] = [];
  let from = 0;
  for (const p of ps) {
    const h = (n - 1) * p;
    const lo = Math.floor(h + 1e-9);
    const hi = Math.min(n - 1, lo + 1);
    const vlo = selectInRange(a, from, n - 1, lo);
    let vhi = vlo;
    if (hi > lo) {
      // Everything after position lo is ≥ a[lo]: the next order statistic is their minimum.
      vhi = a[lo + 1];
      for (let i = lo + 2; i < n; i++) if (a[i] < vhi) vhi = a[i];
    }
    out.push(roundHalfUp(vlo + (h - lo) * (vhi - vlo), 0));
    from = lo;
  }
  return out;
}

/**
 * The same order statistics by counting, when every value is an integer (fen) and their range is small
 * (at most 2n + 1024 distinct possible values): one pass to count, one walk over the counts. Exact, as
 * selection; undefined when the values do not qualify.
 */
function percentilesByCounting(values: Float64Array, ps: ReadonlyArray<number>): number[] | undefined {
  const n = values.length;
  let min = values[0];
  let max = values[0];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== Math.floor(v)) return undefined;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  const range = max - min;
  if (!(range <= 2 * n + 1024)) return undefined;
  const counts = new Int32Array(range + 1);
  for (let i = 0; i < n; i++) counts[values[i] - min]++;
  const out: number[] = [];
  // Walk the counts once: `bucket` is the value of order statistic `seen - 1` … `seen + counts[bucket] - 1`.
  let bucket = 0;
  let seen = counts[0];
  for (const p of ps) {
    const h = (n - 1) * p;
    const lo = Math.floor(h + 1e-9);
    const hi = Math.min(n - 1, lo + 1);
    // lo never decreases from one p to the next, so the walk goes on from where it stopped.
    while (seen <= lo) seen += counts[++bucket];
    const vlo = min + bucket;
    let vhi = vlo;
    if (hi > lo && seen <= hi) {
      let b = bucket + 1;
      while (counts[b] === 0) b++;
      vhi = min + b;
    }
    out.push(roundHalfUp(vlo + (h - lo) * (vhi - vlo), 0));
  }
  return out;
}

/**
 * Converts people onto a pay scale (core function over plain data; amounts in fen). People whose grade is
 * not in the scale are listed in `skipped`. Same input, same output.
 *
 * @example
 * convertPay([{ staffId: "S1", grade: "A", currentPay: 310000 }], payScaleOf([{ grade: "A", steps: [3000, 3200] }]))
 *   .lines[0] // => { step: 2, newPay: 320000, change: 10000, … }
 */
export function convertPay(
  people: ReadonlyArray<PayPerson>,
  scale: PayScale,
  settings: Partial<PayConversionSettings> = {},
): PayConversionResult {
  const s: PayConversionSettings = { ...DEFAULT_PAY_CONVERSION_SETTINGS, ...settings };
  const lines: PayLine[] = [];
  const skipped: PayConversionResult["skipped"] = [];
  const contexts = new Map<string, LineContext | undefined>();
  const acc = new SummaryAccumulator(people.length);
  const rule = s.conversionRule;
  const mode = s.protection;
  const protectAll = s.protectAllLosses;
  let lastGrade: string | undefined = undefined;
  let lastContext: LineContext | undefined = undefined;
  for (let pi = 0; pi < people.length; pi++) {
    const person = people[pi];
    let ctx: LineContext | undefined;
    if (person.grade === lastGrade) ctx = lastContext;
    else {
      ctx = contexts.get(person.grade);
      if (ctx === undefined && !contexts.has(person.grade)) {
        const g = scale.get(gradeKey(person.grade));
        ctx = g && (g.steps.length > 0 || g.band) ? lineContext(g, s) : undefined;
        contexts.set(person.grade, ctx);
      }
      lastGrade = person.grade;
      lastContext = ctx;
    }
    if (!ctx) {
      const sk: PayConversionResult["skipped"][number] = { staffId: person.staffId, grade: person.grade };
      if (person.row !== undefined) sk.row = person.row;
      skipped.push(sk);
      continue;
    }
    // Placement (as placeOnGrade), inline: no intermediate objects per person.
    const cur = person.currentPay;
    let step: number | undefined;
    let pay: number;
    let circle: "red" | "green" | undefined;
    const st = ctx.grade.steps;
    const n = st.length;
    if (n === 0) {
      const band = ctx.grade.band!;
      if (cur > band.max) {
        pay = band.max;
        circle = "red";
      } else if (cur < band.min) {
        pay = band.min;
        circle = "green";
      } else pay = cur;
    } else {
      const idx =
        rule === "notBelow" && ctx.ordered
          ? lowestStepAtLeast(st, cur)
          : rule === "seniority"
            ? seniorityStep(n, person.years ?? 0, s.seniorityInterval)
            : stepIndex(st, cur, rule);
      step = idx + 1;
      pay = st[idx];
      if (cur > st[n - 1]) circle = "red";
      else if (cur < st[0]) circle = "green";
    }
    // Protection (as convertOne; the line derives the rest from the difference and the mode, as protect).
    const protectable = protectableDifference(cur, pay, circle, protectAll);
    const protectedPay = protectedPart(protectable, mode);
    lines.push(new PayLine(person, ctx, step, pay, protectable, circle));
    acc.addValues(
      cur,
      pay + protectedPay,
      protectedPay,
      pay + protectedPay - cur,
      circle === "red" ? CIRCLE_RED : circle === "green" ? CIRCLE_GREEN : CIRCLE_NONE,
      person.unit,
    );
  }
  return { lines, skipped, summary: acc.finish(lines, s.histogramBins), settings: s };
}

/** `notBelow`: index of the lowest step ≥ current (steps never decrease), the top step when none; binary search. */
function lowestStepAtLeast(s: ReadonlyArray<number>, cur: number): number {
  const n = s.length;
  if (s[n - 1] < cur) return n - 1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid] >= cur) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** `seniority` step index, as placeOnGrade. */
function seniorityStep(n: number, years: number, seniorityInterval: number): number {
  const interval = seniorityInterval > 0 ? seniorityInterval : 2;
  const y = years > 0 && Number.isFinite(years) ? years : 0;
  return Math.min(n - 1, Math.floor(y / interval + 1e-9));
}

/** The other step rules: exactly placeOnGrade's choice of step. */
function stepIndex(s: ReadonlyArray<number>, cur: number, rule: ConversionRule): number {
  return placeOnGrade(cur, { grade: "", steps: s as number[] }, rule).step! - 1;
}
