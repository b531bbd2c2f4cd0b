import ExcelJS from "exceljs";
import type { ResultSheet } from "../engine/report";
import { identifyTables, readTables } from "../engine/workbook";
import { generateSample, sampleSources } from "../sample/sample";
import { normalizeCell, problemAddress, readXlsx, sheetRef, sniffXlsx, writeXlsx } from "./xlsx";

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

describe("readXlsx / writeXlsx", () => {
  const sample = generateSample();
  let sampleBytes: Uint8Array;
  beforeAll(async () => {
    sampleBytes = await writeXlsx(sampleSources(sample), [], "zh");
  });

  it("writes the sample as Excel tables and reads back identical tables", async () => {
    const r = await readXlsx(sampleBytes);
    if (!r.ok) throw new Error(r.key);
    const found = identifyTables(r.sources);
    for (const table of sample.tables) {
      const src = found[table.id]!;
      expect(src.name).toBe(table.name);
      expect(src.sheet).toBe(table.name);
      expect(src.headerRow).toBe(1);
      expect(src.firstColumn).toBe(0);
      expect(src.rows).toEqual(table.rows);
    }
    const wb = await load(sampleBytes);
    const ws = wb.getWorksheet("人员")!;
    expect(Object.keys((ws as unknown as { tables: object }).tables)).toEqual(["人员"]);
    const reads = readTables(found);
    expect(Object.values(reads).flatMap((t) => t!.problems)).toEqual([]);
  });

  it("finds a table placed anywhere on a sheet, and a sheet whose headers start lower down", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = "A note above the table";
    ws.addTable({
      name: "Posts",
      ref: "C4",
      headerRow: true,
      columns: [{ name: "Post ID" }, { name: "Quota" }],
      rows: [
        ["P1", 2],
        ["P2", "two"],
      ],
    });
    const sheet = wb.addWorksheet("人员");
    sheet.getCell("B3").value = "工号";
    sheet.getCell("C3").value = "笔试";
    sheet.getCell("B4").value = "E1";
    sheet.getCell("C4").value = { formula: "40*2", result: 80 } as ExcelJS.CellValue;
    sheet.getCell("B5").value = { richText: [{ text: "E" }, { text: "2" }] } as ExcelJS.CellValue;
    sheet.getCell("C5").value = { error: "#N/A" } as ExcelJS.CellValue;
    const r = await readXlsx(await bytesOf(wb));
    if (!r.ok) throw new Error(r.key);
    const posts = r.sources.find((s) => s.name === "Posts")!;
    expect(posts).toMatchObject({ sheet: "Data", headerRow: 4, firstColumn: 2 });
    expect(posts.rows).toEqual([
      ["Post ID", "Quota"],
      ["P1", 2],
      ["P2", "two"],
    ]);
    const staff = r.sources.find((s) => s.name === "人员")!;
    expect(staff).toMatchObject({ sheet: "人员", headerRow: 3, firstColumn: 1 });
    expect(staff.rows).toEqual([
      ["工号", "笔试"],
      ["E1", 80],
      ["E2", "#N/A"],
    ]);
    // Problems name worksheet cells.
    const reads = readTables(identifyTables(r.sources));
    const quota = reads.posts!.problems.find((p) => p.key === "cell.notNumber")!;
    expect(problemAddress(quota, r.sources)).toBe("Data!D6");
    const score = reads.staff!.problems.find((p) => p.key === "cell.notNumber")!;
    expect(problemAddress(score, r.sources)).toBe("人员!C5");
  });

  it("normalises exceljs cell values", () => {
    expect(normalizeCell({ formula: "1+1", result: 2 })).toBe(2);
    expect(normalizeCell({ sharedFormula: "A1", result: "x" })).toBe("x");
    expect(normalizeCell({ formula: "1/0", result: { error: "#DIV/0!" } })).toBe("#DIV/0!");
    expect(normalizeCell({ richText: [{ text: "张" }, { text: "三" }] })).toBe("张三");
    expect(normalizeCell({ text: "link", hyperlink: "https://example.org" })).toBe("link");
    expect(normalizeCell({ error: "#REF!" })).toBe("#REF!");
    const d = new Date(Date.UTC(2024, 0, 2));
    expect(normalizeCell(d)).toBe(d);
    expect(normalizeCell(undefined)).toBeNull();
    expect(normalizeCell(true)).toBe(true);
  });

  it("keeps the input sheets and adds formatted result sheets", async () => {
    const result: ResultSheet = {
      id: "demo",
      name: "人员",
      columns: [
        { header: "工号", kind: "text" },
        { header: "新月薪", kind: "money" },
        { header: "比例", kind: "percent" },
        { header: "人数", kind: "integer" },
        { header: "得分", kind: "number", decimals: 1 },
        { header: "日期", kind: "date" },
      ],
      rows: [
        ["E1", 1234.5, 0.125, 3, 81.25, 45352], // Excel serial of 2024-03-01
        ["E2", 99, 0.5, 1, 70, null],
      ],
      highlights: [{ rows: [1], style: "bad" }],
      notes: ["第一条说明"],
      charts: [{ type: "column", title: "分布", categoryColumn: 0, seriesColumns: [1] }],
    };
    const out = await writeXlsx(sampleBytes, [result], "zh");
    const before = await readXlsx(sampleBytes);
    const after = await readXlsx(out);
    if (!before.ok || !after.ok) throw new Error("unreadable");
    // Every input table and sheet is still there, cell for cell.
    for (const src of before.sources) {
      expect(after.sources.find((s) => s.name === src.name && s.sheet === src.sheet)!.rows).toEqual(src.rows);
    }
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...sample.tables.map((t) => t.name), "人员 (2)"]);
    const ws = wb.getWorksheet("人员 (2)")!;
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getCell("B2").numFmt).toBe("¥#,##0.00");
    expect(ws.getCell("C2").numFmt).toBe("0.0%");
    expect(ws.getCell("D2").numFmt).toBe("0");
    expect(ws.getCell("E2").numFmt).toBe("0.0");
    expect(ws.getCell("F2").value).toEqual(new Date(Date.UTC(2024, 2, 1)));
    expect(ws.getCell("B2").value).toBe(1234.5);
    expect((ws.getCell("A3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect((ws.getCell("A2").fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe("FFFFC7CE");
    expect(ws.getCell("H1").value).toBe("说明");
    expect(ws.getCell("H2").value).toBe("第一条说明");
    expect(String(ws.getCell("H3").value)).toContain("分布");
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(8);
  });

  it("says what is wrong with bytes that are not a readable .xlsx, without throwing", async () => {
    const text = new TextEncoder().encode("staff,id\n1,2\n");
    expect(await readXlsx(text)).toEqual({ ok: false, key: "cli.notXlsx" });
    expect(await readXlsx(new Uint8Array(0))).toEqual({ ok: false, key: "cli.notXlsx" });
    expect(await readXlsx(sampleBytes.slice(0, Math.floor(sampleBytes.length / 2)))).toEqual({
      ok: false,
      key: "cli.truncated",
    });
    // An encrypted OOXML package is a CFB container holding an "EncryptionInfo" stream (UTF-16LE names).
    const cfb = new Uint8Array(2048);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const legacy = cfb.slice();
    const name = "EncryptionInfo";
    for (let i = 0; i < name.length; i++) cfb[1024 + 2 * i] = name.charCodeAt(i);
    expect(await readXlsx(cfb)).toEqual({ ok: false, key: "cli.encrypted" });
    expect(await readXlsx(legacy)).toEqual({ ok: false, key: "cli.notXlsx" });
    // A zip that is not a workbook.

    const JSZip = require("jszip"); // exceljs's own zip library
    const zip = new JSZip();
    zip.file("readme.txt", "not a workbook");
    const zipped = new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
    expect(sniffXlsx(zipped)).toBe("zip");
    expect(await readXlsx(zipped)).toEqual({ ok: false, key: "cli.notXlsx" });
    expect(sniffXlsx(sampleBytes)).toBe("zip");
    await expect(writeXlsx(text, [], "zh")).rejects.toMatchObject({ key: "cli.notXlsx" });
  });

  it("addresses problems as Excel does", () => {
    const sources = [
      { name: "人员", sheet: "人员", rows: [], headerRow: 1, firstColumn: 0 },
      { name: "Posts", sheet: "My Sheet", rows: [], headerRow: 4, firstColumn: 2 },
    ];
    const base = { severity: "error" as const, table: "staff", key: "x" };
    expect(problemAddress({ ...base, tableName: "人员", tableRow: 7, columnIndex: 9 }, sources)).toBe("人员!J7");
    expect(problemAddress({ ...base, tableName: "Posts", tableRow: 6, columnIndex: 1 }, sources)).toBe("'My Sheet'!D6");
    expect(problemAddress({ ...base, tableName: "Posts", columnIndex: 0 }, sources)).toBe("'My Sheet'!C4");
    expect(problemAddress({ ...base, tableName: "人员", tableRow: 3 }, sources)).toBe("人员!3:3");
    expect(problemAddress({ ...base, tableName: "人员" }, sources)).toBe("人员");
    expect(problemAddress({ ...base, tableName: "Other" }, sources)).toBeUndefined();
    expect(sheetRef("Staff")).toBe("Staff");
    expect(sheetRef("A1")).toBe("'A1'");
    expect(sheetRef("It's")).toBe("'It''s'");
  });
});
