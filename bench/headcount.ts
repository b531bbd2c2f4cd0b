/**
 * Headcount and pool benchmarks: a province-sized Units table (reform plan, quota check, ranking) and a
 * long pool ledger (replay, balance as of a date). `npx tsx bench/headcount.ts`.
 */
import { headcountFromTables, poolBalance, poolFromTables, type PoolLoan } from "../src/engine/headcount";
import { POOL_LEDGER, UNITS } from "../src/engine/schema";
import { readTable } from "../src/engine/tableReader";
import type { CellValue } from "../src/engine/types";
import { medianMs, prng, report, rssMb } from "./_util";

function unitRows(n: number, rand: () => number): CellValue[][] {
  const rows: CellValue[][] = [
    ["单位", "类型", "规格", "职能", "编制类型", "核定编制", "实有人数", "领导职数", "实配领导", "改革后", "考核排名"],
  ];
  const types = ["管理机构", "内设机构", "事业单位", "派驻机构"];
  for (let i = 0; i < n; i++) {
    // Every tenth unit is kept; the others stay, merge into a kept unit or a new body, or leave.
    const r = rand();
    const after =
      i % 10 === 0 || r < 0.45
        ? null
        : r < 0.75
          ? `U${10 * Math.floor((rand() * i) / 10)}`
          : r < 0.85
            ? `新机构${i % 50}`
            : r < 0.92
              ? "撤销"
              : "划转属地";
    rows.push([
      `U${i}`,
      types[i % 4],
      i % 3 === 0 ? "正处级" : "正科级",
      rand() < 0.7 ? "经济发展" : "社会事务",
      i % 2 ? "行政" : "事业",
      5 + Math.floor(rand() * 20),
      5 + Math.floor(rand() * 20),
      1 + Math.floor(rand() * 4),
      1 + Math.floor(rand() * 5),
      after,
      i + 1,
    ]);
  }
  return rows;
}

function ledger(n: number, rand: () => number): PoolLoan[] {
  return Array.from({ length: n }, (_, i) => {
    const borrowed = Math.floor(rand() * 3650);
    const r = rand();
    return {
      row: i + 2,
      unit: `U${i % 500}`,
      kind: i % 3 ? "行政" : "事业",
      slots: 1 + Math.floor(rand() * 3),
      borrowed,
      due: borrowed + 365,
      returned: r < 0.6 ? borrowed + Math.floor(rand() * 500) : undefined,
    };
  });
}

const rand = prng(20240601);
for (const n of [1_000, 10_000]) {
  const read = readTable(UNITS, unitRows(n, rand));
  const ms = medianMs(() => headcountFromTables({ units: read }, { staffCeiling: n * 10 }, n * 8), 5);
  const o = headcountFromTables({ units: read });
  report("headcount.fromTables", {
    units: n,
    bodiesAfter: o.ok ? o.value.plan.bodies.length : -1,
    median_ms: ms,
    rss_mb: rssMb(),
  });
}
for (const n of [10_000, 100_000]) {
  const loans = ledger(n, rand);
  const cap = { 行政: Math.floor(n / 20), 事业: Math.floor(n / 40) };
  const ms = medianMs(() => poolBalance(loans, cap, 3000), 5);
  const b = poolBalance(loans, cap, 3000);
  report("pool.balance", {
    loans: n,
    refused: b.refused.length,
    overdue: b.overdue.length,
    median_ms: ms,
    rss_mb: rssMb(),
  });
}
{
  const rows: CellValue[][] = [["单位", "编制类型", "数量", "借用日期", "归还期限", "归还日期"]];
  for (const l of ledger(20_000, rand))
    rows.push([
      l.unit,
      l.kind,
      l.slots,
      l.borrowed + 25569,
      l.due! + 25569,
      l.returned === undefined ? null : l.returned + 25569,
    ]);
  const read = readTable(POOL_LEDGER, rows);
  const ms = medianMs(() => poolFromTables({ poolLedger: read }, { capacity: 2000 }), 5);
  report("pool.fromTables", { loans: 20_000, median_ms: ms, rss_mb: rssMb() });
}
