/**
 * The custom functions metadata in both languages, offline: functions.json is generated from the real
 * sources exactly as CustomFunctionsMetadataPlugin does, functions-zh-CN.json with the code the build uses
 * (tools/build-functions-zh.ts); both must describe the same functions, and the zh-CN table must be
 * complete, current and made of names Excel accepts.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ZH_CN } from "../src/functions/i18n";
import type { FunctionTranslations } from "../src/functions/i18n";
import {
  FUNCTION_ID,
  buildZhMetadataText,
  localizeFunctionsMetadata,
  parseFunctionsMetadata,
  validateFunctionName,
  type FunctionsMetadata,
} from "../tools/build-functions-zh";
import { customFunctionSources } from "../tools/functions-sources";

const ROOT = path.join(__dirname, "..");

async function generate(files: string[]): Promise<FunctionsMetadata> {
  const result = await generateCustomFunctionsMetadata(files, false);
  expect(result.errors).toEqual([]);
  return parseFunctionsMetadata(result.metadataJson);
}

/** What must be the same in both languages: everything but names and descriptions. */
function shape(metadata: FunctionsMetadata) {
  return metadata.functions.map((f) => {
    const { name: _n, description: _d, parameters, ...rest } = f;
    return { ...rest, parameters: (parameters ?? []).map(({ name: _pn, description: _pd, ...p }) => p) };
  });
}

describe("the project's custom functions", () => {
  const sources = customFunctionSources(ROOT);
  let en: FunctionsMetadata;
  let zhText: string;
  let zh: FunctionsMetadata;
  let problems: string[];

  beforeAll(async () => {
    en = await generate(sources);
    ({ text: zhText, problems } = buildZhMetadataText(JSON.stringify(en), ZH_CN));
    zh = JSON.parse(zhText) as FunctionsMetadata;
  });

  test("the source list is exactly the src/functions files with a @customfunction tag", () => {
    const tagged = fs
      .readdirSync(path.join(ROOT, "src", "functions"))
      .filter((f) => /\.ts$/.test(f) && !/\.(test|d)\.ts$/.test(f))
      .filter((f) => /@customfunction\b/.test(fs.readFileSync(path.join(ROOT, "src", "functions", f), "utf8")));
    expect(sources.map((s) => path.basename(s))).toEqual(tagged.sort());
  });

  test("functions.ts imports every custom function file (else its functions are never associated)", () => {
    const entry = fs.readFileSync(path.join(ROOT, "src", "functions", "functions.ts"), "utf8");
    const imported = [...entry.matchAll(/^import\s+(?:[^"';]+\s+from\s+)?["']\.\/([\w-]+)(?:\.ts)?["'];?/gm)].map(
      (m) => m[1],
    );
    const missing = sources.map((s) => path.basename(s, ".ts")).filter((name) => !imported.includes(name));
    expect(missing).toEqual([]);
  });

  test("the zh-CN translation table is complete, current and valid (no problems)", () => {
    expect(problems).toEqual([]);
    expect(Object.keys(ZH_CN).sort()).toEqual(en.functions.map((f) => f.id).sort());
  });

  test("no required parameter follows an optional one (Excel expects optional parameters last)", () => {
    const offenders = en.functions
      .filter((f) => {
        const ps = f.parameters ?? [];
        const firstOptional = ps.findIndex((p) => p.optional);
        return firstOptional >= 0 && ps.slice(firstOptional).some((p) => !p.optional);
      })
      .map((f) => f.id);
    expect(offenders).toEqual([]);
  });

  test("both languages have the same ids, in the same order, and the same parameter counts and types", () => {
    expect(zh.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
    expect(zh.functions.map((f) => (f.parameters ?? []).length)).toEqual(
      en.functions.map((f) => (f.parameters ?? []).length),
    );
    expect(shape(zh)).toEqual(shape(en));
  });

  test("every function has a zh-CN name and description from the table, for it and each parameter", () => {
    for (const fn of zh.functions) {
      const tr = ZH_CN[fn.id];
      expect({ id: fn.id, name: fn.name, description: fn.description }).toEqual({
        id: fn.id,
        name: tr.name,
        description: tr.description,
      });
      for (const p of fn.parameters ?? []) {
        expect(p.name.trim()).not.toBe("");
        expect((p.description ?? "").trim()).not.toBe("");
      }
      const enFn = en.functions.find((f) => f.id === fn.id)!;
      expect((fn.parameters ?? []).map((p) => p.name)).toEqual(
        (enFn.parameters ?? []).map((p) => tr.parameters[p.name].name),
      );
    }
  });

  test("ids are A–Z 0–9 _ . and names (en and zh-CN) are valid and unique in each language", () => {
    for (const metadata of [en, zh]) {
      const names = metadata.functions.map((f) => f.name.toUpperCase());
      expect(new Set(names).size).toBe(names.length);
      for (const fn of metadata.functions) {
        expect(fn.id).toMatch(FUNCTION_ID);
        expect({ id: fn.id, name: fn.name, problem: validateFunctionName(fn.name) }).toEqual({
          id: fn.id,
          name: fn.name,
          problem: undefined,
        });
      }
    }
  });
});

describe("validateFunctionName (Excel's rules, Unicode names allowed)", () => {
  test.each([
    ["岗位排名", undefined],
    ["RANK.POST", undefined],
    ["周转池余额", undefined],
    ["排名", "has 2 characters; at least 3 are required"],
    ["AB", "has 2 characters; at least 3 are required"],
    ["A".repeat(129), "has 129 characters; at most 128 are allowed"],
    ["1ST", "must start with a letter and hold only letters, digits 0-9, periods and underscores"],
    ["岗位 排名", "must start with a letter and hold only letters, digits 0-9, periods and underscores"],
    ["岗位-排名", "must start with a letter and hold only letters, digits 0-9, periods and underscores"],
    ["ABC123", "reads as a cell reference"],
    ["xfd1", "reads as a cell reference"],
    ["R1C1", "reads as a cell reference"],
    ["RC12", "reads as a cell reference"],
  ])("%s → %s", (name, expected) => {
    expect(validateFunctionName(name)).toBe(expected);
  });
});

describe("localisation mechanics, on a fixture source", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reform-cf-"));
  const file = path.join(dir, "sample.ts");
  fs.writeFileSync(
    file,
    [
      "/**",
      " * Rank of a candidate for a post.",
      " * @customfunction POST.RANK",
      " * @param scores Composite scores",
      " * @param [top] How many places",
      " * @returns The rank.",
      " */",
      "export function rank(scores: number[][], top?: number): number { return scores.length + (top ?? 0); }",
      "/**",
      " * Vacant seats of a unit.",
      " * @customfunction VACANT",
      " * @param quota Seats",
      " * @param staff Staff",
      " */",
      "export function vacant(quota: number, staff: number): number { return quota - staff; }",
      "",
    ].join("\n"),
  );
  const table: FunctionTranslations = {
    "POST.RANK": {
      name: "岗位排名",
      description: "候选人在岗位中的名次。",
      parameters: {
        scores: { name: "综合成绩", description: "综合成绩区域" },
        top: { name: "名额", description: "名次数" },
      },
    },
    VACANT: {
      name: "空编数",
      description: "单位的空编数。",
      parameters: {
        quota: { name: "核定编制", description: "核定编制数" },
        staff: { name: "实有人数", description: "实有人数" },
      },
    },
  };
  let en: FunctionsMetadata;

  beforeAll(async () => {
    en = await generate([file]);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("translates names and descriptions only; ids, types, dimensionality and optionality unchanged", () => {
    const { metadata, problems } = localizeFunctionsMetadata(en, table);
    expect(problems).toEqual([]);
    expect(metadata.functions).toEqual([
      {
        id: "POST.RANK",
        name: "岗位排名",
        description: "候选人在岗位中的名次。",
        parameters: [
          { name: "综合成绩", description: "综合成绩区域", type: "number", dimensionality: "matrix" },
          { name: "名额", description: "名次数", type: "number", optional: true },
        ],
        result: { type: "number" },
      },
      {
        id: "VACANT",
        name: "空编数",
        description: "单位的空编数。",
        parameters: [
          { name: "核定编制", description: "核定编制数", type: "number" },
          { name: "实有人数", description: "实有人数", type: "number" },
        ],
        result: { type: "number" },
      },
    ]);
    // The English metadata is not modified.
    expect(en.functions[0].name).toBe("POST.RANK");
    expect(en.functions[0].parameters?.[0].name).toBe("scores");
  });

  test("reports a missing function, a missing parameter, a stale entry, a short name and a duplicate name", () => {
    const broken: FunctionTranslations = {
      "POST.RANK": {
        name: "排名",
        description: "名次",
        parameters: { scores: { name: "成绩", description: "成绩" }, limit: { name: "上限", description: "上限" } },
      },
      "OLD.FUNC": { name: "旧函数", description: "已删除", parameters: {} },
    };
    const { metadata, problems } = localizeFunctionsMetadata(en, broken);
    expect(problems).toEqual([
      'POST.RANK: zh-CN name "排名" has 2 characters; at least 3 are required',
      'POST.RANK: parameter "top" has no zh-CN translation',
      'POST.RANK: translated parameter "limit" is not a parameter',
      "VACANT: no zh-CN translation",
      "OLD.FUNC: translated but no such custom function",
    ]);
    // Untranslated texts fall back to English, so the file stays loadable.
    expect(metadata.functions[1].name).toBe("VACANT");
    expect(metadata.functions[0].parameters?.[1].name).toBe("top");

    const dup = localizeFunctionsMetadata(en, { ...table, VACANT: { ...table.VACANT, name: "岗位排名" } });
    expect(dup.problems).toEqual(['VACANT: zh-CN name "岗位排名" is also the name of POST.RANK']);
  });

  test("the build text round-trips and an empty functions.json (no functions yet) gives an empty zh-CN file", () => {
    const { text, problems } = buildZhMetadataText(JSON.stringify(en), table);
    expect(problems).toEqual([]);
    expect(JSON.parse(text)).toEqual(localizeFunctionsMetadata(en, table).metadata);
    const empty = buildZhMetadataText("", {});
    expect(empty.problems).toEqual([]);
    expect(JSON.parse(empty.text)).toEqual({ allowCustomDataForDataTypeAny: true, functions: [] });
  });
});
