import ExcelJS from "exceljs";
import type { ResultSheet } from "../engine/report";
import { identifyTables } from "../engine/workbook";
import { HostError } from "../host/errors";
import { PreviewHost } from "./previewHost";

/** A small input workbook made with exceljs: an Excel table "人员" and a plain sheet "岗位" starting at B3. */
async function inputBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const staff = wb.addWorksheet("人员");
  staff.addTable({
    name: "人员",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "工号" }, { name: "姓名" }, { name: "笔试" }],
    rows: [
      ["0001", "张三", 88],
      ["0002", "李四", 75.5],
    ],
  });
  const posts = wb.addWorksheet("岗位");
  posts.getCell("B3").value = "岗位";
  posts.getCell("C3").value = "职数";
  posts.getCell("B4").value = "综合科员";
  posts.getCell("C4").value = 2;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** Every non-empty cell of a sheet as "A1=value", for before/after comparisons. */
function cells(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      out.push(`${cell.address}=${JSON.stringify(cell.value)}`);
    }),
  );
  return out;
}

const placements: ResultSheet = {
  id: "placements",
  name: "竞聘结果",
  columns: [
    { header: "姓名", kind: "text" },
    { header: "月薪", kind: "money" },
    { header: "增幅", kind: "percent" },
    { header: "生效日期", kind: "date" },
  ],
  rows: [
    ["张三", 5234.5, 0.125, 45352],
    ["李四", 4800, -0.05, 45352],
    ["王五", 6100, 0, null],
  ],
  highlights: [{ rows: [1], style: "bad" }],
  charts: [{ type: "column", title: "月薪", categoryColumn: 0, seriesColumns: [1] }],
  notes: ["参数：基准方案"],
};

describe("PreviewHost on real .xlsx bytes", () => {
  it("lists the Excel table and the header sheet with where they sit", async () => {
    const host = await PreviewHost.open(await inputBytes());
    const sources = await host.listTables();
    const table = sources.find((s) => s.name === "人员" && s.sheet === "人员");
    expect(table?.rows).toEqual([
      ["工号", "姓名", "笔试"],
      ["0001", "张三", 88],
      ["0002", "李四", 75.5],
    ]);
    const posts = sources.find((s) => s.name === "岗位");
    expect(posts).toMatchObject({ sheet: "岗位", headerRow: 3, firstColumn: 1 });
    expect(Object.keys(identifyTables(sources)).sort()).toEqual(["posts", "staff"].sort());
  });

  it("writes results beside untouched inputs: headers, number formats, table, fill, notes, frozen header", async () => {
    const bytes = await inputBytes();
    const before = await load(bytes);
    const host = await PreviewHost.open(bytes, "zh");
    const progress: number[] = [];
    await host.writeResults([placements], { replace: false, onProgress: (done) => progress.push(done) });
    const after = await load(await host.download());

    for (const name of ["人员", "岗位"])
      expect(cells(after.getWorksheet(name)!)).toEqual(cells(before.getWorksheet(name)!));
    const ws = after.getWorksheet("竞聘结果")!;
    expect(ws).toBeDefined();
    expect([1, 2, 3, 4].map((c) => ws.getCell(1, c).value)).toEqual(["姓名", "月薪", "增幅", "生效日期"]);
    expect(ws.getCell("B2").value).toBe(5234.5);
    expect(ws.getCell("B2").numFmt).toBe("¥#,##0.00");
    expect(ws.getCell("C3").numFmt).toBe("0.0%");
    expect(ws.getCell("D2").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("A2").numFmt).toBe("@");
    // Row index 1 (李四, worksheet row 3) is filled red; row 2 is not.
    expect((ws.getCell("A3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect((ws.getCell("A2").fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBeUndefined();
    // Notes one column right of the table, then the chart's note.
    expect(ws.getCell("F1").value).toBe("参数：基准方案");
    expect(String(ws.getCell("F2").value)).toContain("月薪");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const tables = Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables);
    expect(tables).toEqual(["SR_placements"]);
    expect(progress[progress.length - 1]).toBe(4);
  });

  it("never writes over an input sheet and changes nothing when refusing", async () => {
    const host = await PreviewHost.open(await inputBytes());
    const before = await host.download();
    const onto: ResultSheet = { ...placements, name: "人员" };
    await expect(host.writeResults([placements, onto], { replace: true })).rejects.toMatchObject({
      key: "host.inputSheet",
      params: { sheet: "人员" },
    });
    const a = await load(before);
    const b = await load(await host.download());
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
  });

  it("replaces an earlier result sheet only when asked", async () => {
    const host = await PreviewHost.open(await inputBytes());
    await host.writeResults([placements], { replace: false });
    expect(await host.existingSheets(["竞聘结果", "其他"])).toEqual(["竞聘结果"]);
    await expect(host.writeResults([placements], { replace: false })).rejects.toMatchObject({
      key: "host.sheetExists",
    });
    const changed: ResultSheet = { ...placements, rows: [["赵六", 1, 0.5, null]], highlights: [] };
    await host.writeResults([changed], { replace: true });
    const wb = await load(await host.download());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["人员", "岗位", "竞聘结果"]);
    expect(wb.getWorksheet("竞聘结果")!.getCell("A2").value).toBe("赵六");
    expect(wb.getWorksheet("竞聘结果")!.getCell("A3").value).toBeNull();
  });

  it("inserts tables (templates with drop-down lists) into a blank workbook", async () => {
    const host = PreviewHost.blank("en");
    await host.insertTables(
      [
        { name: "Staff", rows: [["ID", "Name", "Veteran"]], validation: [{ column: 2, list: ["是", "否"] }] },
        {
          name: "Loans",
          rows: [
            ["Unit", "Borrowed"],
            ["Office", new Date(Date.UTC(2024, 2, 1))],
          ],
        },
      ],
      { replace: false },
    );
    const wb = await load(await host.download());
    const staff = wb.getWorksheet("Staff")!;
    expect(staff.getCell("C2").dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(staff.getCell("C501").dataValidation).toMatchObject({ type: "list" });
    const loans = wb.getWorksheet("Loans")!;
    expect(loans.getCell("B2").numFmt).toBe("yyyy-mm-dd");
    expect((loans.getCell("B2").value as Date).toISOString().slice(0, 10)).toBe("2024-03-01");
    // The inserted tables are found again as inputs.
    const again = await (await PreviewHost.open(await host.download())).listTables();
    expect(again.find((s) => s.name === "Staff")?.rows[0]).toEqual(["ID", "Name", "Veteran"]);
    expect(again.find((s) => s.name === "Loans")?.rows[1]).toEqual(["Office", new Date(Date.UTC(2024, 2, 1))]);
    await expect(host.insertTables([{ name: "Staff", rows: [["ID"]] }], { replace: false })).rejects.toMatchObject({
      key: "host.sheetExists",
    });
  });

  it("selects a cell, refuses a missing sheet, refuses a non-xlsx file, and honours cancel", async () => {
    const host = await PreviewHost.open(await inputBytes());
    await host.selectCell("岗位", 4, 2);
    expect(host.selection).toEqual({ sheet: "岗位", row: 4, column: 2 });
    // The downloaded file opens on the selected cell (exceljs reads the active cell back only on a frozen sheet).
    await host.writeResults([placements], { replace: false });
    await host.selectCell("竞聘结果", 3, 1);
    const wb = await load(await host.download());
    expect(wb.getWorksheet("竞聘结果")!.views[0]).toMatchObject({ state: "frozen", ySplit: 1, activeCell: "B3" });
    expect(wb.views[0].activeTab).toBe(2);
    await host.writeResults([placements], { replace: true });
    await expect(host.selectCell("无此表", 1, 0)).rejects.toMatchObject({ key: "host.sheetMissing" });
    await expect(PreviewHost.open(new TextEncoder().encode("not a workbook"))).rejects.toBeInstanceOf(HostError);

    const controller = new AbortController();
    const big: ResultSheet = { ...placements, rows: Array.from({ length: 25_000 }, (_, i) => [`p${i}`, i, 0, null]) };
    const write = host.writeResults([big], {
      replace: true,
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 10_000) controller.abort();
      },
    });
    await expect(write).rejects.toMatchObject({ key: "host.cancelled" });
    // Cancelled before any change: the earlier result sheet is still the 3-row one.
    const kept = await load(await host.download());
    expect(kept.getWorksheet("竞聘结果")!.rowCount).toBe(4);
  });
});

describe("PreviewHost.selectionTable", () => {
  it("gives the table holding the last selected cell, or null", async () => {
    const host = PreviewHost.blank("en");
    expect(await host.selectionTable()).toBeNull();
    const rows = [
      ["Id", "Name"],
      ["E1", "Ann"],
      ["E2", "Bo"],
    ];
    await host.insertTables([{ name: "Sheet3", rows }], { replace: false });
    await host.selectCell("Sheet3", 3, 1); // B3: inside A1:B3
    const src = await host.selectionTable();
    expect(src?.sheet).toBe("Sheet3");
    expect(src?.rows).toEqual(rows);
    expect(src?.headerRow ?? 1).toBe(1);
    await host.selectCell("Sheet3", 4, 0); // A4: below the table
    expect(await host.selectionTable()).toBeNull();
  });
});
