import { OfficeMockObject } from "office-addin-mock";
import type { ResultSheet } from "../../src/engine/report";
import { identifyTables } from "../../src/engine/workbook";
import { OfficeHost } from "../../src/excel/officeHost";
import { listTablesIn } from "../../src/excel/read";
import { existingSheetsIn, insertTablesIn, selectCellIn, TABLE_STYLE, writeResultsIn } from "../../src/excel/write";
import { detectHost } from "../../src/host/detect";
import { HostError } from "../../src/host/errors";
import { FakeExcel, type LogEntry } from "./fakeExcel";

/** A staff table of `n` rows (header included): ID, name, written score, veteran, hired (serial). */
function staffRows(n: number): (string | number | boolean)[][] {
  const rows: (string | number | boolean)[][] = [["工号", "姓名", "笔试", "退役军人", "入职日期"]];
  for (let i = 1; i < n; i++) rows.push([`E${i}`, `员工${i}`, 60 + (i % 40), i % 7 === 0 ? "是" : "", 40000 + i]);
  return rows;
}

/** Value-loading operations grouped by the round trip they went with, as row counts. */
function valueLoadsBySync(fake: FakeExcel): number[][] {
  const byBatch = new Map<number, number[]>();
  for (const e of fake.log.filter((x) => x.op === "load:values")) {
    byBatch.set(e.batch, [...(byBatch.get(e.batch) ?? []), e.nr!]);
  }
  return [...byBatch.values()];
}

const WRITE_OPS = new Set([
  "values",
  "numberFormat",
  "fill",
  "addSheet",
  "deleteSheet",
  "addTable",
  "addChart",
  "freezeRows",
]);
const writes = (log: LogEntry[]) => log.filter((e) => WRITE_OPS.has(e.op));

const placements: ResultSheet = {
  id: "placements",
  name: "竞聘结果",
  columns: [
    { header: "工号", kind: "text" },
    { header: "月薪", kind: "money" },
    { header: "增幅", kind: "percent" },
    { header: "生效日期", kind: "date" },
    { header: "名次", kind: "integer" },
  ],
  rows: [
    ["007", 5234.5, 0.125, 45352, 1],
    ["=1+1", 4800, -0.05, new Date(Date.UTC(2024, 2, 1)), 2],
    ["E3", 6100, 0, null, 3],
    ["E4", 3900, 0.01, 45352, 4],
  ],
  highlights: [
    { rows: [1, 2], style: "bad" },
    { rows: [3], style: "warn" },
  ],
  charts: [{ type: "column", title: "月薪分布", categoryColumn: 0, seriesColumns: [1, 2] }],
  notes: ["参数：基准方案"],
};

describe("listTablesIn: block reads", () => {
  it("reads a 25,000-row table in 3 blocks with one sync each, and finds the header sheets", async () => {
    const fake = new FakeExcel();
    fake.addSheet("人员", staffRows(25_000), { table: "人员" });
    fake.addSheet(
      "岗位",
      [
        ["岗位", "职数"],
        ["综合科员", 2],
      ],
      { r: 2, c: 1 },
    );
    fake.addSheet("空表");
    fake.addSheet("数字", [
      [1, 2],
      [3, 4],
    ]);
    const progress: [number, number][] = [];

    const sources = await listTablesIn(fake.excelContext, (d, t) => progress.push([d, t]));

    // 2 round trips of inventory, then 3 of values: 10,000 + 10,000 + 5,000 rows (the small sheet rides
    // with the last block; the sheet 人员, whose used range is the table, is not read twice).
    expect(fake.syncs).toBe(5);
    expect(valueLoadsBySync(fake)).toEqual([[10_000], [10_000], [5_000, 2, 2]]);
    expect(Math.max(...fake.log.filter((e) => e.op === "load:values").map((e) => e.nr!))).toBeLessThanOrEqual(10_000);

    const table = sources.find((s) => s.name === "人员" && s.sheet === "人员")!;
    expect(table.rows.length).toBe(25_000);
    expect(table.rows[0]).toEqual(["工号", "姓名", "笔试", "退役军人", "入职日期"]);
    expect(table.rows[24_999]).toEqual(["E24999", "员工24999", 60 + (24_999 % 40), null, 40000 + 24_999]);
    expect(table.rows[7][3]).toBe("是");
    expect(table).toMatchObject({ headerRow: 1, firstColumn: 0 });
    // Tables first, then sheets with a header row; the numbers-only and empty sheets are not tables.
    expect(sources.map((s) => s.name)).toEqual(["人员", "人员", "岗位"]);
    expect(sources[2]).toMatchObject({
      sheet: "岗位",
      headerRow: 3,
      firstColumn: 1,
      rows: [
        ["岗位", "职数"],
        ["综合科员", 2],
      ],
    });
    expect(Object.keys(identifyTables(sources)).sort()).toEqual(["posts", "staff"]);
    expect(progress[progress.length - 1]).toEqual([25_004, 25_004]);
  });

  it("rejects when a sync fails, and stops at a cancel between blocks", async () => {
    const fake = new FakeExcel();
    fake.addSheet("人员", staffRows(25_000), { table: "人员" });
    fake.failAtSync(4, new Error("RequestPayloadSizeLimitExceeded"));
    await expect(listTablesIn(fake.excelContext)).rejects.toThrow("RequestPayloadSizeLimitExceeded");

    const again = new FakeExcel();
    again.addSheet("人员", staffRows(25_000), { table: "人员" });
    const controller = new AbortController();
    const read = listTablesIn(again.excelContext, (done) => done >= 10_000 && controller.abort(), controller.signal);
    await expect(read).rejects.toMatchObject({ key: "host.cancelled" });
    expect(valueLoadsBySync(again)).toEqual([[10_000]]);
  });
});

describe("writeResultsIn", () => {
  function workbook(): FakeExcel {
    const fake = new FakeExcel();
    fake.addSheet("人员", staffRows(5), { table: "人员" });
    fake.addSheet("岗位", [
      ["岗位", "职数"],
      ["综合科员", 2],
    ]);
    return fake;
  }

  it("writes values first in blocks with calculation suspended, then formats, table, fills, chart", async () => {
    const fake = workbook();
    const inputs = { staff: fake.grid("人员"), posts: fake.grid("岗位") };
    await writeResultsIn(fake.excelContext, [placements], { replace: false });

    // Sheet created; cells as numbers, serials, text; text column formatted as text before its values.
    expect(fake.ops("addSheet").map((e) => e.sheet)).toEqual(["竞聘结果"]);
    const grid = fake.grid("竞聘结果");
    expect(grid[0].slice(0, 5)).toEqual(["工号", "月薪", "增幅", "生效日期", "名次"]);
    expect(grid[1].slice(0, 5)).toEqual(["007", 5234.5, 0.125, 45352, 1]);
    expect(grid[2].slice(0, 5)).toEqual(["=1+1", 4800, -0.05, 45352, 2]);
    expect(grid[3][3]).toBe("");
    expect(grid[0][6]).toBe("参数：基准方案");

    const sheet = fake.findSheet("竞聘结果")!;
    const formatOf = (c: number) => sheet.formats.filter((f) => f.c === c).map((f) => [f.r, f.nr, f.format]);
    expect(formatOf(0)).toEqual([[1, 4, "@"]]);
    expect(formatOf(1)).toEqual([[1, 4, "¥#,##0.00"]]);
    expect(formatOf(2)).toEqual([[1, 4, "0.0%"]]);
    expect(formatOf(3)).toEqual([[1, 4, "yyyy-mm-dd"]]);
    expect(formatOf(4)).toEqual([[1, 4, "0"]]);

    // Order: "@" before values; every other format, the table, fills and chart after the last values.
    const log = fake.log;
    const lastValues = Math.max(...log.map((e, i) => (e.op === "values" && e.sheet === "竞聘结果" ? i : -1)));
    const firstValues = log.findIndex((e) => e.op === "values" && e.sheet === "竞聘结果" && e.r === 0 && e.c === 0);
    log.forEach((e, i) => {
      if (e.op === "numberFormat" && e.value !== undefined && JSON.stringify(e.value) !== '[["@"]]')
        expect(i).toBeGreaterThan(lastValues);
      if (["addTable", "fill", "addChart", "freezeRows", "autofitColumns"].includes(e.op))
        expect(i).toBeGreaterThan(lastValues);
      if (e.op === "numberFormat" && JSON.stringify(e.value) === '[["@"]]') expect(i).toBeLessThan(firstValues);
    });
    // Calculation suspended in every round trip that writes values.
    for (const b of new Set(fake.ops("values").map((e) => e.batch))) {
      expect(fake.log.some((e) => e.batch === b && e.op === "suspendCalculation")).toBe(true);
    }

    expect(sheet.tables).toEqual([{ name: "SR_placements", style: TABLE_STYLE, r: 0, c: 0, nr: 5, nc: 5 }]);
    expect(sheet.fills).toEqual([
      { r: 2, c: 0, nr: 2, nc: 5, color: "#FFC7CE" },
      { r: 4, c: 0, nr: 1, nc: 5, color: "#FFEB9C" },
    ]);
    expect(sheet.frozenRows).toBe(1);
    expect(fake.ops("autofitColumns")).toMatchObject([{ sheet: "竞聘结果", r: 0, c: 0, nr: 5, nc: 5 }]);
    expect(sheet.charts).toEqual([
      {
        type: "ColumnClustered",
        seriesBy: "Columns",
        title: "月薪分布",
        series: [
          { values: "竞聘结果!0,1+5x1", xValues: "竞聘结果!1,0+4x1" },
          { name: "增幅", values: "竞聘结果!1,2+4x1", xValues: "竞聘结果!1,0+4x1" },
        ],
        position: ["竞聘结果!2,6+1x1", "竞聘结果!18,13+1x1"],
      },
    ]);
    // Inputs untouched.
    expect(fake.grid("人员")).toEqual(inputs.staff);
    expect(fake.grid("岗位")).toEqual(inputs.posts);
    expect(writes(fake.log).every((e) => e.sheet === "竞聘结果")).toBe(true);
  });

  it("writes 25,000 result rows in 3 value round trips", async () => {
    const fake = workbook();
    const big: ResultSheet = {
      ...placements,
      rows: Array.from({ length: 24_999 }, (_, i) => [`E${i}`, i, 0, null, i]),
    };
    const progress: number[] = [];
    await writeResultsIn(fake.excelContext, [big], { replace: false, onProgress: (d) => progress.push(d) });
    const valueBatches = [...new Set(fake.ops("values").map((e) => e.batch))];
    expect(valueBatches.length).toBe(3);
    expect(
      fake
        .ops("values")
        .filter((e) => e.c === 0)
        .map((e) => e.nr),
    ).toEqual([10_000, 10_000, 5_000]);
    expect(fake.grid("竞聘结果")[24_999][0]).toBe("E24998");
    expect(progress).toEqual([0, 10_000, 20_000, 25_000]);
  });

  it("never writes to an input sheet: refuses before any change", async () => {
    for (const name of ["人员", "岗位"]) {
      const fake = workbook();
      const before = fake.log.length;
      const attempt = writeResultsIn(fake.excelContext, [placements, { ...placements, id: "x", name }], {
        replace: true,
      });
      await expect(attempt).rejects.toBeInstanceOf(HostError);
      await expect(attempt).rejects.toMatchObject({ key: "host.inputSheet", params: { sheet: name } });
      expect(writes(fake.log.slice(before))).toEqual([]);
    }
    // A plain sheet named like an input table (alias, other case) is protected; so is a sheet holding
    // the user's own Excel table; an earlier result sheet named like an alias ("Ledger") is not.
    const fake = workbook();
    fake.addSheet("Ledger", [["周转编制"], [3]]);
    await expect(
      writeResultsIn(fake.excelContext, [{ ...placements, name: "LEDGER" }], { replace: true }),
    ).rejects.toMatchObject({ key: "host.inputSheet", params: { sheet: "Ledger" } });
    // A sheet holding the user's own Excel table is protected too.
    fake.addSheet("汇总", [["a"], [1]], { table: "Table1" });
    await expect(
      writeResultsIn(fake.excelContext, [{ ...placements, name: "汇总" }], { replace: true }),
    ).rejects.toMatchObject({
      key: "host.inputSheet",
    });
    expect(writes(fake.log)).toEqual([]);
    const results = new FakeExcel();
    await writeResultsIn(results.excelContext, [{ ...placements, id: "pool", name: "Pool" }], { replace: false });
    await writeResultsIn(results.excelContext, [{ ...placements, id: "pool", name: "Pool" }], { replace: true });
    expect(results.sheets.map((s) => [s.name, s.tables.map((t) => t.name)])).toEqual([["Pool", ["SR_pool"]]]);
  });

  it("replaces an earlier result sheet only with replace, keeping its table name free", async () => {
    const fake = workbook();
    await writeResultsIn(fake.excelContext, [placements], { replace: false });
    expect(await existingSheetsIn(fake.excelContext, ["竞聘结果", "别的"])).toEqual(["竞聘结果"]);
    const before = fake.log.length;
    await expect(writeResultsIn(fake.excelContext, [placements], { replace: false })).rejects.toMatchObject({
      key: "host.sheetExists",
    });
    expect(writes(fake.log.slice(before))).toEqual([]);

    await writeResultsIn(fake.excelContext, [{ ...placements, rows: [["E9", 1, 0, null, 1]], highlights: [] }], {
      replace: true,
    });
    expect(fake.sheets.map((s) => s.name)).toEqual(["人员", "岗位", "竞聘结果"]);
    expect(fake.grid("竞聘结果").length).toBe(2);
    expect(fake.findSheet("竞聘结果")!.tables.map((t) => t.name)).toEqual(["SR_placements"]);
    const deleted = fake.log.findIndex((e, i) => i >= before && e.op === "deleteSheet");
    const added = fake.log.findIndex((e, i) => i >= before && e.op === "addSheet");
    expect(deleted).toBeGreaterThan(-1);
    expect(deleted).toBeLessThan(added);
  });

  it("keeps one sheet while replacing every sheet of the workbook", async () => {
    const fake = new FakeExcel();
    await writeResultsIn(fake.excelContext, [placements], { replace: false });
    fake.sheets = fake.sheets.filter((s) => s.name === "竞聘结果");
    await writeResultsIn(fake.excelContext, [placements], { replace: true });
    expect(fake.sheets.map((s) => s.name)).toEqual(["竞聘结果"]);
  });

  it("rejects with the sync's error, never swallowing it", async () => {
    const fake = workbook();
    // 1–2 inventory, 3 first values, 4 formats: fail while formatting.
    fake.failAtSync(4, new Error("GeneralException"));
    await expect(writeResultsIn(fake.excelContext, [placements], { replace: false })).rejects.toThrow(
      "GeneralException",
    );
    // An invalid name is refused up front.
    await expect(
      writeResultsIn(new FakeExcel().excelContext, [{ ...placements, name: "a/b" }], { replace: false }),
    ).rejects.toMatchObject({ key: "host.badSheetName" });
    await expect(
      writeResultsIn(new FakeExcel().excelContext, [placements, placements], { replace: false }),
    ).rejects.toMatchObject({ key: "host.duplicateSheet" });
  });
});

describe("insertTablesIn", () => {
  it("inserts tables with valid table names, drop-down lists and date formats; asks before replacing", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    await insertTablesIn(
      fake.excelContext,
      [
        { name: "人员", rows: [["工号", "退役军人"]], validation: [{ column: 1, list: ["是", "否"] }] },
        {
          name: "Pool Loans",
          rows: [
            ["单位", "借用日期"],
            ["办公室", new Date(Date.UTC(2024, 2, 1))],
            ["财政局", "007"],
          ],
        },
      ],
      { replace: false },
    );
    const staff = fake.findSheet("人员")!;
    expect(staff.tables).toMatchObject([{ name: "人员", r: 0, c: 0, nr: 1, nc: 2 }]);
    expect(staff.validations).toEqual([
      { r: 1, c: 1, nr: 500, nc: 1, rule: { list: { inCellDropDown: true, source: "是,否" } } },
    ]);
    const loans = fake.findSheet("Pool Loans")!;
    expect(loans.tables[0].name).toBe("Pool_Loans");
    expect(fake.grid("Pool Loans")).toEqual([
      ["单位", "借用日期"],
      ["办公室", 45352],
      ["财政局", "'007"],
    ]);
    expect(loans.formats).toEqual([]); // a column mixing dates and text keeps General
    await expect(
      insertTablesIn(fake.excelContext, [{ name: "人员", rows: [["工号"]] }], { replace: false }),
    ).rejects.toMatchObject({
      key: "host.sheetExists",
    });
    await insertTablesIn(fake.excelContext, [{ name: "人员", rows: [["工号"], ["E1"]] }], { replace: true });
    expect(fake.grid("人员")).toEqual([["工号"], ["E1"]]);
    expect(fake.findSheet("人员")!.tables.map((t) => t.name)).toEqual(["人员"]);
  });
});

describe("selectCellIn with office-addin-mock", () => {
  function mockContext(isNullObject: boolean) {
    const select = jest.fn();
    const activate = jest.fn();
    const getRangeByIndexes = jest.fn(() => ({ select }));
    const mock: OfficeMockObject = new OfficeMockObject({
      workbook: {
        target: { isNullObject, activate, getRangeByIndexes },
        worksheets: { getItemOrNullObject: jest.fn((): unknown => mock.workbook.target) },
      },
    });
    return { mock, select, activate, getRangeByIndexes };
  }

  it("activates the sheet and selects the cell (row 1-based, column 0-based)", async () => {
    const { mock, select, activate, getRangeByIndexes } = mockContext(false);
    await selectCellIn(mock as unknown as Excel.RequestContext, "人员", 7, 9);
    expect(mock.workbook.worksheets.getItemOrNullObject).toHaveBeenCalledWith("人员");
    expect(activate).toHaveBeenCalledTimes(1);
    expect(getRangeByIndexes).toHaveBeenCalledWith(6, 9, 1, 1);
    expect(select).toHaveBeenCalledTimes(1);
  });

  it("refuses a missing sheet and passes a failing sync's error through", async () => {
    const missing = mockContext(true);
    await expect(selectCellIn(missing.mock as unknown as Excel.RequestContext, "无", 1, 0)).rejects.toMatchObject({
      key: "host.sheetMissing",
    });
    expect(missing.activate).not.toHaveBeenCalled();

    const failing = mockContext(false);
    const boom = new Error("InvalidArgument");
    failing.mock.sync = jest.fn().mockRejectedValue(boom);
    await expect(selectCellIn(failing.mock as unknown as Excel.RequestContext, "人员", 2, 0)).rejects.toBe(boom);
    expect(failing.select).not.toHaveBeenCalled();
  });
});

describe("OfficeHost and detectHost", () => {
  it("runs every call in one batch of the given runner", async () => {
    const fake = new FakeExcel();
    fake.addSheet("人员", staffRows(3), { table: "人员" });
    let runs = 0;
    const host = new OfficeHost(async (batch) => {
      runs++;
      return batch(fake.excelContext);
    });
    expect(host.kind).toBe("office");
    expect((await host.listTables()).map((s) => s.name)).toEqual(["人员", "人员"]);
    expect(await host.existingSheets(["人员"])).toEqual(["人员"]);
    await host.writeResults([placements], { replace: false });
    await host.insertTables([{ name: "岗位", rows: [["岗位"]] }], { replace: false });
    expect(runs).toBe(4);
    expect(fake.sheets.map((s) => s.name)).toEqual(["人员", "竞聘结果", "岗位"]);
  });

  it("returns the Office host inside Excel only", async () => {
    expect(await detectHost(undefined)).toBeNull();
    expect(await detectHost({ onReady: async () => ({ host: null }) })).toBeNull();
    expect(await detectHost({ onReady: async () => ({ host: "Word" }) })).toBeNull();
    expect(await detectHost({ onReady: () => new Promise(() => undefined) }, 10)).toBeNull();
    expect((await detectHost({ onReady: async () => ({ host: "Excel" }) }))?.kind).toBe("office");
    await expect(detectHost({ onReady: () => Promise.reject(new Error("office.js failed")) })).rejects.toThrow(
      "office.js failed",
    );
  });
});
