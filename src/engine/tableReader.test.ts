import fc from "fast-check";
import { POSTS, STAFF, PAY_SCALE } from "./schema";
import { extraNumber, matchColumn, matchesTableName, readTable, requireColumns, type TableRead } from "./tableReader";
import type { CellValue, Problem } from "./types";

/** Staff rows with Chinese headers: one good row, a duplicate ID, a blank ID, a text score. */
const ZH: CellValue[][] = [
  ["工号", "姓名", "笔试", "面试", "服从调剂", "学历", "志愿1", "志愿2", "备注"],
  ["E01", "张三", 80, "75.5", "是", "本科", "P1", "P2", "x"],
  ["E02", "李四", "abc", 70, "否", "硕士", "P2", null, null],
  ["E01", "王五", 60, 65, "Y", "大专", null, null, null],
  [null, "赵六", 90, 88, "N", "博士", "P1", null, null],
  [null, null, null, null, null, null, null, null, null],
  ["E05", "钱七", 70, 71, "也许", "小学", "P3", "P1", null],
];

const EN_HEADERS = [
  "Staff ID",
  "name",
  "WRITTEN",
  "Interview",
  "Accept Adjustment",
  "education",
  "Choice 1",
  "choice  2",
  "备注",
];

function withHeaders(rows: CellValue[][], headers: CellValue[]): CellValue[][] {
  return [headers, ...rows.slice(1)];
}

/** Reorders the columns of every row. */
function permute(rows: CellValue[][], order: number[]): CellValue[][] {
  return rows.map((r) => order.map((i) => r[i] ?? null));
}

/** A problem's identity without the column index (which moves when columns move). */
function key(p: Problem) {
  return { severity: p.severity, table: p.table, row: p.tableRow, column: p.column, value: p.value, key: p.key };
}

function values(read: TableRead) {
  return read.records.map((r) => ({ row: r.row, values: r.values, lists: r.lists }));
}

describe("readTable", () => {
  const zh = readTable(STAFF, ZH);

  it("reads typed records: numbers from text, yes/no, education ranks, numbered choices, unknown columns kept", () => {
    expect(zh.records[0]).toEqual({
      row: 2,
      values: { id: "E01", name: "张三", written: 80, interview: 75.5, acceptAdjustment: true, education: 3 },
      lists: { choices: ["P1", "P2"] },
      extra: { 备注: "x" },
    });
    expect(zh.records[2].values.acceptAdjustment).toBe(true);
    expect(zh.records[3].values.acceptAdjustment).toBe(false);
    // The fully blank row (sheet row 6) is skipped; row numbers stay the sheet's.
    expect(zh.records.map((r) => r.row)).toEqual([2, 3, 4, 5, 7]);
    expect(zh.extraColumns).toEqual([{ index: 8, header: "备注" }]);
    expect(zh.patterns.choices.columns.map((c) => c.n)).toEqual([1, 2]);
  });

  it("reports duplicate IDs, blank required cells and unreadable values naming table, row, column and value", () => {
    // Problems come in row order, then in the schema's column order (not the sheet's), so they do not
    // depend on how the user arranged the columns.
    expect(zh.problems.map(key)).toEqual([
      { severity: "error", table: "staff", row: 3, column: "笔试", value: "abc", key: "cell.notNumber" },
      { severity: "error", table: "staff", row: 4, column: "工号", value: "E01", key: "cell.duplicateId" },
      { severity: "error", table: "staff", row: 5, column: "工号", value: null, key: "cell.required" },
      { severity: "error", table: "staff", row: 7, column: "学历", value: "小学", key: "cell.notEducation" },
      { severity: "error", table: "staff", row: 7, column: "服从调剂", value: "也许", key: "cell.notYesNo" },
    ]);
    expect(zh.problems[1].params).toEqual({ first: 2 });
    expect(zh.problems.every((p) => p.tableName === "人员")).toBe(true);
    expect(zh.problems[0].columnIndex).toBe(2);
  });

  it("gives the same records and problems with English headers (any case and spacing)", () => {
    const en = readTable(STAFF, withHeaders(ZH, EN_HEADERS), { tableName: "Staff" });
    expect(values(en)).toEqual(values(zh));
    const headerOf = new Map(ZH[0].map((hz, i) => [hz, EN_HEADERS[i]]));
    expect(en.problems.map(key)).toEqual(zh.problems.map((p) => ({ ...key(p), column: headerOf.get(p.column!) })));
    expect(en.problems[0].tableName).toBe("Staff");
  });

  it("gives the same records and problems for shuffled columns, for every column order", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7, 8], { minLength: 9, maxLength: 9 }), (order) => {
        const shuffled = readTable(STAFF, permute(ZH, order));
        expect(values(shuffled)).toEqual(values(zh));
        expect(shuffled.problems.map(key)).toEqual(zh.problems.map(key));
        // Column indexes follow the moved columns.
        for (const p of shuffled.problems) expect(order[p.columnIndex!]).toBe(ZH[0].indexOf(p.column!));
      }),
      { numRuns: 50 },
    );
  });

  it("honours the header row offset so rows are worksheet rows", () => {
    const r = readTable(STAFF, ZH, { headerRow: 4, tableName: "T" });
    expect(r.records[0].row).toBe(5);
    expect(r.problems.find((p) => p.key === "cell.duplicateId")).toMatchObject({ tableRow: 7, params: { first: 5 } });
  });

  it("reports a missing required column once, with both header names, and reads nothing wrongly", () => {
    const r = readTable(POSTS, [
      ["岗位编号", "岗位名称"],
      ["P1", "科员"],
    ]);
    expect(r.problems).toEqual([
      { severity: "error", table: "posts", tableName: "岗位", column: "职数 / Quota", key: "column.missing" },
    ]);
  });

  it("checks integers and bounds, and matches choices by any accepted spelling", () => {
    const posts = readTable(POSTS, [
      ["岗位编号", "职数", "最低学历"],
      ["P1", 2.5, "本科"],
      ["P2", -1, "Master"],
      ["P3", "3", "研究生"],
    ]);
    expect(posts.problems.map((p) => [p.tableRow, p.key])).toEqual([
      [2, "cell.notInteger"],
      [3, "cell.belowMin"],
    ]);
    expect(posts.records[2].values).toEqual({ id: "P3", quota: 3, minEducation: 4 });
    const staff = readTable(STAFF, [
      ["工号", "原职能", "分流意愿"],
      ["E1", "经济发展类", "随职能划转"],
      ["E2", "Social Affairs", "竞聘"],
      ["E3", "其他", "transfer"],
    ]);
    expect(staff.records.map((r) => [r.values.function, r.values.transferChoice])).toEqual([
      ["economic", "transfer"],
      ["social", "compete"],
      [undefined, "transfer"],
    ]);
    expect(staff.problems.map((p) => [p.tableRow, p.column, p.key])).toEqual([[4, "原职能", "cell.notChoice"]]);
  });

  it("warns about a repeated header and uses the first column", () => {
    const r = readTable(STAFF, [
      ["工号", "笔试", "Written"],
      ["E1", 1, 2],
    ]);
    expect(r.records[0].values.written).toBe(1);
    expect(r.problems).toMatchObject([
      { severity: "warning", key: "column.duplicateHeader", tableRow: 1, columnIndex: 2 },
    ]);
  });

  it("reads pay steps in number order and full-width IDs as their half-width form for uniqueness", () => {
    const r = readTable(PAY_SCALE, [
      ["岗级", "档2", "Step 1", "档 3"],
      ["Ｍ1", 200, 100, 300],
      ["M1", 1, 2, 3],
    ]);
    expect(r.records[0].lists.steps).toEqual([100, 200, 300]);
    expect(r.records[0].values.grade).toBe("M1");
    expect(r.problems.map((p) => p.key)).toEqual(["cell.duplicateId"]);
  });

  it("matches table and column names in either language", () => {
    expect(matchesTableName(STAFF, "人员")).toBe(true);
    expect(matchesTableName(STAFF, " staff ")).toBe(true);
    expect(matchesTableName(STAFF, "岗位")).toBe(false);
    expect(matchColumn(STAFF, "staff  id")?.key).toBe("id");
    expect(matchColumn(STAFF, "工　号")?.key).toBe("id");
    expect(matchColumn(STAFF, "nothing")).toBeUndefined();
  });

  it("lists columns a model needs and reads extra columns as numbers on demand", () => {
    expect(requireColumns(zh, ["written", "currentPay"], "薪酬套改")).toEqual([
      {
        severity: "error",
        table: "staff",
        tableName: "人员",
        column: "现月薪 / Current Pay",
        key: "column.missingFor",
        params: { model: "薪酬套改" },
      },
    ]);
    const r = readTable(STAFF, [
      ["工号", "加分"],
      ["E1", "2.5"],
      ["E2", "x"],
    ]);
    expect(extraNumber(r, r.records[0], "加分")).toEqual({ value: 2.5 });
    expect(extraNumber(r, r.records[1], "加分").problem).toMatchObject({
      tableRow: 3,
      columnIndex: 1,
      key: "cell.notNumber",
    });
  });

  it("reads an empty table as no records and only the missing-column problem", () => {
    const r = readTable(STAFF, []);
    expect(r.records).toEqual([]);
    expect(r.problems.map((p) => p.key)).toEqual(["column.missing"]);
  });
});
