import { validateFunctionName } from "../../tools/build-functions-zh";
import { errorOf } from "./testing";
import { poolbalance, quotacheck, reduction } from "./headcount";
import { headcountTranslations } from "./i18n/headcount";

describe("REFORM.REDUCTION", () => {
  it("gives the rate as reports state it", () => {
    expect(reduction(21, 14)).toBe(0.333);
    expect(reduction(105, 74)).toBe(0.295);
    expect(reduction(104, 70)).toBe(0.327);
    expect(reduction(463, 272)).toBe(0.413);
    expect(reduction(22, 9)).toBe(0.591);
    expect(reduction("21" as unknown as number, 14)).toBe(0.333);
  });

  it("turns bad arguments into Excel errors with a message", () => {
    const e = errorOf(() => reduction("abc" as unknown as number, 1));
    expect([e.code, e.message]).toEqual(["#VALUE!", "Argument before value “abc” is not a number"]);
    expect(errorOf(() => reduction(0, 1)).code).toBe("#DIV/0!");
    expect(errorOf(() => reduction(5, -1)).code).toBe("#NUM!");
  });
});

describe("REFORM.POOLBALANCE", () => {
  // Excel passes dates as serials: 45292 = 2024-01-01.
  const ledger = [
    ["单位", "编制类型", "数量", "借用日期", "归还期限", "归还日期"],
    ["A", "行政", 2, 45292, 45658, ""],
    ["B", "事业", 2, 45293, 45400, 45350],
    ["C", "行政", 3, 45294, 45658, ""], // refused with capacity 5: only 1 free
  ];

  it("gives the slots available on a date", () => {
    expect(poolbalance(ledger, 5, 45300)).toBe(1); // A 2 + B 2 out
    expect(poolbalance(ledger, 5, 45350)).toBe(3); // B back on 45350
    expect(poolbalance(ledger, 5, 45292)).toBe(3);
    expect(poolbalance(ledger, 5, null as unknown as number)).toBe(3); // latest ledger date 45350
    expect(poolbalance(ledger, 10, 45300)).toBe(3); // C fits now: 10 − 7
  });

  it("names the row and column of a bad cell", () => {
    const bad = [ledger[0], ledger[1], ["B", "行政", "two", 45293, "", ""]];
    const e = errorOf(() => poolbalance(bad, 5, 45300));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("Error: table “ledger”, row 3, column “数量”: “数量” value “two” is not a number");
    expect(errorOf(() => poolbalance(ledger, -1, 45300)).code).toBe("#NUM!");
    expect(errorOf(() => poolbalance(ledger, 5, "soon" as unknown as number)).message).toBe(
      "Date argument “soon” is not a date",
    );
  });
});

describe("REFORM.QUOTACHECK", () => {
  it("gives vacancies, over-establishment and leaders over quota per data row", () => {
    const units = [
      ["Unit", "Authorized", "Actual", "Leader Quota", "Actual Leaders"],
      ["Finance", 10, 12, 2, 3],
      ["", "", "", "", ""],
      ["Planning", 8, 5, 2, 2],
      ["Audit", 4, 4, "", ""],
    ];
    expect(quotacheck(units)).toEqual([
      ["Unit", "Vacancies", "Over Establishment", "Leaders Over Quota"],
      ["Finance", 0, 2, 1],
      ["", "", "", ""],
      ["Planning", 3, 0, 0],
      ["Audit", 0, 0, ""],
    ]);
  });

  it("names the row and column of a bad cell, and missing columns", () => {
    const e = errorOf(() =>
      quotacheck([
        ["单位", "核定编制", "实有人数"],
        ["A", -1, 2],
      ]),
    );
    expect(e.message).toBe(
      "Error: table “units”, row 2, column “核定编制”: “核定编制” value -1 is below the minimum 0",
    );
    expect(
      errorOf(() =>
        quotacheck([
          ["单位", "核定编制"],
          ["A", 1],
        ]),
      ).message,
    ).toContain("实有人数 / Actual");
  });
});

describe("zh-CN translations", () => {
  it("name every function and parameter with valid Excel names", () => {
    expect(Object.keys(headcountTranslations).sort()).toEqual(["POOLBALANCE", "QUOTACHECK", "REDUCTION"]);
    expect(Object.keys(headcountTranslations.REDUCTION.parameters)).toEqual(["before", "after"]);
    expect(Object.keys(headcountTranslations.POOLBALANCE.parameters)).toEqual(["ledger", "capacity", "asOf"]);
    expect(Object.keys(headcountTranslations.QUOTACHECK.parameters)).toEqual(["units"]);
    for (const tr of Object.values(headcountTranslations)) expect(validateFunctionName(tr.name)).toBeUndefined();
    expect(headcountTranslations.REDUCTION.name).toBe("精简比例");
  });
});
