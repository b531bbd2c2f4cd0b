import { readTable } from "../tableReader";
import { POSTS, STAFF, WEIGHTS } from "../schema";
import type { Rows } from "../types";
import { bottomRank } from "./bottom";
import { normalizeComponent, weightedComposite } from "./composite";
import { rebidFromTables } from "./fromTables";
import { rebidSheets } from "./sheets";

const read = (staff: Rows, posts: Rows, weights?: Rows) => ({
  staff: readTable(STAFF, staff, { tableName: "Staff" }),
  posts: readTable(POSTS, posts, { tableName: "Posts" }),
  ...(weights ? { weights: readTable(WEIGHTS, weights, { tableName: "Weights" }) } : {}),
});

describe("composites", () => {
  it("normalises by z-score (mean 50, sd 10) and min–max (0–100), ignoring blanks", () => {
    // 60, 80, 100: mean 80, population sd √(800/3) = 16.3299 → 50 ± 10 × 20/16.3299 = 37.753, 62.247
    const z = normalizeComponent(Float64Array.from([60, 80, 100, NaN]), "zscore");
    expect(Array.from(z.subarray(0, 3)).map((x) => x.toFixed(3))).toEqual(["37.753", "50.000", "62.247"]);
    expect(Number.isNaN(z[3])).toBe(true);
    expect(Array.from(normalizeComponent(Float64Array.from([60, 70, 100]), "minmax"))).toEqual([0, 25, 100]);
    expect(Array.from(normalizeComponent(Float64Array.from([70, 70]), "minmax"))).toEqual([100, 100]);
  });
  it("weights, counts a blank as 0 and rounds half-up", () => {
    // row 1: 0.4 × 80.125 + 0.6 × 90 = 32.05 + 54 = 86.05; row 2: 0.4 × 84.125 + 0.6 × (blank → 0) = 33.65
    const c = weightedComposite([Float64Array.from([80.125, 84.125]), Float64Array.from([90, NaN])], [0.4, 0.6], 2);
    expect(Array.from(c)).toEqual([86.05, 33.65]);
    expect(Array.from(weightedComposite([Float64Array.from([84.125])], [1], 2))).toEqual([84.13]);
  });
});

describe("rebidFromTables", () => {
  const staffRows: Rows = [
    ["工号", "姓名", "笔试", "面试", "志愿1", "志愿2", "服从调剂"],
    ["A", "甲", 90, 60, "X", "Y", "是"],
    ["B", "乙", 70, 95, "X", "Y", "否"],
  ];
  const posts: Rows = [
    ["岗位编号", "岗位类别", "职数"],
    ["X", "管理", 1],
    ["Y", "专业技术", 1],
  ];
  const weights: Rows = [
    ["岗位类别", "笔试", "面试"],
    ["默认", 0.5, 0.5],
    ["管理", 0.8, 0.2],
    ["专业技术", 0.2, 0.8],
  ];

  it("ranks each post by its category's composite, which differs from 'best default score first'", () => {
    // 管理: A 0.8×90+0.2×60 = 84, B 0.8×70+0.2×95 = 75 → X takes A. 默认: A 75, B 82.5, so "best first" would
    // give B X and A Y; category weights give A X and B Y. 专业技术: B 14+76 = 90.
    const r = rebidFromTables(read(staffRows, posts, weights));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.candidates.map((c) => [c.id, c.postId, c.composite, c.choiceRank])).toEqual([
      ["A", "X", 84, 1],
      ["B", "Y", 90, 2],
    ]);
    expect(r.value.scoreNames).toEqual(["默认", "管理", "专业技术"]);
    expect(r.value.candidates[1].reason).toEqual([
      { kind: "outscored", choice: 1, postId: "X", composite: 75, cutoff: 84, tie: "none" },
    ]);
    expect(r.problems).toEqual([]);
  });

  it("uses the Composite column for categories without a Weights row, and alone without Weights", () => {
    const staff: Rows = [
      ["工号", "综合成绩", "笔试", "面试", "志愿1"],
      ["A", 70, 90, 60, "Z"],
      ["B", 80, 70, 95, "Z"],
    ];
    const p: Rows = [
      ["岗位编号", "岗位类别", "职数"],
      ["Z", "工勤", 1],
    ];
    const withW = rebidFromTables(read(staff, p, weights));
    expect(withW.ok && withW.value.candidates.map((c) => c.postId ?? null)).toEqual([null, "Z"]);
    const noW = rebidFromTables(read(staff, p));
    expect(noW.ok && noW.value.candidates.map((c) => c.composite)).toEqual([70, 80]);
  });

  it("reports weights not summing to 1, and scales them only when asked", () => {
    const w: Rows = [
      ["岗位类别", "笔试", "面试"],
      ["默认", 0.6, 0.6],
    ];
    const r = rebidFromTables(
      read(
        staffRows,
        [
          ["岗位编号", "职数"],
          ["X", 1],
          ["Y", 1],
        ],
        w,
      ),
    );
    expect(r.problems.map((p) => [p.key, p.tableRow, p.params?.sum])).toEqual([["rebid.weights.notSum", 2, 1.2]]);
    expect(r.ok && r.value.candidates.map((c) => c.composite)).toEqual([90, 99]); // 0.6×150, 0.6×165
    const s = rebidFromTables(
      read(
        staffRows,
        [
          ["岗位编号", "职数"],
          ["X", 1],
          ["Y", 1],
        ],
        w,
      ),
      { normalizeWeights: true },
    );
    expect(s.problems[0].key).toBe("rebid.weights.normalized");
    expect(s.ok && s.value.candidates.map((c) => c.composite)).toEqual([75, 82.5]);
  });

  it("names the cell of a choice of an unknown post, warns on a repeated choice and on a blank score", () => {
    const staff: Rows = [
      ["工号", "笔试", "面试", "志愿1", "志愿2"],
      ["A", 90, "", "X", "X"],
      ["B", 70, 95, "Q9", ""],
    ];
    const r = rebidFromTables(read(staff, posts, weights));
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.severity, p.key, p.tableRow, p.column, p.value])).toEqual([
      ["warning", "rebid.score.missing", 2, "面试", ""],
      ["warning", "rebid.duplicateChoice", 2, "志愿2", "X"],
      ["error", "rebid.unknownPost", 3, "志愿1", "Q9"],
    ]);
  });

  it("reports a weights column with no matching Staff column, a missing choice column and a missing table", () => {
    const w: Rows = [
      ["岗位类别", "笔试", "面谈"],
      ["默认", 0.5, 0.5],
    ];
    const r = rebidFromTables(read(staffRows, posts, w));
    expect(r.ok).toBe(false);
    expect(r.problems.find((p) => p.key === "rebid.weights.componentMissing")).toMatchObject({
      table: "weights",
      column: "面谈",
    });
    const r2 = rebidFromTables(
      read(
        [
          ["工号", "综合成绩"],
          ["A", 1],
        ],
        posts,
      ),
    );
    expect(r2.problems.map((p) => p.key)).toContain("rebid.noChoiceColumns");
    expect(rebidFromTables({}).problems.map((p) => p.key)).toEqual(["table.missing", "table.missing"]);
  });

  it("reads extra Staff columns named in Weights, transfers, and flags the bottom per unit", () => {
    const staff: Rows = [
      ["工号", "原单位", "答辩", "分流意愿", "志愿1"],
      ["A", "U1", 60, "竞聘", "X"],
      ["B", "U1", 80, "", "X"],
      ["C", "U1", 70, "随职能划转", "X"],
      ["D", "U2", 50, "", "Y"],
    ];
    const w: Rows = [
      ["岗位类别", "答辩"],
      ["管理", 1],
    ];
    const r = rebidFromTables(read(staff, posts, w), { bottomRatio: 0.1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.candidates.map((c) => c.outcome)).toEqual(["notSelected", "placed", "transferred", "placed"]);
    // U1 has 2 competing (A 60, B 80): ceiling(0.2) = 1 → A; U2: D.
    expect(r.value.candidates.map((c) => c.bottom ?? null)).toEqual([true, false, null, true]);
  });

  it("builds the two result sheets of the runner contract", () => {
    const r = rebidFromTables(read(staffRows, posts, weights));
    if (!r.ok) throw new Error("expected ok");
    const [pl, pf] = rebidSheets(r.value, "en");
    expect(pl.name).toBe("Placements");
    expect(pl.columns.slice(0, 7).map((c) => c.header)).toEqual([
      "Staff ID",
      "Name",
      "Composite",
      "Post ID",
      "Outcome",
      "Choice Rank",
      "Reason",
    ]);
    expect(pl.rows.map((x) => x.slice(0, 7))).toEqual([
      ["A", "甲", 84, "X", "placed", 1, ""],
      ["B", "乙", 90, "Y", "placed", 2, "choice 1 (X): composite 75 below the cutoff 84"],
    ]);
    expect(pf.name).toBe("Post Fill");
    expect(pf.columns.slice(0, 5).map((c) => c.header)).toEqual(["Post ID", "Quota", "Placed", "Vacancies", "Cutoff"]);
    expect(pf.rows.map((x) => x.slice(0, 5))).toEqual([
      ["X", 1, 1, 0, 84],
      ["Y", 1, 1, 0, 90],
    ]);
    expect(pf.charts?.[0]).toMatchObject({ type: "column", categoryColumn: 0, seriesColumns: [1, 2] });
    const zh = rebidSheets(r.value, "zh");
    expect(zh.map((s) => s.name)).toEqual(["竞聘结果", "岗位录取"]);
    expect(zh[0].rows[1][4]).toBe("按志愿录取");
    expect(zh[0].rows[1][6]).toBe("志愿1（X）：综合成绩 75 未达到录取分数线 84");
  });

  it("highlights not selected and ineligible rows", () => {
    const staff: Rows = [
      ["工号", "综合成绩", "学历", "志愿1"],
      ["A", 90, "本科", "X"],
      ["B", 80, "本科", "X"],
      ["C", 95, "大专", "Y"],
    ];
    const p: Rows = [
      ["岗位编号", "职数", "最低学历"],
      ["X", 1, ""],
      ["Y", 1, "本科"],
    ];
    const r = rebidFromTables(read(staff, p), { adjustment: false });
    if (!r.ok) throw new Error("expected ok");
    const [pl] = rebidSheets(r.value, "en");
    expect(pl.rows.map((x) => x[4])).toEqual(["placed", "not selected", "ineligible"]);
    expect(pl.highlights).toEqual([{ rows: [1, 2], style: "bad" }]);
    expect(pl.rows[2][6]).toBe("choice 1 (Y): education College below the required Bachelor");
  });
});

describe("bottomRank", () => {
  it("flags ceiling(ratio × n) per group with a minimum, and every tie at the boundary", () => {
    // group a: 5 people, 0.3 × 5 = 1.5 → ceiling 2: 50, 55 (55 ties with another 55 → 3 flagged). group b: 1 person → minimum 1.
    const r = bottomRank([50, 90, 55, 55, 70, 40], ["a", "a", "a", "a", "a", "b"], { ratio: 0.3 });
    expect(r.flagged).toEqual([true, false, true, true, false, true]);
    expect(r.groups).toEqual([
      { group: "a", n: 5, count: 2, flagged: 3, threshold: 55, tie: true },
      { group: "b", n: 1, count: 1, flagged: 1, threshold: 40, tie: false },
    ]);
    expect(r.problems.map((p) => p.key)).toEqual(["rebid.bottom.tie"]);
    expect(bottomRank([50, 90, 55, 60, 70], undefined, { ratio: 0.3, rounding: "floor", minimum: 0 }).flagged).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(bottomRank([50, 90], undefined, { ratio: 0.01, minimum: 0, rounding: "round" }).groups[0].count).toBe(0);
    const blank = bottomRank([50, undefined, 60], undefined, { ratio: 0.5 });
    expect(blank.flagged).toEqual([true, false, false]);
    expect(blank.problems[0]).toMatchObject({ key: "rebid.bottom.blank", tableRow: 3 });
  });
});
