/**
 * The revolving headcount pool (周转编制池), DOMAIN §1 and §6: slots owned by the pool, lent to units
 * for a term, and given back. Pure: the date of a balance is passed in (a day number), never the clock.
 *
 * Decisions:
 * - Events are replayed in date order. On one day, returns of earlier loans come first (a slot given
 *   back in the morning can be lent the same day), then borrows in ledger row order. A loan borrowed
 *   and returned on the same day needs a free slot when it is borrowed and holds none at the end of the
 *   day.
 * - A borrow that would take the slots on loan above the capacity (of its kind, or of the whole pool
 *   when one total is set) is refused: it never counts, and its return is ignored.
 * - The balance as of a day is the position at the end of that day: loans returned on that day are back.
 * - A loan is overdue as of a day when its due date is before that day and it was not returned by then.
 * - A row returned before it was borrowed has no matching loan: it is reported and left out.
 * - Without a capacity, nothing is refused and available/utilisation are unknown (null).
 */
import { addMonths, formatDay, normalizeHeader } from "../parse";
import { roundHalfUp } from "../money";
import type { Problem } from "../types";

/** One row of the pool ledger. Dates are day numbers (parse.ts `parseDate`). */
export interface PoolLoan {
  row?: number;
  unit: string;
  /** 编制类型 (行政/事业/员额); "" when not given. */
  kind: string;
  slots: number;
  borrowed: number;
  due?: number;
  returned?: number;
  purpose?: string;
}

/** Pool capacity: one total for all kinds, or a capacity per kind. Undefined = not set. */
export type PoolCapacity = number | Readonly<Record<string, number>> | undefined;

/** The bucket of one total when the capacity is a single number. */
export const ALL_KINDS = "*";

export type LoanDecision = "accepted" | "refused" | "invalid";

export interface LoanReplay {
  decision: LoanDecision;
  /** For refused loans: the capacity bucket and the slots free when it was asked for. */
  bucket?: string;
  availableAtBorrow?: number;
  /** Why: "capacity" (not enough free slots), "noCapacity" (no capacity set for its kind), "returnBeforeBorrow". */
  reason?: "capacity" | "noCapacity" | "returnBeforeBorrow";
}

/** Slots on loan per bucket at the end of a day on which something happened. */
export interface PoolTimelinePoint {
  day: number;
  lent: Record<string, number>;
}

export interface PoolReplay {
  /** One entry per loan, in the order given. */
  loans: LoanReplay[];
  /** Buckets in order: the capacity map's kinds (or ALL_KINDS); kinds without capacity are not buckets. */
  buckets: { bucket: string; capacity: number | null }[];
  timeline: PoolTimelinePoint[];
}

function bucketsOf(capacity: PoolCapacity): {
  list: { bucket: string; capacity: number | null }[];
  find: (kind: string) => string | undefined;
} {
  if (capacity === undefined || typeof capacity === "number") {
    return { list: [{ bucket: ALL_KINDS, capacity: capacity ?? null }], find: () => ALL_KINDS };
  }
  const list = Object.entries(capacity).map(([bucket, c]) => ({ bucket, capacity: c }));
  const byKey = new Map(list.map((b) => [normalizeHeader(b.bucket), b.bucket]));
  const seen = new Map<string, string | undefined>();
  const find = (kind: string): string | undefined => {
    if (!seen.has(kind)) seen.set(kind, byKey.get(normalizeHeader(kind)));
    return seen.get(kind);
  };
  return { list, find };
}

/**
 * Replays the ledger in date order and decides each loan: accepted, refused (capacity) or invalid.
 *
 * @example
 * poolReplay([{ unit: "A", kind: "行政", slots: 2, borrowed: 100 }, { unit: "B", kind: "行政", slots: 2, borrowed: 101 }], 3)
 *   .loans.map((l) => l.decision) // => ["accepted", "refused"]
 */
export function poolReplay(loans: ReadonlyArray<PoolLoan>, capacity: PoolCapacity): PoolReplay {
  const { list, find } = bucketsOf(capacity);
  const cap = new Map(list.map((b) => [b.bucket, b.capacity]));
  const out: LoanReplay[] = loans.map(() => ({ decision: "accepted" }));
  // Phase 0 = return of an earlier loan, 1 = borrow (a same-day loan is returned right after its borrow).
  const events: { day: number; phase: 0 | 1; i: number }[] = [];
  loans.forEach((l, i) => {
    if (l.returned !== undefined && l.returned < l.borrowed) {
      out[i] = { decision: "invalid", reason: "returnBeforeBorrow" };
      return;
    }
    events.push({ day: l.borrowed, phase: 1, i });
    if (l.returned !== undefined && l.returned > l.borrowed) events.push({ day: l.returned, phase: 0, i });
  });
  events.sort((a, b) => a.day - b.day || a.phase - b.phase || a.i - b.i);
  const lent = new Map<string, number>(list.map((b) => [b.bucket, 0]));
  const timeline: PoolTimelinePoint[] = [];
  for (let e = 0; e < events.length; e++) {
    const { day, phase, i } = events[e];
    const loan = loans[i];
    if (phase === 0) {
      if (out[i].decision === "accepted") {
        const b = out[i].bucket as string;
        lent.set(b, (lent.get(b) ?? 0) - loan.slots);
      }
    } else {
      const b = find(loan.kind);
      if (b === undefined) {
        out[i] = { decision: "refused", reason: "noCapacity", availableAtBorrow: 0 };
      } else {
        const c = cap.get(b) ?? null;
        const inUse = lent.get(b) ?? 0;
        if (c !== null && inUse + loan.slots > c) {
          out[i] = { decision: "refused", reason: "capacity", bucket: b, availableAtBorrow: c - inUse };
        } else {
          out[i] = { decision: "accepted", bucket: b };
          if (loan.returned !== loan.borrowed) lent.set(b, inUse + loan.slots);
        }
      }
    }
    if (e === events.length - 1 || events[e + 1].day !== day) timeline.push({ day, lent: Object.fromEntries(lent) });
  }
  return { loans: out, buckets: list, timeline };
}

/** How a loan stands on the as-of day. */
export type LoanStatus = "active" | "overdue" | "returned" | "refused" | "invalid" | "future";

export interface LoanView extends PoolLoan {
  status: LoanStatus;
  /** Days past the due date (overdue loans). */
  daysOverdue?: number;
  /** Refused loans: slots that were free when it was asked for. */
  availableAtBorrow?: number;
  reason?: LoanReplay["reason"];
}

/** Capacity, slots lent, available and utilisation of one bucket (a kind, or ALL_KINDS). */
export interface BucketBalance {
  bucket: string;
  capacity: number | null;
  lent: number;
  /** capacity − lent; null without a capacity. */
  available: number | null;
  /** lent / capacity rounded half up to 3 decimals; null without a (non-zero) capacity. */
  utilisation: number | null;
}

export interface PoolBalance {
  asOf: number;
  buckets: BucketBalance[];
  total: BucketBalance;
  loans: LoanView[];
  overdue: LoanView[];
  /** Loans out on the as-of day whose due date falls within the next N months (as-of day included). */
  dueSoon: LoanView[];
  dueWithinMonths: number;
  refused: LoanView[];
  invalid: LoanView[];
  /** Slots out on loan per borrowing unit on the as-of day (not part of the unit's own establishment). */
  byUnit: Record<string, number>;
}

function balanceOf(bucket: string, capacity: number | null, lent: number): BucketBalance {
  return {
    bucket,
    capacity,
    lent,
    available: capacity === null ? null : capacity - lent,
    utilisation: capacity === null || capacity === 0 ? null : roundHalfUp(lent / capacity, 3),
  };
}

/**
 * The pool as of a day (end of that day): per bucket capacity, lent, available, utilisation; each loan's
 * status; overdue loans; loans falling due within `dueWithinMonths` months.
 *
 * @example
 * poolBalance([{ unit: "A", kind: "行政", slots: 2, borrowed: 100, due: 200 }], { 行政: 5 }, 150).buckets[0]
 *   // => { bucket: "行政", capacity: 5, lent: 2, available: 3, utilisation: 0.4 }
 */
export function poolBalance(
  loans: ReadonlyArray<PoolLoan>,
  capacity: PoolCapacity,
  asOf: number,
  dueWithinMonths = 3,
): PoolBalance {
  const replay = poolReplay(loans, capacity);
  const lent = new Map<string, number>(replay.buckets.map((b) => [b.bucket, 0]));
  const byUnit: Record<string, number> = {};
  const views: LoanView[] = [];
  const horizon = addMonths(asOf, dueWithinMonths);
  const dueSoon: LoanView[] = [];
  loans.forEach((l, i) => {
    const r = replay.loans[i];
    const v: LoanView = { ...l, status: "active" };
    if (r.decision === "invalid") {
      v.status = "invalid";
      v.reason = r.reason;
    } else if (r.decision === "refused") {
      v.status = "refused";
      v.reason = r.reason;
      v.availableAtBorrow = r.availableAtBorrow;
    } else if (l.borrowed > asOf) {
      v.status = "future";
    } else if (l.returned !== undefined && l.returned <= asOf) {
      v.status = "returned";
    } else {
      const b = r.bucket as string;
      lent.set(b, (lent.get(b) ?? 0) + l.slots);
      byUnit[l.unit] = (byUnit[l.unit] ?? 0) + l.slots;
      if (l.due !== undefined && l.due < asOf) {
        v.status = "overdue";
        v.daysOverdue = asOf - l.due;
      } else if (l.due !== undefined && l.due <= horizon) {
        dueSoon.push(v);
      }
    }
    views.push(v);
  });
  const buckets = replay.buckets.map((b) => balanceOf(b.bucket, b.capacity, lent.get(b.bucket) ?? 0));
  const capKnown = buckets.every((b) => b.capacity !== null);
  const total = balanceOf(
    ALL_KINDS,
    capKnown ? buckets.reduce((s, b) => s + (b.capacity as number), 0) : null,
    buckets.reduce((s, b) => s + b.lent, 0),
  );
  dueSoon.sort((a, b) => (a.due as number) - (b.due as number) || (a.row ?? 0) - (b.row ?? 0));
  return {
    asOf,
    buckets,
    total,
    loans: views,
    overdue: views.filter((v) => v.status === "overdue"),
    dueSoon,
    dueWithinMonths,
    refused: views.filter((v) => v.status === "refused"),
    invalid: views.filter((v) => v.status === "invalid"),
    byUnit,
  };
}

/**
 * Warnings for refused loans and returns without a loan, naming their ledger rows (columns by their
 * Chinese schema header; the model puts the user's own header on them).
 *
 * @example
 * poolProblems(poolBalance([{ row: 2, unit: "A", kind: "", slots: 3, borrowed: 1 }], 2, 5))
 *   // => [{ severity: "warning", table: "poolLedger", tableRow: 2, column: "数量", key: "pool.refused", … }]
 */
export function poolProblems(balance: PoolBalance, tableName?: string): Problem[] {
  const out: Problem[] = [];
  for (const v of balance.loans) {
    if (v.status === "refused") {
      out.push({
        severity: "warning",
        table: "poolLedger",
        tableName,
        tableRow: v.row,
        column: "数量",
        value: v.slots,
        key: v.reason === "noCapacity" ? "pool.refusedNoCapacity" : "pool.refused",
        params: { unit: v.unit, kind: v.kind, slots: v.slots, available: v.availableAtBorrow ?? 0 },
      });
    } else if (v.status === "invalid") {
      out.push({
        severity: "warning",
        table: "poolLedger",
        tableName,
        tableRow: v.row,
        column: "归还日期",
        value: v.returned === undefined ? undefined : formatDay(v.returned),
        key: "pool.returnWithoutLoan",
        params: {
          unit: v.unit,
          slots: v.slots,
          borrowed: formatDay(v.borrowed),
          returned: v.returned === undefined ? "" : formatDay(v.returned),
        },
      });
    }
  }
  return out;
}
