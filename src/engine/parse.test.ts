import fc from "fast-check";
import {
  addMonths,
  cellText,
  dayToExcelSerial,
  educationName,
  formatDay,
  isBlank,
  normalizeHeader,
  parseDate,
  parseEducation,
  parseNumber,
  parseYesNo,
} from "./parse";

describe("normalizeHeader / isBlank / cellText", () => {
  it("folds case, width and every kind of white space", () => {
    expect(normalizeHeader(" Staff  ID ")).toBe("staffid");
    expect(normalizeHeader("工　号")).toBe("工号");
    expect(normalizeHeader("ＳＴＡＦＦ\u00a0ID")).toBe("staffid");
    expect(normalizeHeader(null)).toBe("");
    expect(normalizeHeader(12)).toBe("12");
  });

  it("treats null, undefined and white space as blank, but not 0 or false", () => {
    expect([null, undefined, "", "  ", "\t"].map(isBlank)).toEqual([true, true, true, true, true]);
    expect([0, false, "x"].map(isBlank)).toEqual([false, false, false]);
  });

  it("gives the trimmed text of a cell, dates as YYYY-MM-DD", () => {
    expect(cellText("  Ａ1 ")).toBe("A1");
    expect(cellText(3.5)).toBe("3.5");
    expect(cellText(new Date(Date.UTC(2024, 2, 1)))).toBe("2024-03-01");
    expect(cellText(undefined)).toBe("");
  });
});

describe("parseNumber", () => {
  it("reads numbers, thousands separators, currency signs and percents", () => {
    expect(parseNumber(12.5)).toBe(12.5);
    expect(parseNumber("1,234.5")).toBe(1234.5);
    expect(parseNumber("¥3,000")).toBe(3000);
    expect(parseNumber("￥ 3000".replace(" ", ""))).toBe(3000);
    expect(parseNumber("30%")).toBe(0.3);
    expect(parseNumber("12.5 %")).toBe(0.125);
    expect(parseNumber("-4")).toBe(-4);
    expect(parseNumber("1e3")).toBe(1000);
    expect(parseNumber("８０")).toBe(80);
  });

  it("tells blank (undefined) from unreadable (null)", () => {
    expect(parseNumber("")).toBeUndefined();
    expect(parseNumber(null)).toBeUndefined();
    expect(parseNumber("abc")).toBeNull();
    expect(parseNumber("12abc")).toBeNull();
    expect(parseNumber(true)).toBeNull();
    expect(parseNumber(Number.NaN)).toBeNull();
    expect(parseNumber(Infinity)).toBeNull();
    expect(parseNumber(new Date(0))).toBeNull();
  });

  it("reads back any finite number written as text", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(parseNumber(String(x))).toBe(x === 0 ? 0 : x);
      }),
    );
  });
});

describe("parseYesNo", () => {
  it("reads Chinese and English spellings, booleans and 1/0", () => {
    expect(["是", "Y", "yes", "TRUE", "1", "√"].map(parseYesNo)).toEqual([true, true, true, true, true, true]);
    expect(["否", "n", "No", "false", "0", "×"].map(parseYesNo)).toEqual([false, false, false, false, false, false]);
    expect([true, false, 1, 0].map(parseYesNo)).toEqual([true, false, true, false]);
    expect(parseYesNo("maybe")).toBeNull();
    expect(parseYesNo(2)).toBeNull();
    expect(parseYesNo(" ")).toBeUndefined();
  });
});

describe("parseEducation", () => {
  it("ranks 高中 < 大专 < 本科 < 硕士 < 博士 in either language", () => {
    expect(["高中", "大专", "本科", "硕士", "博士"].map(parseEducation)).toEqual([1, 2, 3, 4, 5]);
    expect(["High School", "college", "Bachelor", "MASTER", "PhD", "研究生"].map(parseEducation)).toEqual([
      1, 2, 3, 4, 5, 4,
    ]);
    expect(parseEducation(3)).toBe(3);
    expect(parseEducation(6)).toBeNull();
    expect(parseEducation("小学")).toBeNull();
    expect(parseEducation(null)).toBeUndefined();
    expect(educationName(4, "zh")).toBe("硕士");
    expect(educationName(4, "en")).toBe("Master");
  });
});

describe("dates", () => {
  // 2024-03-01: 19783 days after 1970-01-01 (54 years incl. 13 leap days = 19723, + Jan 31 + Feb 29 = 60).
  it("reads a Date, an Excel serial and text forms to the same day number", () => {
    expect(parseDate(new Date(Date.UTC(2024, 2, 1)))).toBe(19783);
    expect(parseDate(45352)).toBe(19783);
    expect(parseDate(45352.75)).toBe(19783);
    expect(parseDate("2024-03-01")).toBe(19783);
    expect(parseDate("2024/3/1")).toBe(19783);
    expect(parseDate("2024年3月1日")).toBe(19783);
    expect(formatDay(19783)).toBe("2024-03-01");
    expect(dayToExcelSerial(19783)).toBe(45352);
  });

  it("rejects impossible dates and other values", () => {
    expect(parseDate("2023-02-29")).toBeNull();
    expect(parseDate("2024-13-01")).toBeNull();
    expect(parseDate("soon")).toBeNull();
    expect(parseDate(0)).toBeNull();
    expect(parseDate(true)).toBeNull();
    expect(parseDate("")).toBeUndefined();
  });

  it("adds months clamping to the month's end", () => {
    const jan31 = parseDate("2024-01-31")!;
    expect(formatDay(addMonths(jan31, 1))).toBe("2024-02-29");
    expect(formatDay(addMonths(jan31, 13))).toBe("2025-02-28");
    expect(formatDay(addMonths(jan31, -2))).toBe("2023-11-30");
    expect(formatDay(addMonths(parseDate("2024-06-15")!, 24))).toBe("2026-06-15");
  });

  it("round-trips day numbers through text and Excel serials", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60000 }), (day) => {
        expect(parseDate(formatDay(day))).toBe(day);
        expect(parseDate(dayToExcelSerial(day))).toBe(day);
      }),
    );
  });
});
