import fc from "fast-check";
import { formatProblem } from "../messages";
import { parseDate } from "../parse";
import { POOL_LEDGER } from "../schema";
import { readTable } from "../tableReader";
import type { CellValue } from "../types";
import { ALL_KINDS, poolBalance, poolFromTables, poolReplay, type PoolCapacity, type PoolLoan } from "./index";

const day = (s: string): number => parseDate(s) as number;
const loan = (
  row: number,
  unit: string,
  slots: number,
  borrowed: number,
  returned?: number,
  due?: number,
  kind = "行政",
): PoolLoan => ({
  row,
  unit,
  kind,
  slots,
  borrowed,
  returned,
  due,
});

describe("pool ledger cases", () => {
  it("borrow and return on the same day", () => {
    // Capacity 2. Row 2 takes both slots and gives them back on day 10; row 3 then borrows 2 on day 10.
    const loans = [loan(2, "A", 2, 10, 10), loan(3, "B", 2, 10)];
    const r = poolReplay(loans, 2);
    expect(r.loans.map((l) => l.decision)).toEqual(["accepted", "accepted"]);
    const b = poolBalance(loans, 2, 10);
    expect(b.loans.map((l) => l.status)).toEqual(["returned", "active"]);
    expect(b.total).toEqual({ bucket: ALL_KINDS, capacity: 2, lent: 2, available: 0, utilisation: 1 });
    // A same-day loan alone leaves the pool as it was at the end of the day.
    expect(poolBalance([loan(2, "A", 2, 10, 10)], 2, 10).total.available).toBe(2);
    // …but it still needs a free slot when it is borrowed.
    const full = poolReplay([loan(2, "A", 2, 5), loan(3, "B", 1, 10, 10)], 2);
    expect(full.loans[1]).toEqual({ decision: "refused", reason: "capacity", bucket: ALL_KINDS, availableAtBorrow: 0 });
  });

  it("returns come before borrows on the same day", () => {
    // Capacity 2: row 2 out days 1–5; row 3 borrows 2 on day 5, the day row 2 comes back.
    const loans = [loan(2, "A", 2, 1, 5), loan(3, "B", 2, 5)];
    expect(poolReplay(loans, 2).loans.map((l) => l.decision)).toEqual(["accepted", "accepted"]);
    expect(poolBalance(loans, 2, 4).total).toMatchObject({ lent: 2, available: 0 });
    expect(poolBalance(loans, 2, 5).total).toMatchObject({ lent: 2, available: 0 });
    expect(poolBalance(loans, 2, 5).loans.map((l) => l.status)).toEqual(["returned", "active"]);
  });

  it("refuses a loan that would exceed capacity and reports it with its row", () => {
    // Capacity 3: row 2 takes 2 on day 1; row 3 asks for 2 on day 2 with 1 free → refused; row 4 takes 1.
    const rows: CellValue[][] = [
      ["单位", "编制类型", "数量", "借用日期", "归还期限", "归还日期"],
      ["投资促进局", "行政", 2, "2024-01-01", "2025-01-01", null],
      ["科技创新局", "行政", 2, "2024-01-02", "2025-01-02", "2024-06-01"],
      ["规划建设局", "行政", 1, "2024-01-03", "2025-01-03", null],
    ];
    const o = poolFromTables(
      { poolLedger: readTable(POOL_LEDGER, rows, { tableName: "周转池" }) },
      { capacity: 3, asOf: day("2024-03-01") },
    );
    if (!o.ok) throw new Error("failed");
    expect(o.value.balance.loans.map((l) => l.status)).toEqual(["active", "refused", "active"]);
    expect(o.value.balance.refused[0]).toMatchObject({ row: 3, availableAtBorrow: 1, reason: "capacity" });
    // Its return on 2024-06-01 is ignored: never counted, never given back.
    expect(poolBalance(o.value.balance.loans, 3, day("2024-07-01")).total).toMatchObject({ lent: 3, available: 0 });
    const p = o.problems.find((x) => x.key === "pool.refused")!;
    expect(p).toMatchObject({
      severity: "warning",
      tableName: "周转池",
      tableRow: 3,
      column: "数量",
      columnIndex: 2,
      value: 2,
    });
    expect(formatProblem(p, "zh")).toBe(
      "警告：表“周转池”第 3 行“数量”列：“科技创新局”借用行政周转编制 2 个超过容量（当时可用 1 个），不予借用",
    );
    expect(formatProblem(p, "en")).toBe(
      "Warning: table “周转池”, row 3, column “数量”: “科技创新局” asks for 2 行政 pool slots with only 1 free; the loan is refused",
    );
  });

  it("lists overdue loans and what falls due in the next N months", () => {
    const asOf = day("2024-01-31");
    const loans = [
      loan(2, "A", 1, day("2023-01-01"), undefined, day("2024-01-30")), // overdue by 1 day
      loan(3, "B", 1, day("2023-01-01"), day("2024-02-10"), day("2024-01-15")), // returned late: overdue as of 01-31
      loan(4, "C", 1, day("2023-06-01"), undefined, day("2024-01-31")), // due today: not overdue, due soon
      loan(5, "D", 1, day("2023-06-01"), undefined, day("2024-02-29")), // Jan 31 + 1 month = Feb 29 (2024): due soon
      loan(6, "E", 1, day("2023-06-01"), undefined, day("2024-03-01")), // beyond the horizon
      loan(7, "F", 1, day("2023-06-01"), day("2024-01-20"), day("2024-01-10")), // returned late, but back now
    ];
    const b = poolBalance(loans, 10, asOf, 1);
    expect(b.loans.map((l) => l.status)).toEqual(["overdue", "overdue", "active", "active", "active", "returned"]);
    expect(b.overdue.map((l) => [l.unit, l.daysOverdue])).toEqual([
      ["A", 1],
      ["B", 16],
    ]);
    expect(b.dueSoon.map((l) => l.unit)).toEqual(["C", "D"]);
    expect(b.total).toMatchObject({ capacity: 10, lent: 5, available: 5, utilisation: 0.5 });
    expect(b.byUnit).toEqual({ A: 1, B: 1, C: 1, D: 1, E: 1 });
    // After B's return it is no longer out.
    expect(poolBalance(loans, 10, day("2024-02-10"), 1).loans[1].status).toBe("returned");
  });

  it("reports a return with no matching loan and leaves it out", () => {
    const rows: CellValue[][] = [
      ["单位", "数量", "借用日期", "归还日期"],
      ["A", 2, "2024-03-01", "2024-02-01"],
      ["B", 1, "2024-03-01", null],
    ];
    const o = poolFromTables({ poolLedger: readTable(POOL_LEDGER, rows) }, { capacity: 2, asOf: day("2024-04-01") });
    if (!o.ok) throw new Error("failed");
    expect(o.value.balance.loans.map((l) => l.status)).toEqual(["invalid", "active"]);
    expect(o.value.balance.total).toMatchObject({ lent: 1, available: 1 });
    const p = o.problems.find((x) => x.key === "pool.returnWithoutLoan")!;
    expect(p).toMatchObject({ tableRow: 2, column: "归还日期", columnIndex: 3, value: "2024-02-01" });
    expect(formatProblem(p, "en")).toContain("returns 2 pool slots on 2024-02-01, before borrowing them on 2024-03-01");
  });

  it("keeps a capacity per kind and refuses kinds without one", () => {
    const loans = [
      loan(2, "A", 3, 1, undefined, undefined, "行政"),
      loan(3, "B", 2, 1, undefined, undefined, "事业"),
      loan(4, "C", 1, 2, undefined, undefined, "员额"),
    ];
    const cap: PoolCapacity = { 行政: 3, 事业: 4 };
    const b = poolBalance(loans, cap, 5);
    expect(b.buckets).toEqual([
      { bucket: "行政", capacity: 3, lent: 3, available: 0, utilisation: 1 },
      { bucket: "事业", capacity: 4, lent: 2, available: 2, utilisation: 0.5 },
    ]);
    expect(b.total).toEqual({ bucket: ALL_KINDS, capacity: 7, lent: 5, available: 2, utilisation: 0.714 });
    expect(b.loans[2]).toMatchObject({ status: "refused", reason: "noCapacity" });
    // A later 行政 loan is refused though 事业 slots are free: capacities do not mix.
    expect(poolReplay([...loans, loan(5, "D", 1, 3)], cap).loans[3].decision).toBe("refused");
  });

  it("uses the latest ledger date when no date is given, and says so", () => {
    const rows: CellValue[][] = [
      ["单位", "数量", "借用日期", "归还期限", "归还日期"],
      ["A", 1, "2024-01-05", "2030-01-01", null],
      ["B", 1, "2024-02-01", "2024-03-01", "2024-03-15"],
    ];
    const o = poolFromTables({ poolLedger: readTable(POOL_LEDGER, rows) }, { capacity: 5 });
    if (!o.ok) throw new Error("failed");
    // Due dates are deadlines, not entries: the latest entry is B's return on 2024-03-15, not 2030-01-01.
    expect(o.value.balance.asOf).toBe(day("2024-03-15"));
    expect(o.value.asOfSource).toBe("ledger");
    expect(o.problems).toContainEqual(
      expect.objectContaining({ severity: "info", key: "pool.asOfFromLedger", params: { date: "2024-03-15" } }),
    );
  });

  it("without a capacity refuses nothing and leaves availability unknown", () => {
    const rows: CellValue[][] = [
      ["单位", "数量", "借用日期"],
      ["A", 100, "2024-01-05"],
    ];
    const o = poolFromTables({ poolLedger: readTable(POOL_LEDGER, rows) }, { asOf: day("2024-02-01") });
    expect(o.ok && o.value.balance.total).toEqual({
      bucket: ALL_KINDS,
      capacity: null,
      lent: 100,
      available: null,
      utilisation: null,
    });
    expect(o.problems.map((p) => p.key)).toContain("pool.noCapacity");
  });

  it("fails on a missing ledger, unreadable cells and bad settings", () => {
    expect(poolFromTables({})).toMatchObject({ ok: false, problems: [{ key: "table.missing" }] });
    const bad = poolFromTables(
      {
        poolLedger: readTable(POOL_LEDGER, [
          ["单位", "数量", "借用日期"],
          ["A", 1, "someday"],
        ]),
      },
      { capacity: 2 },
    );
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]).toMatchObject({ key: "cell.notDate", tableRow: 2, column: "借用日期" });
    const neg = poolFromTables(
      {
        poolLedger: readTable(POOL_LEDGER, [
          ["单位", "数量", "借用日期"],
          ["A", 1, "2024-01-01"],
        ]),
      },
      { capacity: { 行政: -1 } },
    );
    expect(neg.problems).toEqual([expect.objectContaining({ key: "pool.badSetting", column: "capacity.行政" })]);
  });
});

describe("pool invariants (property)", () => {
  const kinds = ["行政", "事业"];
  const loanArb = fc.record({
    kind: fc.constantFrom(...kinds),
    slots: fc.integer({ min: 0, max: 4 }),
    borrowed: fc.integer({ min: 0, max: 60 }),
    returnAfter: fc.option(fc.integer({ min: -5, max: 30 }), { nil: undefined }),
    dueAfter: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  });
  const ledgerArb = fc.array(loanArb, { maxLength: 25 }).map((xs) =>
    xs.map((x, i): PoolLoan => ({
      row: i + 2,
      unit: `U${i % 4}`,
      kind: x.kind,
      slots: x.slots,
      borrowed: x.borrowed,
      returned: x.returnAfter === undefined ? undefined : x.borrowed + x.returnAfter,
      due: x.dueAfter === undefined ? undefined : x.borrowed + x.dueAfter,
    })),
  );
  const capArb: fc.Arbitrary<PoolCapacity> = fc.oneof(
    fc.integer({ min: 0, max: 8 }),
    fc.record({ 行政: fc.integer({ min: 0, max: 6 }), 事业: fc.integer({ min: 0, max: 6 }) }),
  );

  it("balance is never negative and balance + lent = capacity at every date", () => {
    fc.assert(
      fc.property(ledgerArb, capArb, (loans, cap) => {
        const replay = poolReplay(loans, cap);
        // Plain checks inside the loop (jest's expect is slow over ~10⁴ dates); a failure names the date.
        for (let d = -1; d <= 100; d += 1) {
          const b = poolBalance(loans, cap, d);
          for (const x of [...b.buckets, b.total]) {
            if (x.available === null || x.available < 0 || x.available + x.lent !== x.capacity) {
              throw new Error(
                `day ${d}, ${x.bucket}: capacity ${x.capacity}, lent ${x.lent}, available ${x.available}`,
              );
            }
          }
          // lent = the accepted loans out at the end of day d, counted directly.
          const out = loans.reduce((s, l, i) => {
            const accepted = replay.loans[i].decision === "accepted";
            return s + (accepted && l.borrowed <= d && (l.returned === undefined || l.returned > d) ? l.slots : 0);
          }, 0);
          if (b.total.lent !== out) throw new Error(`day ${d}: lent ${b.total.lent}, counted ${out}`);
        }
        // The replay's own timeline never goes above capacity either.
        for (const p of replay.timeline) {
          for (const bk of replay.buckets)
            if (p.lent[bk.bucket] > (bk.capacity as number)) throw new Error(`day ${p.day} over capacity`);
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });

  it("is deterministic: the same ledger gives the same result", () => {
    fc.assert(
      fc.property(ledgerArb, capArb, fc.integer({ min: 0, max: 100 }), (loans, cap, asOf) => {
        const copy = loans.map((l) => ({ ...l }));
        expect(poolBalance(copy, cap, asOf)).toEqual(poolBalance(loans, cap, asOf));
      }),
      { numRuns: 100 },
    );
  });
});
