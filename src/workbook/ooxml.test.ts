import type { CellValue } from "../engine/types";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { deflateRawSync } from "zlib";
import type { ResultSheet } from "../engine/report";
import { generateSample, sampleSources } from "../sample/sample";
import { ByteBuilder, crc32, decodeXml, escapeXml, isDateFormat, zipEntries, type ZipCodec } from "./ooxml";
import { loadWorkbook, readXlsx, workbookSources, writeXlsx } from "./xlsx";

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** What exceljs's full object model reads, as table sources: the reference the fast reader must match. */
async function exceljsSources(bytes: Uint8Array) {
  const loaded = await loadWorkbook(bytes);
  if (!loaded.ok) throw new Error(loaded.key);
  return workbookSources(loaded.workbook);
}

const RESULT: ResultSheet = {
  id: "r",
  name: "结果",
  columns: [
    { header: "工号", kind: "text" },
    { header: "金额", kind: "money" },
    { header: "日期", kind: "date" },
    { header: "标记", kind: "boolean" },
  ],
  rows: [
    ["E1", 12.5, 45352, true],
    [' a<b>&"c" ', -3, null, false],
    ["", null, 45353.5, null],
  ],
  highlights: [{ rows: [2], style: "warn" }],
  notes: ["说明一"],
};

describe("fast .xlsx reading", () => {
  it("reads every kind of cell as exceljs does", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("人员");
    ws.getCell("B3").value = "工号";
    ws.getCell("C3").value = { richText: [{ text: "姓" }, { text: "名", font: { bold: true } }] };
    ws.getCell("D3").value = "合计";
    ws.getCell("E3").value = "日期";
    ws.getCell("F3").value = "备注";
    ws.getCell("B4").value = "E1";
    ws.getCell("C4").value = "张 &<三>\"'";
    ws.getCell("D4").value = { formula: "1+1", result: 2 };
    ws.getCell("E4").value = new Date(Date.UTC(2024, 2, 1));
    ws.getCell("F4").value = { text: "链接", hyperlink: "https://example.com" };
    ws.getCell("B5").value = "E2";
    ws.getCell("C5").value = "  空格  ";
    ws.getCell("D5").value = { formula: 'A1&"x"', result: "文本结果" };
    ws.getCell("E5").value = 45352.25;
    ws.getCell("F5").value = { error: "#N/A" };
    ws.getCell("B6").value = "E3";
    ws.getCell("C6").value = "😀 emoji";
    ws.getCell("D6").value = true;
    ws.getCell("E6").value = 0.125;
    ws.getCell("E6").numFmt = "0.0%";
    ws.getCell("F6").value = "";
    ws.mergeCells("B8:C8");
    ws.getCell("B8").value = "合并";
    const other = wb.addWorksheet("Posts");
    other.addTable({
      name: "Posts",
      ref: "C2",
      headerRow: true,
      totalsRow: true,
      columns: [
        { name: "Post ID", totalsRowLabel: "Total" },
        { name: "Quota", totalsRowFunction: "sum" },
      ],
      rows: [
        ["P1", 2],
        ["P2", 3],
      ],
    });
    const bytes = await bytesOf(wb);
    const fast = await readXlsx(bytes);
    if (!fast.ok) throw new Error(fast.key);
    // exceljs repeats a merged range's value in every cell of it; Excel and Office.js show it in the first
    // cell only, and so does the fast reader.
    const reference = await exceljsSources(bytes);
    const staffRef = reference.find((s) => s.name === "人员")!;
    expect(staffRef.rows[5][1]).toBe("合并");
    (staffRef.rows[5] as CellValue[])[1] = null;
    expect(fast.sources).toEqual(reference);
    // And by hand, the cases that matter.
    const staff = fast.sources.find((s) => s.name === "人员")!;
    expect(staff.headerRow).toBe(3);
    expect(staff.firstColumn).toBe(1);
    expect(staff.rows[0]).toEqual(["工号", "姓名", "合计", "日期", "备注"]);
    expect(staff.rows[1]).toEqual(["E1", "张 &<三>\"'", 2, new Date(Date.UTC(2024, 2, 1)), "链接"]);
    expect(staff.rows[2]).toEqual(["E2", "  空格  ", "文本结果", 45352.25, "#N/A"]);
    expect(staff.rows[3]).toEqual(["E3", "😀 emoji", true, 0.125, ""]);
    const posts = fast.sources.find((s) => s.name === "Posts")!;
    expect(posts.rows).toEqual([
      ["Post ID", "Quota"],
      ["P1", 2],
      ["P2", 3],
    ]);
  });

  it("reads dates of a workbook in the 1904 date system", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Loans");
    ws.addRow(["Borrowed"]);
    ws.addRow([new Date(Date.UTC(2025, 0, 15))]);
    const bytes = await bytesOf(wb);
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/date1904="1"/);
    const fast = await readXlsx(bytes);
    if (!fast.ok) throw new Error(fast.key);
    expect(fast.sources[0].rows[1][0]).toEqual(new Date(Date.UTC(2025, 0, 15)));
  });

  it("reads the sample as the generated tables", async () => {
    const sample = generateSample({ staff: 120 });
    const bytes = await writeXlsx(sampleSources(sample), [], "zh");
    const fast = await readXlsx(bytes);
    if (!fast.ok) throw new Error(fast.key);
    expect(fast.sources).toEqual(await exceljsSources(bytes));
    for (const t of sample.tables) expect(fast.sources.find((s) => s.name === t.name)!.rows).toEqual(t.rows);
  });
});

describe("adding result sheets to a package", () => {
  let input: Uint8Array;
  beforeAll(async () => {
    input = await writeXlsx(sampleSources(generateSample({ staff: 60 })), [], "zh");
  });

  it("copies every input part as stored and edits only the workbook, its relationships, content types and styles", async () => {
    const out = await writeXlsx(input, [RESULT], "zh");
    const before = zipEntries(input);
    const after = new Map(zipEntries(out).map((e) => [e.name, e]));
    const edited = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];
    for (const e of before) {
      const o = after.get(e.name)!;
      expect(o).toBeDefined();
      if (edited.includes(e.name)) continue;
      expect([e.name, o.method, o.crc, Buffer.from(o.raw).equals(Buffer.from(e.raw))]).toEqual([
        e.name,
        e.method,
        e.crc,
        true,
      ]);
    }
    expect(after.size).toBe(before.length + 1);
    // The edited parts keep what they held, with the additions.
    const zin = await JSZip.loadAsync(input);
    const zout = await JSZip.loadAsync(out);
    const wbIn = await zin.file("xl/workbook.xml")!.async("string");
    const wbOut = await zout.file("xl/workbook.xml")!.async("string");
    for (const tag of wbIn.match(/<sheet [^>]*\/>/g)!) expect(wbOut).toContain(tag);
    expect(wbOut).toMatch(/<sheet name="结果" sheetId="\d+" r:id="rId\d+"\/>/);
    expect(wbOut).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="8" hidden="1">'结果'!$A$1:$D$1`);
    const stylesIn = await zin.file("xl/styles.xml")!.async("string");
    const stylesOut = await zout.file("xl/styles.xml")!.async("string");
    const xfs = (s: string) => /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(s)!;
    expect(xfs(stylesOut)[2].startsWith(xfs(stylesIn)[2])).toBe(true);
    expect(Number(xfs(stylesOut)[1])).toBe((xfs(stylesOut)[2].match(/<xf /g) ?? []).length);
  });

  it("lays the result sheet out as exceljs reads it back: values, formats, fills, notes, frozen header", async () => {
    const out = await writeXlsx(input, [RESULT], "zh");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet("结果")!;
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getCell("A3").value).toBe(' a<b>&"c" ');
    expect(ws.getCell("B2").value).toBe(12.5);
    expect(ws.getCell("B2").numFmt).toBe("¥#,##0.00");
    expect(ws.getCell("C2").value).toEqual(new Date(Date.UTC(2024, 2, 1)));
    expect(ws.getCell("C4").value).toEqual(new Date(Date.UTC(2024, 2, 2, 12)));
    expect(ws.getCell("D2").value).toBe(true);
    expect(ws.getCell("D3").value).toBe(false);
    expect(ws.getCell("A4").value ?? "").toBe(""); // an empty text (exceljs reads it as blank)
    expect((ws.getCell("B4").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFEB9C");
    expect(ws.getCell("F1").value).toBe("说明");
    expect(ws.getCell("F2").value).toBe("说明一");
    expect(ws.autoFilter).toBe("A1:D1");
  });

  it("writes the same workbook with zlib, with the platform's CompressionStream, or stored", async () => {
    const zlib: ZipCodec = { deflateRaw: (d) => deflateRawSync(d), crc32 };
    const stored: ZipCodec = { crc32 };
    const outs = [
      await writeXlsx(input, [RESULT], "zh", { codec: zlib }),
      await writeXlsx(input, [RESULT], "zh"),
      await writeXlsx(input, [RESULT], "zh", { codec: stored }),
    ];
    const read = await Promise.all(outs.map((o) => readXlsx(o)));
    for (const r of read) if (!r.ok) throw new Error(r.key);
    expect(read[1]).toEqual(read[0]);
    expect(read[2]).toEqual(read[0]);
    expect(zipEntries(outs[2]).filter((e) => e.name === "xl/worksheets/sheet9.xml")[0].method).toBe(0);
    expect(outs[2].length).toBeGreaterThan(outs[0].length);
  });

  it("adds to a result workbook again under new sheet names", async () => {
    const once = await writeXlsx(input, [RESULT], "zh");
    const twice = await writeXlsx(once, [RESULT, { ...RESULT, name: "结果 (2)" }], "zh");
    const r = await readXlsx(twice);
    if (!r.ok) throw new Error(r.key);
    expect(r.sources.map((s) => s.sheet).slice(-3)).toEqual(["结果", "结果 (2)", "结果 (2) (2)"]);
  });
});

describe("package helpers", () => {
  it("CRC-32, XML escaping and decoding, date formats, byte building", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(escapeXml('a<b>&"c"\u0001')).toBe("a&lt;b&gt;&amp;&quot;c&quot;");
    expect(escapeXml("plain 文本")).toBe("plain 文本");
    expect(decodeXml("&lt;&#x4E2D;&#25991;&amp;&quot;&apos;&gt;")).toBe("<中文&\"'>");
    for (const f of ["yyyy-mm-dd", "m/d/yy", '[$-804]yyyy"年"m"月"d"日"', "h:mm:ss", "dd/mm/yyyy hh:mm"])
      expect(isDateFormat(f)).toBe(true);
    for (const f of ["0.00", "¥#,##0.00", "0.0%", '"days"0', "[Red]0.00", "General", "@"])
      expect(isDateFormat(f)).toBe(false);
    const b = new ByteBuilder();
    const piece = "中文<c>".repeat(5000);
    for (let i = 0; i < 10; i++) b.add(piece);
    expect(new TextDecoder().decode(b.bytes())).toBe(piece.repeat(10));
  });
});
