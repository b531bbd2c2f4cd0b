import { readTable } from "../tableReader";
import { SCENARIOS } from "../schema";
import { matchParam, parseParam, readScenarios } from "./params";

describe("scenario parameters", () => {
  it("matches names in Chinese and English, and families by component", () => {
    expect(matchParam("志愿模式")?.key).toBe("mechanism");
    expect(matchParam(" mechanism ")?.key).toBe("mechanism");
    expect(matchParam("面试权重")?.key).toBe("weight:面试");
    expect(matchParam("Interview Weight")?.key).toBe("weight:interview");
    expect(matchParam("优秀比例上限")?.key).toBe("ratingCap:优秀");
    expect(matchParam("颜色")).toBeUndefined();
  });

  it("parses enum spellings and rejects out-of-range numbers", () => {
    expect(parseParam(matchParam("志愿模式")!, "顺序")).toBe("sequential");
    expect(parseParam(matchParam("Mechanism")!, "Parallel")).toBe("parallel");
    expect(parseParam(matchParam("调剂")!, "否")).toBe(false);
    expect(parseParam(matchParam("末位比例")!, "5%")).toBe(0.05);
    expect(parseParam(matchParam("末位比例")!, 1.5)).toBeNull();
    expect(parseParam(matchParam("保护方式")!, "随便")).toBeNull();
    expect(parseParam(matchParam("基准日期")!, "2025-06-30")).toBe(20269);
  });

  it("inherits blank cells from the baseline row and reports bad cells", () => {
    const read = readTable(SCENARIOS, [
      ["方案", "志愿模式", "调剂", "末位比例", "面试权重", "颜色"],
      ["基准方案", "平行", "是", 0.05, null, "红"],
      ["方案二", "顺序", null, null, 0.5, null],
      ["方案三", null, "否", "abc", null, null],
    ]);
    const { scenarios, problems } = readScenarios(read);
    expect(scenarios.map((s) => s.name)).toEqual(["基准方案", "方案二", "方案三"]);
    expect(scenarios[0].params).toEqual({ mechanism: "parallel", adjustment: true, bottomRatio: 0.05 });
    expect(scenarios[1].params).toEqual({
      mechanism: "sequential",
      adjustment: true,
      bottomRatio: 0.05,
      "weight:面试": 0.5,
    });
    expect(scenarios[1].own).toEqual({ mechanism: "sequential", "weight:面试": 0.5 });
    expect(scenarios[2].params).toEqual({ mechanism: "parallel", adjustment: false, bottomRatio: 0.05 });
    const bad = problems.find((p) => p.key === "scenario.badValue");
    expect(bad).toMatchObject({ tableRow: 4, column: "末位比例", value: "abc", columnIndex: 3 });
    const unknown = problems.find((p) => p.key === "scenario.unknownParam");
    expect(unknown).toMatchObject({ column: "颜色", columnIndex: 5 });
  });
});
