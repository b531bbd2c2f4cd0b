import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { join } from "path";
import { memoryIO } from "../src/cli/io";
import { runModels } from "../src/cli/models";
import { runReform } from "../src/engine/reform/run";
import { parseSweep } from "../src/cli/run";
import { compareScenarios, comparisonSheets } from "../src/engine/scenario/compare";
import { readScenarios } from "../src/engine/scenario/params";
import { identifyTables, readTables } from "../src/engine/workbook";
import { main } from "../src/cli/main";
import type { CellValue } from "../src/engine/types";
import { generateSample, sampleSources, type SampleWorkbook } from "../src/sample/sample";
import { readXlsx, writeXlsx } from "../src/workbook/xlsx";

const ROOT = join(__dirname, "..");

/** The sample with some cells changed: [table index, worksheet row, 0-based column, value]. */
function edited(wb: SampleWorkbook, edits: [number, number, number, CellValue][]): SampleWorkbook {
  const copy: SampleWorkbook = { tables: wb.tables.map((t) => ({ ...t, rows: t.rows.map((r) => [...r]) })) };
  for (const [ti, row, col, v] of edits) copy.tables[ti].rows[row - 1][col] = v;
  return copy;
}

async function xlsxOf(wb: SampleWorkbook): Promise<Uint8Array> {
  return writeXlsx(sampleSources(wb), [], "zh", { asTables: false });
}

describe("reform (in-process)", () => {
  const sample = generateSample();
  let sampleBytes: Uint8Array;
  beforeAll(async () => {
    sampleBytes = await xlsxOf(sample);
  });

  it("sample writes an .xlsx that reads back as the generated tables", async () => {
    const io = memoryIO();
    expect(await main(["sample", "--out", "zone.xlsx"], io)).toBe(0);
    expect(io.out.join("\n")).toContain("zone.xlsx");
    const r = await readXlsx(io.files["zone.xlsx"]);
    if (!r.ok) throw new Error(r.key);
    for (const table of sample.tables) {
      expect(r.sources.find((s) => s.name === table.name)!.rows).toEqual(table.rows);
    }
    const en = memoryIO();
    expect(await main(["sample", "--lang", "en", "-o", "en.xlsx"], en)).toBe(0);
    const re = await readXlsx(en.files["en.xlsx"]);
    if (!re.ok) throw new Error(re.key);
    expect(re.sources.map((s) => s.name)).toContain("PoolLedger");
  });

  it("check passes the sample and exits 0", async () => {
    const io = memoryIO({ "zone.xlsx": sampleBytes });
    expect(await main(["check", "zone.xlsx"], io)).toBe(0);
    expect(io.out.filter((l) => l.includes("错误"))).toEqual([]);
    expect(io.err.join("\n")).toContain("0 个错误");
  });

  it("check names the exact cells of a duplicate ID, an unknown post, text in a score column and a missing column", async () => {
    // Staff columns: A 工号 … J 笔试 … N 志愿1, O 志愿2. Worksheet row 7 = the 6th person.
    const broken = edited(sample, [
      [0, 6, 0, sample.tables[0].rows[1][0]], // duplicate of row 2's ID, in A6
      [0, 7, 9, "八十"], // text in 笔试, J7
      [0, 8, 14, "P999"], // unknown post in 志愿2, O8
    ]);
    const io = memoryIO({ "b.xlsx": await xlsxOf(broken) });
    expect(await main(["check", "b.xlsx"], io)).toBe(1);
    const lines = io.out;
    expect(lines).toContain(`人员!A6: 错误：“工号”的值“${sample.tables[0].rows[1][0]}”重复（首次出现在第 2 行）`);
    expect(lines).toContain("人员!J7: 错误：“笔试”的值“八十”不是数字");
    expect(lines).toContain("人员!O8: 错误：“志愿2”填写的岗位“P999”在岗位表中不存在");
    expect(lines.filter((l) => l.includes("错误"))).toHaveLength(3);

    // Posts without its 职数 column (F): the table cannot be read.
    const noQuota = edited(sample, []);
    noQuota.tables[1].rows = noQuota.tables[1].rows.map((r) => r.filter((_, i) => i !== 5));
    const io2 = memoryIO({ "q.xlsx": await xlsxOf(noQuota) });
    expect(await main(["check", "q.xlsx", "--lang", "en"], io2)).toBe(1);
    expect(io2.out).toContain("岗位: Error: Table “岗位” is missing the required column “职数 / Quota”");
  });

  it("check works on English workbooks and reports in English", async () => {
    const en = generateSample({ lang: "en" });
    const broken = edited(en, [[0, 7, 9, "eighty"]]);
    const io = memoryIO({ "en.xlsx": await xlsxOf(broken) });
    expect(await main(["check", "en.xlsx"], io)).toBe(1);
    expect(io.out).toContain("Staff!J7: Error: “Written” value “eighty” is not a number");
  });

  it("run writes the input sheets unchanged plus the result sheets, and never touches the input file", async () => {
    const io = memoryIO({ "zone.xlsx": sampleBytes });
    const before = Uint8Array.from(sampleBytes);
    const code = await main(["run", "zone.xlsx", "--json"], io);
    expect(io.files["zone.xlsx"]).toEqual(before);
    expect(code).toBe(0);
    const summary = JSON.parse(io.out[io.out.length - 1]);
    expect(summary.output).toBe("zone-result.xlsx");
    expect(summary.lang).toBe("zh");
    const out = await readXlsx(io.files["zone-result.xlsx"]);
    if (!out.ok) throw new Error(out.key);
    for (const table of sample.tables) {
      expect(out.sources.find((s) => s.name === table.name)!.rows).toEqual(table.rows);
    }
    // Every result sheet listed in the summary is in the output with its rows.
    for (const s of summary.sheets as { name: string; rows: number }[]) {
      const src = out.sources.find((x) => x.sheet === s.name);
      expect(src).toBeDefined();
      expect(src!.rows.length).toBeGreaterThanOrEqual(s.rows + 1);
    }
    expect(summary.scenarios[0].name).toBe("基准方案");
    const names = summary.sheets.map((x: { name: string }) => x.name);
    for (const n of ["竞聘结果", "岗位录取", "薪酬套改", "绩效分配", "编制分析", "周转编制池"])
      expect(names).toContain(n);
    // The sheets read back equal the engines' own results for the baseline scenario.
    const tables = readTables(identifyTables(sampleSources(sample)));
    const baseline = readScenarios(tables.scenarios!).scenarios[0].params;
    const expected = runModels(tables, { lang: "zh", params: baseline });
    expect([...expected.sheets.map((x) => x.name), "问题清单"]).toEqual(
      summary.sheets.map((x: { name: string }) => x.name),
    );
    expect(expected.sheets.length).toBeGreaterThan(0);
    for (const sheet of expected.sheets) {
      const got = out.sources.find((x) => x.sheet === sheet.name)!;
      const width = sheet.columns.length;
      expect(got.rows[0].slice(0, width)).toEqual(sheet.columns.map((c) => c.header));
      const want = sheet.rows.map((r) =>
        sheet.columns.map((c, i) => {
          const v = r[i] ?? null;
          return c.kind === "date" && typeof v === "number" ? new Date(Date.UTC(1899, 11, 30) + v * 86_400_000) : v;
        }),
      );
      expect(got.rows.slice(1, 1 + want.length).map((r) => r.slice(0, width))).toEqual(want);
    }
    expect(io.err.some((l) => l.includes("识别到的表"))).toBe(true);
  });

  it("skips a model whose table is missing, stops one whose table is malformed, and compares every scenario", async () => {
    // No Units table (headcount skipped); text in the ledger's 数量 (C3): the pool model stops on it.
    const broken = edited({ tables: sample.tables.filter((t) => t.id !== "units") }, [[5, 3, 2, "三"]]);
    expect(broken.tables[5].id).toBe("poolLedger");
    const io = memoryIO({ "z.xlsx": await xlsxOf(broken) });
    const code = await main(["run", "z.xlsx", "--out", "o.xlsx", "--all-scenarios", "--json"], io);
    expect(code).toBe(1);
    const err = io.err.join("\n");
    expect(err).toContain("编制分析：缺少表 机构，未运行");
    expect(err).toMatch(/周转编制池：因 \d+ 个问题未能完成/);
    expect(err).toContain("周转编制台账!C3: 错误：“数量”的值“三”不是数字");
    const summary = JSON.parse(io.out[io.out.length - 1]);
    expect(summary.scenarios.map((s: { name: string }) => s.name)).toEqual(["基准方案", "方案二", "方案三"]);
    const statuses = summary.scenarios[0].models.map((m: { model: string; status: string }) => [m.model, m.status]);
    expect(statuses).toEqual([
      ["rebid", "ok"],
      ["pay", "ok"],
      ["perf", "ok"],
      ["headcount", "skipped"],
      ["pool", "failed"],
    ]);
    const out = await readXlsx(io.files["o.xlsx"]);
    if (!out.ok) throw new Error(out.key);
    // The comparison sheets are the engine's, for the same tables.
    const tables = readTables(identifyTables(sampleSources(broken)));
    const want = comparisonSheets(compareScenarios(tables), "zh");
    expect(want.map((w) => w.name)).toEqual(["方案对比", "方案人员变化"]);
    for (const sheet of want) {
      const got = out.sources.find((s) => s.sheet === sheet.name)!;
      const width = sheet.columns.length;
      expect(got.rows[0].slice(0, width)).toEqual(sheet.columns.map((c) => c.header));
      expect(got.rows.slice(1).map((r) => r.slice(0, width))).toEqual(sheet.rows.map((r) => r.map((v) => v ?? null)));
    }
    const cmp = out.sources.find((s) => s.sheet === "方案对比")!;
    expect(cmp.rows[0].slice(0, 4)).toEqual(["指标", "基准方案", "方案二", "方案三"]);
    expect(summary.scenarios[1].indicators.placed).toBe(cmp.rows.find((r) => r[0] === "按志愿录取")![2]);
    // Every problem is listed, with its cell, in the problems sheet.
    const listed = out.sources.find((s) => s.sheet === "问题清单")!;
    expect(listed.rows[0].slice(0, 3)).toEqual(["级别", "位置", "说明"]);
    expect(listed.rows).toContainEqual(["错误", "周转编制台账!C3", "“数量”的值“三”不是数字"]);
  });

  it("picks a scenario by name and refuses an unknown one", async () => {
    const io = memoryIO({ "z.xlsx": sampleBytes });
    expect(await main(["run", "z.xlsx", "--scenario", "方案三", "--json"], io)).toBe(0);
    const summary = JSON.parse(io.out[io.out.length - 1]);
    expect(summary.scenarios.map((s: { name: string }) => s.name)).toEqual(["方案三"]);
    const tables = readTables(identifyTables(sampleSources(sample)));
    const three = readScenarios(tables.scenarios!).scenarios[2];
    expect(three.params.protection).toBe("phase");
    const run = runReform(tables, { params: three.params });
    expect(summary.scenarios[0].indicators.payrollAfter).toBe(run.indicator("payrollAfter"));
    expect(summary.scenarios[0].indicators.placed).toBe(run.indicator("placed"));
    const out = await readXlsx(io.files["z-result.xlsx"]);
    if (!out.ok) throw new Error(out.key);
    const pay = run.sheets("zh").find((s) => s.name === "薪酬套改")!;
    const got = out.sources.find((s) => s.sheet === "薪酬套改")!;
    expect(got.rows.slice(1).map((r) => r.slice(0, pay.columns.length))).toEqual(
      pay.rows.map((r) => r.map((v) => v ?? null)),
    );
    const bad = memoryIO({ "z.xlsx": sampleBytes });
    expect(await main(["run", "z.xlsx", "--scenario", "方案九"], bad)).toBe(2);
    expect(bad.err.join("\n")).toContain("方案九");
  });

  it("keeps the result-sheet contract: sheet names and required columns in zh and en", async () => {
    const contract: Record<"zh" | "en", [string, string[]][]> = {
      en: [
        ["Placements", ["Staff ID", "Name", "Composite", "Post ID", "Outcome", "Choice Rank", "Reason"]],
        ["Post Fill", ["Post ID", "Quota", "Placed", "Vacancies", "Cutoff"]],
        ["Pay Conversion", ["Staff ID", "Grade", "Step", "Current Pay", "New Pay", "Change", "Protected"]],
        ["Performance Pay", ["Staff ID", "Unit", "Rating", "Basic", "Reward", "Total"]],
        ["Headcount", []],
        ["Pool", []],
        ["Scenario Comparison", ["Indicator", "基准方案", "方案二", "方案三"]],
        ["Scenario People", []],
      ],
      zh: [
        ["竞聘结果", ["工号", "姓名", "综合成绩", "岗位编号", "录取结果", "志愿序号", "原因"]],
        ["岗位录取", ["岗位编号", "职数", "录取人数", "空缺", "录取分数线"]],
        ["薪酬套改", ["工号", "岗级", "档次", "现月薪", "套改后月薪", "变动", "保留工资"]],
        ["绩效分配", ["工号", "单位", "考核等次", "基础性绩效", "奖励性绩效", "合计"]],
        ["编制分析", []],
        ["周转编制池", []],
        ["方案对比", ["指标", "基准方案", "方案二", "方案三"]],
        ["方案人员变化", []],
      ],
    };
    const outcomes = {
      en: ["placed", "adjusted", "not selected", "ineligible", "no choices", "transferred"],
      zh: [] as string[],
    };
    for (const lang of ["en", "zh"] as const) {
      const io = memoryIO({ "z.xlsx": sampleBytes });
      expect(await main(["run", "z.xlsx", "--lang", lang, "--all-scenarios", "-o", "r.xlsx"], io)).toBe(0);
      const wb = new ExcelJS.Workbook();
      const bytes = io.files["r.xlsx"];
      await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      const names = wb.worksheets.map((w) => w.name);
      // The input sheets first, unchanged in name and order, then the results.
      expect(names.slice(0, sample.tables.length)).toEqual(sample.tables.map((t) => t.name));
      for (const [sheet, required] of contract[lang]) {
        const ws = wb.getWorksheet(sheet);
        expect(ws ? sheet : `missing ${sheet}`).toBe(sheet);
        const header = (ws!.getRow(1).values as unknown[]).slice(1).map((v) => (v == null ? "" : String(v)));
        for (const col of required) expect(header).toContain(col);
        expect(ws!.rowCount).toBeGreaterThan(1);
      }
      if (lang === "en") {
        const ws = wb.getWorksheet("Placements")!;
        const col = (ws.getRow(1).values as unknown[]).indexOf("Outcome");
        const words = new Set<string>();
        ws.eachRow((row, r) => {
          if (r > 1) words.add(String(row.getCell(col).value));
        });
        for (const w of words) expect(outcomes.en).toContain(w);
        expect(words).toContain("placed");
        expect(words).toContain("not selected");
      }
    }
  });

  it("writes dates as dates: a loan's borrowed date reads back as the ledger's", async () => {
    const io = memoryIO({ "z.xlsx": sampleBytes });
    expect(await main(["run", "z.xlsx", "-o", "r.xlsx"], io)).toBe(0);
    const out = await readXlsx(io.files["r.xlsx"]);
    if (!out.ok) throw new Error(out.key);
    const loans = out.sources.find((s) => s.sheet === "周转编制借用")!;
    const ledger = sample.tables.find((t) => t.id === "poolLedger")!.rows;
    const [rowCol, borrowedCol, dueCol] = ["行号", "借用日期", "归还期限"].map((h) => loans.rows[0].indexOf(h));
    expect(loans.rows.length).toBe(ledger.length);
    for (const r of loans.rows.slice(1)) {
      const src = ledger[(r[rowCol] as number) - 1];
      expect(r[borrowedCol]).toEqual(src[3]);
      expect(r[dueCol]).toEqual(src[4]);
    }
    // The first loan, by hand: borrowed in January 2024.
    const first = loans.rows.find((r) => r[rowCol] === 2)!;
    expect((first[borrowedCol] as Date).toISOString().slice(0, 7)).toBe("2024-01");
  });

  it("sweeps one parameter and writes the indicators per value", async () => {
    const io = memoryIO({ "z.xlsx": sampleBytes });
    expect(await main(["run", "z.xlsx", "-o", "s.xlsx", "--sweep", "绩效总额=6000000:8000000:1000000"], io)).toBe(0);
    const out = await readXlsx(io.files["s.xlsx"]);
    if (!out.ok) throw new Error(out.key);
    const sw = out.sources.find((s) => s.sheet === "参数扫描")!;
    expect(sw.rows.slice(1).map((r) => r[0])).toEqual([6e6, 7e6, 8e6]);
    const per = sw.rows[0].indexOf("人均绩效工资");
    expect(per).toBeGreaterThan(0);
    // 230 people placed by re-bidding are paid: per capita = pool ÷ 230, to the fen.
    expect(sw.rows.slice(1).map((r) => r[per])).toEqual([26086.96, 30434.78, 34782.61]);
    const bad = memoryIO({ "z.xlsx": sampleBytes });
    expect(await main(["run", "z.xlsx", "--sweep", "面试权重=0.2"], bad)).toBe(2);
    expect(bad.err[0]).toContain("--sweep");
    const unknown = memoryIO({ "z.xlsx": sampleBytes });
    expect(await main(["run", "z.xlsx", "--sweep", "风速=1:2:1"], unknown)).toBe(2);
    expect(unknown.err.join("\n")).toContain("“风速”不是已知参数");
  });

  it("gives one clear line and exit code 2 for files that are not a readable .xlsx", async () => {
    const cases: [string, Uint8Array, string][] = [
      ["a.xlsx", new TextEncoder().encode("just text"), "is not an .xlsx workbook"],
      ["t.xlsx", sampleBytes.slice(0, 5000), "is incomplete (truncated)"],
    ];
    const cfb = new Uint8Array(1024);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    [..."EncryptedPackage"].forEach((ch, i) => (cfb[600 + 2 * i] = ch.charCodeAt(0)));
    cases.push(["p.xlsx", cfb, "is password-protected"]);
    for (const [name, bytes, text] of cases) {
      for (const cmd of ["check", "run"]) {
        const io = memoryIO({ [name]: bytes }, { LANG: "en_US.UTF-8" });
        expect(await main([cmd, name], io)).toBe(2);
        const errors = io.err.filter((l) => !l.startsWith("Reading"));
        expect(errors).toEqual([`${name} ${text}${errors[0].slice(name.length + 1 + text.length)}`]);
        expect(io.err.join("\n")).not.toMatch(/\n\s+at /);
        expect(Object.keys(io.files)).toEqual([name]);
      }
    }
    const missing = memoryIO({}, { LANG: "zh_CN.UTF-8" });
    expect(await main(["check", "none.xlsx"], missing)).toBe(2);
    expect(missing.err).toEqual(["无法读取 none.xlsx：ENOENT"]);
  });

  it("refuses bad arguments with the usage, and never overwrites the input", async () => {
    const io = memoryIO({ "z.xlsx": sampleBytes }, { LANG: "en" });
    expect(await main(["run", "z.xlsx", "--out", "z.xlsx"], io)).toBe(2);
    expect(io.err[0]).toContain("must differ from the input");
    expect(await main(["frobnicate"], io)).toBe(2);
    expect(await main(["check", "--bogus"], io)).toBe(2);
    expect(await main(["run", "z.xlsx", "--lang", "fr"], io)).toBe(2);
    expect(await main(["run", "z.xlsx", "--scenario", "x", "--all-scenarios"], io)).toBe(2);
    const help = memoryIO();
    expect(await main(["--help"], help)).toBe(0);
    expect(help.out[0]).toContain("reform sample");
  });

  it("demo writes the sample and its result and says where", async () => {
    const io = memoryIO();
    expect(await main(["demo", "--out", "d"], io)).toBe(0);
    expect(Object.keys(io.files).sort()).toEqual(["d/示范经济开发区-result.xlsx", "d/示范经济开发区.xlsx"]);
    expect(io.out).toEqual(["示例工作簿：d/示范经济开发区.xlsx", "运行结果：d/示范经济开发区-result.xlsx"]);
    // What the officer reads: each model done with its figures, few warnings, nothing unfilled.
    const err = io.err;
    expect(err.length).toBeLessThanOrEqual(30);
    for (const line of err) expect(line).not.toMatch(/undefined|NaN|\{\w+\}|\[object/);
    for (const m of ["竞聘上岗", "薪酬套改", "绩效分配", "编制分析", "周转编制池"])
      expect(err.some((l) => l.startsWith(`${m}：完成（`))).toBe(true);
    expect(err).toContain("周转编制池：完成（周转池可用编制 6，逾期未还笔数 2）");
    expect(err.some((l) => l.includes("绩效工资总额 ¥7,200,000.00，人均绩效工资 ¥31,304.35"))).toBe(true);
    const warnings = err.filter((l) => l.includes("警告："));
    expect(warnings.length).toBeLessThanOrEqual(6);
    // No one is left unrated: performance pay has no "no rating" warning.
    expect(err.join("\n")).not.toContain("没有考核等次");
  });
});

describe("bin/reform.js", () => {
  it("prints the usage from the built runner", () => {
    execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
      cwd: ROOT,
    });
    const r = spawnSync(process.execPath, [join(ROOT, "bin/reform.js"), "--help"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, LANG: "en_US.UTF-8" },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("reform run FILE.xlsx");
    const bad = spawnSync(process.execPath, [join(ROOT, "bin/reform.js"), "check", join(ROOT, "package.json")], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, LANG: "en_US.UTF-8" },
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  }, 180_000);
});

describe("parseSweep", () => {
  it("reads numbers as the tables do (percent ÷ 100, thousands separators)", () => {
    expect(parseSweep("末位比例=5%:10%:1%")).toEqual({ param: "末位比例", start: 0.05, end: 0.1, step: 0.01 });
    expect(parseSweep("绩效总额=6,000,000:8,000,000:1,000,000")).toEqual({
      param: "绩效总额",
      start: 6e6,
      end: 8e6,
      step: 1e6,
    });
    expect(parseSweep("面试权重=0.2")).toBeUndefined();
    expect(parseSweep("面试权重=a:b:c")).toBeUndefined();
  });
});
