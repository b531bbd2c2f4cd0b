import { validateFunctionName } from "../../tools/build-functions-zh";
import { errorOf } from "./testing";
import { rebidTranslations } from "./i18n/rebid";
import { bottom, composite, cutoffs, rebidPlacements } from "./rebid";

const staff = [
  ["工号", "综合成绩", "志愿1", "志愿2", "服从调剂"],
  ["A", 90, "X", "", "否"],
  ["B", 80, "X", "Y", "否"],
  ["", "", "", "", ""],
  ["C", 70, "Y", "", "是"],
  ["D", 60, "", "", "是"],
];
const posts = [
  ["岗位编号", "职数"],
  ["X", 1],
  ["Y", 1],
  ["Z", 1],
];

describe("REFORM.COMPOSITE", () => {
  it("weights the named components, with a two-row weights range or a Weights table", () => {
    const scores = [
      ["Written", "Interview", "Note"],
      [80, 90, "x"],
      [70, "", "y"],
    ];
    // 0.4 × 80 + 0.6 × 90 = 86; 0.4 × 70 + 0.6 × 0 = 28
    expect(
      composite(scores, [
        ["笔试", "面试"],
        [0.4, 0.6],
      ]),
    ).toEqual([[86], [28]]);
    const table = [
      ["岗位类别", "笔试", "面试"],
      ["管理", 1, 0],
      ["默认", 0.5, 0.5],
    ];
    expect(composite(scores, table)).toEqual([[85], [35]]);
    // min–max per component: written 80 → 100, 70 → 0; interview 90 → 100, blank counts 0: 0.5×100 + 0.5×100, 0
    expect(
      composite(
        scores,
        [
          ["笔试", "面试"],
          [0.5, 0.5],
        ],
        "minmax",
      ),
    ).toEqual([[100], [0]]);
  });

  it("names the row and column of a bad score, and rejects bad options", () => {
    const e = errorOf(() => composite([["笔试"], [80], ["abc"]], [["笔试"], [1]]));
    expect([e.code, e.message]).toEqual([
      "#VALUE!",
      "Error: table “scores”, row 3, column “笔试”: “笔试” value “abc” is not a number",
    ]);
    expect(errorOf(() => composite([["笔试"], [80]], [["面试"], [1]])).code).toBe("#REF!");
    expect(errorOf(() => composite([["笔试"], [80]], [["笔试"], [1]], "median")).code).toBe("#VALUE!");
    expect(errorOf(() => composite([["笔试"], [80]], [["笔试"], [1], [2]])).code).toBe("#VALUE!");
  });
});

describe("REFORM.REBID and REFORM.CUTOFFS", () => {
  it("spills one row per staff row and one per post row", () => {
    // X: A (90) beats B; B goes to Y, beating C (70). Adjustment: C accepts → Z; D (no choices) accepts, nothing left.
    expect(rebidPlacements(staff, posts)).toEqual([
      ["Post ID", "Outcome", "Choice Rank"],
      ["X", "placed", 1],
      ["Y", "placed", 2],
      ["", "", ""],
      ["Z", "adjusted", ""],
      ["", "no choices", ""],
    ]);
    expect(rebidPlacements(staff, posts, "sequential", false).map((r) => r[0])).toEqual([
      "Post ID",
      "X",
      "",
      "",
      "Y",
      "",
    ]);
    expect(cutoffs(staff, posts)).toEqual([
      ["Post ID", "Placed", "Vacancies", "Cutoff"],
      ["X", 1, 0, 90],
      ["Y", 1, 0, 80],
      ["Z", 1, 0, ""],
    ]);
  });

  it("reports an unknown post in a choice with its row and column", () => {
    const bad = [staff[0], ["A", 90, "Q", "", "否"]];
    const e = errorOf(() => rebidPlacements(bad, posts));
    expect(e.message).toBe(
      "Error: table “staff”, row 2, column “志愿1”: “志愿1” names post “Q”, which is not in the Posts table",
    );
    expect(errorOf(() => cutoffs(staff, posts, "lottery")).code).toBe("#VALUE!");
  });
});

describe("REFORM.BOTTOM", () => {
  it("flags the bottom of each group, with ties", () => {
    expect(bottom([[50], [90], [55], [55], [70]], null as unknown as unknown[][], 0.2)).toEqual([
      [true],
      [false],
      [false],
      [false],
      [false],
    ]);
    expect(bottom([["分数"], [50], [90], [40]], [["单位"], ["a"], ["a"], ["b"]], 0.1)).toEqual([
      [""],
      [true],
      [false],
      [true],
    ]);
    expect(bottom([[50], [55], [55], [90]], [[""]], 0.5, "floor", 0)).toEqual([[true], [true], [true], [false]]);
  });

  it("rejects bad arguments", () => {
    expect(errorOf(() => bottom([[1]], [[""]], 1.5)).code).toBe("#NUM!");
    expect(errorOf(() => bottom([[1], ["x"]], [[""]], 0.5)).message).toContain("row 2");
    expect(errorOf(() => bottom([[1], [2]], [["a"]], 0.5)).code).toBe("#VALUE!");
  });
});

describe("zh-CN translations", () => {
  it("name every function and parameter with valid Excel names", () => {
    expect(Object.keys(rebidTranslations).sort()).toEqual(["BOTTOM", "COMPOSITE", "CUTOFFS", "REBID"]);
    expect(Object.keys(rebidTranslations.COMPOSITE.parameters)).toEqual([
      "scores",
      "weights",
      "normalization",
      "decimals",
    ]);
    expect(Object.keys(rebidTranslations.REBID.parameters)).toEqual(["staff", "posts", "mechanism", "adjustment"]);
    expect(Object.keys(rebidTranslations.CUTOFFS.parameters)).toEqual(["staff", "posts", "mechanism", "adjustment"]);
    expect(Object.keys(rebidTranslations.BOTTOM.parameters)).toEqual([
      "scores",
      "groups",
      "ratio",
      "rounding",
      "minimum",
    ]);
    for (const tr of Object.values(rebidTranslations)) expect(validateFunctionName(tr.name)).toBeUndefined();
  });
});
