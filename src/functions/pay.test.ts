import { validateFunctionName } from "../../tools/build-functions-zh";
import { errorOf } from "./testing";
import { payTranslations } from "./i18n/pay";
import { allocate, bandpos, forcedrank, paystep, perfpay } from "./pay";

const scale = [
  ["岗级", "档1", "档2", "档3", "下限", "中点", "上限"],
  ["七级", 3000, 3200, 3400, "", "", ""],
  ["宽带", "", "", "", 4000, 5000, 6000],
];
const ratings = [
  ["等次", "系数", "比例上限", "比例下限"],
  ["优秀", 1.5, 0.2, ""],
  ["合格", 1, "", ""],
  ["不合格", 0, "", 0.1],
];

describe("REFORM.PAYSTEP", () => {
  it("gives step, new pay and protected amount", () => {
    expect(paystep(3250, "七级", scale)).toEqual([[3, 3400, 0]]);
    expect(paystep(3250, "七级", scale, "就近就低")).toEqual([[2, 3200, 0]]);
    expect(paystep(3250, "七级", scale, "nearest")).toEqual([[2, 3200, 0]]);
    expect(paystep(3650.5, "七级", scale)).toEqual([[3, 3400, 250.5]]);
    expect(paystep(6500, "宽带", scale)).toEqual([["", 6000, 500]]);
  });
  it("seniority: step 1 + ⌊years ÷ interval⌋, capped at the top step; the years are required", () => {
    // 七级 has three steps: 3000, 3200, 3400 yuan
    expect(paystep(3000, "七级", scale, "seniority", 5)).toEqual([[3, 3400, 0]]); // 1 + ⌊5 ÷ 2⌋
    expect(paystep(3000, "七级", scale, "工龄", 5, 3)).toEqual([[2, 3200, 0]]); // 1 + ⌊5 ÷ 3⌋
    expect(paystep(3000, "七级", scale, "seniority", 30)).toEqual([[3, 3400, 0]]);
    expect(paystep(3900, "七级", scale, "seniority", 0)).toEqual([[1, 3000, 900]]); // above the top: red circle
    const e = errorOf(() => paystep(3000, "七级", scale, "seniority"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("years");
    expect(errorOf(() => paystep(3000, "七级", scale, "seniority", -1)).code).toBe("#NUM!");
    expect(paystep(3000, "七级", scale, "seniority", 5, 0)).toEqual([[3, 3400, 0]]); // interval 0 or blank: 2
    // years and interval belong to seniority: another rule ignores them, even when they are not valid there
    expect(paystep(3250, "七级", scale, "nearest", -1, 0)).toEqual([[2, 3200, 0]]);
    expect(errorOf(() => paystep(3000, "七级", scale, "seniority", "十年" as unknown as number)).message).toContain(
      "十年",
    );
  });
  it("bad arguments give Excel errors naming the problem", () => {
    expect(errorOf(() => paystep(3000, "九级", scale)).code).toBe("#N/A");
    expect(errorOf(() => paystep(3000, "七级", scale, "random")).message).toContain("random");
    const bad = scale.map((r) => [...r]);
    bad[1][3] = 3100;
    const e = errorOf(() => paystep(3000, "七级", bad));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("row 2");
    expect(e.message).toContain("档3");
  });
});

describe("REFORM.BANDPOS", () => {
  it("gives compa-ratio and penetration", () => {
    expect(bandpos(4500, "宽带", scale)).toEqual([[0.9, 0.25]]);
    expect(errorOf(() => bandpos(4500, "七级", scale)).code).toBe("#N/A");
  });
});

describe("REFORM.ALLOCATE", () => {
  it("splits exactly, in fen or whole yuan, in the shape of the weights", () => {
    expect(allocate(100, [[1], [1], [1]])).toEqual([[33.34], [33.33], [33.33]]);
    expect(allocate(100, [[1, 1, 1]], "yuan")).toEqual([[34, 33, 33]]);
    expect(allocate(1000.5, [[1], [""], [1]], "元")).toEqual([[500.25], [0], [500.25]]); // 1000 whole yuan 500/500, the odd 50 fen 25/25
  });
  it("names the row of a bad weight", () => {
    const e = errorOf(() => allocate(100, [[1], ["x"]]));
    expect([e.code, e.message]).toEqual(["#VALUE!", "Argument weights, row 2: “x” is not a number"]);
    expect(errorOf(() => allocate(100, [[0], [0]])).code).toBe("#DIV/0!");
    expect(errorOf(() => allocate(100, [[1]], "cents")).code).toBe("#VALUE!");
  });
});

describe("REFORM.FORCEDRANK", () => {
  it("rates by forced distribution per group", () => {
    const scores = [[95], [90], [85], [80], [75], [70], [65], [60], [55], [50]];
    expect(forcedrank(scores, ratings).map((r) => r[0])).toEqual([
      "优秀",
      "优秀",
      "合格",
      "合格",
      "合格",
      "合格",
      "合格",
      "合格",
      "合格",
      "不合格",
    ]);
    expect(forcedrank([[1], [2], [""]], ratings, [["a"], ["b"], ["a"]])).toEqual([["不合格"], ["不合格"], [""]]); // groups of one: ⌈0.1 × 1⌉ = 1 不合格
    expect(errorOf(() => forcedrank([[1], [2]], ratings, [["a"]])).code).toBe("#VALUE!");
  });
});

describe("REFORM.PERFPAY", () => {
  const staff = [
    ["工号", "原单位", "考核等次", "岗位系数"],
    ["S1", "U1", "优秀", 1.2],
    ["S2", "U1", "合格", 1],
    ["", "", "", ""],
    ["S3", "U2", "合格", 1],
  ];
  it("gives basic, reward and total per staff row, exact to the fen", () => {
    const out = perfpay(staff, [[""]], ratings, 1000);
    expect(out[0]).toEqual(["Basic", "Reward", "Total"]);
    expect(out[3]).toEqual(["", "", ""]);
    const totals = [out[1][2], out[2][2], out[4][2]] as number[];
    expect(Math.round(totals.reduce((a, b) => a + b, 0) * 100)).toBe(100000);
    // basic 700 over 1.2 : 1 : 1 = 262.50, 218.75, 218.75
    expect([out[1][0], out[2][0], out[4][0]]).toEqual([262.5, 218.75, 218.75]);
  });
  it("a rating not in the Ratings table is an error naming the cell", () => {
    const bad = staff.map((r) => [...r]);
    bad[2][2] = "良好";
    const e = errorOf(() => perfpay(bad, [[""]], ratings, 1000));
    expect(e.message).toContain("row 3");
    expect(e.message).toContain("良好");
  });
});

describe("zh-CN translations", () => {
  it("name every function with a valid Excel name", () => {
    expect(Object.keys(payTranslations).sort()).toEqual(["ALLOCATE", "BANDPOS", "FORCEDRANK", "PAYSTEP", "PERFPAY"]);
    for (const f of Object.values(payTranslations)) expect(validateFunctionName(f.name)).toBeUndefined();
  });
});
