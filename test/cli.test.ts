import { execFileSync, spawnSync } from "child_process";
import { join } from "path";
import { memoryIO } from "../src/cli/io";
import { runModels } from "../src/cli/models";
import { readScenarios } from "../src/engine/scenario/params";
import { identifyTables, readTables } from "../src/engine/workbook";
import { main } from "../src/cli/main";
import type { ModelAdapter } from "../src/cli/models";
import type { CellValue } from "../src/engine/types";
import { ok } from "../src/engine/types";
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
    expect(expected.sheets.map((x) => x.name)).toEqual(summary.sheets.map((x: { name: string }) => x.name));
    expect(expected.sheets.length).toBeGreaterThan(0);
    for (const sheet of expected.sheets) {
      const got = out.sources.find((x) => x.sheet === sheet.name)!;
      const width = sheet.columns.length;
      expect(got.rows[0].slice(0, width)).toEqual(sheet.columns.map((c) => c.header));
      const want = sheet.rows.map((r) =>
        sheet.columns.map((c, i) => {
          const v = r[i] ?? null;
          return c.kind === "date" && typeof v === "number" ? new Date(v * 86_400_000) : v;
        }),
      );
      expect(got.rows.slice(1, 1 + want.length).map((r) => r.slice(0, width))).toEqual(want);
    }
    expect(io.err.some((l) => l.includes("识别到的表"))).toBe(true);
  });

  it("runs through the model seam: results written, missing tables skipped with a note, malformed tables stop the model", async () => {
    const calls: string[] = [];
    const echo: ModelAdapter = {
      id: "rebid",
      run(tables, params, lang) {
        calls.push(String(params.mechanism));
        const staff = tables.staff!;
        return ok({
          sheets: [
            {
              id: "echo",
              name: lang === "zh" ? "回显" : "Echo",
              columns: [
                { header: "工号", kind: "text" },
                { header: "现月薪", kind: "money" },
              ],
              rows: staff.records.map((r) => [r.values.id as string, r.values.currentPay as number]),
            },
          ],
          indicators: { people: staff.records.length },
        });
      },
    };
    const failing: ModelAdapter = {
      id: "pool",
      run: () => ({
        ok: false,
        problems: [
          {
            severity: "error",
            table: "poolLedger",
            tableName: "周转编制台账",
            tableRow: 3,
            columnIndex: 2,
            key: "cell.notNumber",
            column: "数量",
            value: "x",
          },
        ],
      }),
    };
    const noUnits = { tables: sample.tables.filter((t) => t.id !== "units") };
    const io = memoryIO({ "z.xlsx": await xlsxOf(noUnits) });
    const code = await main(["run", "z.xlsx", "--out", "o.xlsx", "--all-scenarios"], io, { adapters: [echo, failing] });
    expect(code).toBe(1);
    expect(calls).toEqual(["parallel", "sequential", "parallel"]);
    const err = io.err.join("\n");
    expect(err).toContain("编制分析：缺少表 机构，未运行");
    expect(err).toContain("周转编制池：因 1 个问题未能完成");
    expect(err).toContain("周转编制台账!C3: 错误：“数量”的值“x”不是数字");
    const out = await readXlsx(io.files["o.xlsx"]);
    if (!out.ok) throw new Error(out.key);
    const echoSheet = out.sources.find((s) => s.sheet === "回显")!;
    expect(echoSheet.rows.slice(1).map((r) => r.slice(0, 2))).toEqual(
      sample.tables[0].rows.slice(1).map((r) => [r[0], r[8]]),
    );
    const cmp = out.sources.find((s) => s.sheet === "方案对比")!;
    expect(cmp.rows[0].slice(0, 4)).toEqual(["指标", "基准方案", "方案二", "方案三"]);
    expect(cmp.rows[1].slice(0, 4)).toEqual(["people", 300, 300, 300]);
  });

  it("picks a scenario by name and refuses an unknown one", async () => {
    const seen: unknown[] = [];
    const spy: ModelAdapter = {
      id: "rebid",
      run: (_t, params) => {
        seen.push(params.protection);
        return ok({ sheets: [] });
      },
    };
    const io = memoryIO({ "z.xlsx": sampleBytes });
    expect(await main(["run", "z.xlsx", "--scenario", "方案三"], io, { adapters: [spy] })).toBe(0);
    expect(seen).toEqual(["phase"]);
    const bad = memoryIO({ "z.xlsx": sampleBytes });
    expect(await main(["run", "z.xlsx", "--scenario", "方案九"], bad, { adapters: [spy] })).toBe(2);
    expect(bad.err.join("\n")).toContain("方案九");
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
