import fc from "fast-check";
import { officeCell } from "../excel/cells";
import {
  dateToSerial,
  groupBlocks,
  isProtectedSheet,
  MAX_BLOCK_CELLS,
  MAX_BLOCK_ROWS,
  planWrite,
  rowBlocks,
  rowRuns,
  tableName,
} from "./layout";

describe("host layout helpers", () => {
  it("splits rows into blocks covering every row once, within the row and cell limits", () => {
    expect(rowBlocks(25_000, 10)).toEqual([
      { start: 0, count: 10_000 },
      { start: 10_000, count: 10_000 },
      { start: 20_000, count: 5_000 },
    ]);
    // 50 columns: 200,000 / 50 = 4,000 rows per block.
    expect(rowBlocks(9_000, 50).map((b) => b.count)).toEqual([4_000, 4_000, 1_000]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 1, max: 300 }), (rows, cols) => {
        const blocks = rowBlocks(rows, cols);
        let next = 0;
        for (const b of blocks) {
          expect(b.start).toBe(next);
          expect(b.count).toBeGreaterThan(0);
          expect(b.count).toBeLessThanOrEqual(MAX_BLOCK_ROWS);
          expect(b.count * cols).toBeLessThanOrEqual(Math.max(MAX_BLOCK_CELLS, cols));
          next += b.count;
        }
        expect(next).toBe(rows);
      }),
    );
  });

  it("groups small blocks into shared round trips without exceeding the limits", () => {
    const groups = groupBlocks([
      { rows: 6_000, columns: 5 },
      { rows: 3_000, columns: 5 },
      { rows: 2_000, columns: 5 },
      { rows: 10_000, columns: 5 },
    ]);
    expect(groups.map((g) => g.map((b) => b.rows))).toEqual([[6_000, 3_000], [2_000], [10_000]]);
  });

  it("turns highlighted rows into runs", () => {
    expect(rowRuns([5, 1, 2, 3, 9, 2, -1])).toEqual([
      { start: 1, count: 3 },
      { start: 5, count: 1 },
      { start: 9, count: 1 },
    ]);
  });

  it("makes valid, distinct Excel table names", () => {
    const taken = new Set<string>(["staff"]);
    expect(tableName("Staff", taken)).toBe("Staff_2");
    expect(tableName("Pool Loans", taken)).toBe("Pool_Loans");
    expect(tableName("2024年", taken)).toBe("_2024年");
    expect(tableName("A1", taken)).toBe("_A1");
    expect(tableName("R", taken)).toBe("_R");
    expect(tableName("人员", taken)).toBe("人员");
  });

  it("converts cells for Office.js: serials, blanks, text kept as text", () => {
    // 2024-03-01 is serial 45352 (1900 system).
    expect(dateToSerial(new Date(Date.UTC(2024, 2, 1)))).toBe(45352);
    expect(officeCell(new Date(Date.UTC(2024, 2, 1)))).toBe(45352);
    expect(officeCell(null)).toBe("");
    expect(officeCell(Number.NaN)).toBe("");
    expect(officeCell(12.5)).toBe(12.5);
    expect(officeCell(true)).toBe(true);
    expect(officeCell("007")).toBe("'007");
    expect(officeCell("=SUM(A:A)")).toBe("'=SUM(A:A)");
    expect(officeCell("2024-03-01")).toBe("'2024-03-01");
    expect(officeCell("TRUE")).toBe("'TRUE");
    expect(officeCell("12%")).toBe("'12%");
    expect(officeCell("张三")).toBe("张三");
    expect(officeCell("E12")).toBe("E12");
    expect(officeCell("007", true)).toBe("007");
  });

  it("plans writes: protected sheets, replace, names", () => {
    expect(isProtectedSheet({ name: "人员", tables: [] })).toBe(true);
    expect(isProtectedSheet({ name: "Sheet1", tables: ["Table1"] })).toBe(true);
    expect(isProtectedSheet({ name: "Pool", tables: ["SR_pool"] })).toBe(false);
    expect(isProtectedSheet({ name: "笔记", tables: [] })).toBe(false);
    const existing = [
      { name: "人员", tables: ["人员"] },
      { name: "竞聘结果", tables: ["SR_placements"] },
      { name: "笔记", tables: [] },
    ];
    expect(planWrite(["竞聘结果", "新表"], existing, { replace: true, results: true })).toEqual([existing[1]]);
    expect(() => planWrite(["笔记"], existing, { replace: false, results: true })).toThrow(/already exists/);
    expect(() => planWrite(["人员"], existing, { replace: true, results: true })).toThrow(/input table/);
    expect(planWrite(["人员"], existing, { replace: true, results: false })).toEqual([existing[0]]);
    expect(() => planWrite(["a", "A"], [], { replace: true, results: true })).toThrow(/used twice/);
    expect(() => planWrite(["x".repeat(32)], [], { replace: true, results: true })).toThrow(/cannot be a sheet name/);
  });
});
