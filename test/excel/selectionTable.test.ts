import { selectionTableIn } from "../../src/excel/read";
import { OfficeHost } from "../../src/excel/officeHost";
import { FakeExcel } from "./fakeExcel";

const staff = [
  ["工号", "姓名", "岗位"],
  ["E1", "张三", "P1"],
  ["E2", "李四", "P2"],
];

describe("selectionTableIn", () => {
  it("takes the Excel table under the selected cell, named after the table", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet3", staff, { r: 2, c: 1, table: "表1" });
    fake.selection = { sheet: "Sheet3", r: 3, c: 2 }; // C4, inside the table at B3:D5
    const src = await selectionTableIn(fake.excelContext);
    expect(src).toEqual({ name: "表1", sheet: "Sheet3", rows: staff, headerRow: 3, firstColumn: 1 });
  });

  it("takes the selected range itself when it spans more than one row", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Data", [["note"], [], ...staff], { r: 0, c: 0 });
    fake.selection = { sheet: "Data", r: 2, c: 0, nr: 2, nc: 3 }; // A3:C4: header + first row
    const src = await selectionTableIn(fake.excelContext);
    expect(src).toEqual({ name: "Data", sheet: "Data", rows: staff.slice(0, 2), headerRow: 3, firstColumn: 0 });
  });

  it("takes the sheet's used range for a single selected cell outside tables", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet3", staff, { r: 1, c: 2 });
    fake.selection = { sheet: "Sheet3", r: 0, c: 0 };
    const src = await new OfficeHost((batch) => batch(fake.excelContext)).selectionTable();
    expect(src).toEqual({ name: "Sheet3", sheet: "Sheet3", rows: staff, headerRow: 2, firstColumn: 2 });
  });

  it("gives null for an empty sheet or a region without a text header", async () => {
    const empty = new FakeExcel();
    empty.addSheet("Blank");
    empty.selection = { sheet: "Blank", r: 0, c: 0 };
    expect(await selectionTableIn(empty.excelContext)).toBeNull();
    const numbers = new FakeExcel();
    numbers.addSheet("N", [
      [1, 2],
      [3, 4],
    ]);
    numbers.selection = { sheet: "N", r: 0, c: 0 };
    expect(await selectionTableIn(numbers.excelContext)).toBeNull();
  });
});
