import { columnLetter, formatProblem, labels, langFromLocale, MESSAGE_SOURCES, MESSAGES, t } from "./index";

describe("message table", () => {
  it("defines no key twice across areas and every entry in both languages", () => {
    const seen = new Map<string, number>();
    MESSAGE_SOURCES.forEach((src, i) => {
      for (const k of Object.keys(src)) {
        expect(seen.has(k) ? `${k} defined in sources ${seen.get(k)} and ${i}` : k).toBe(k);
        seen.set(k, i);
      }
    });
    for (const [k, v] of Object.entries(MESSAGES)) {
      expect(v.zh.trim().length > 0 ? k : `${k}: empty zh`).toBe(k);
      expect(v.en.trim().length > 0 ? k : `${k}: empty en`).toBe(k);
      const pz = (v.zh.match(/\{\w+\}/g) ?? []).sort().join();
      const pe = (v.en.match(/\{\w+\}/g) ?? []).sort().join();
      expect(`${k}: ${pz}`).toBe(`${k}: ${pe}`);
    }
  });

  it("fills parameters and follows the display language", () => {
    expect(t("cell.notNumber", "en", { column: "Written", value: "abc" })).toBe(
      "“Written” value “abc” is not a number",
    );
    expect(t("cell.notNumber", "zh", { column: "笔试", value: "abc" })).toBe("“笔试”的值“abc”不是数字");
    expect(langFromLocale("zh-CN")).toBe("zh");
    expect(langFromLocale("zh-TW")).toBe("zh");
    expect(langFromLocale("en-US")).toBe("en");
    expect(langFromLocale(undefined)).toBe("en");
    expect(t("no.such.key", "en")).toBe("no.such.key");
  });

  it("fills every placeholder of every message as a regular-expression replace would", () => {
    const params = { a: 1, value: "x{y}", column: "$&", row: 0 };
    const byRegExp = (template: string) =>
      template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        Object.prototype.hasOwnProperty.call(params, name) ? String(params[name as keyof typeof params]) : whole,
      );
    for (const [k, v] of Object.entries(MESSAGES))
      for (const lang of ["zh", "en"] as const) expect(t(k, lang, params)).toBe(byRegExp(v[lang]));
    // unknown keys are their own template; placeholders side by side; a missing parameter stays as written
    expect(t("{a}{a}-{b}", "en", params)).toBe("11-{b}");
    expect(t("{a}{a}-{b}", "en", params)).toBe("11-{b}"); // the second time from the split template
    const rule = labels("pay.rule", "zh");
    expect([rule("notBelow"), rule("notBelow"), rule("entry")]).toEqual([
      t("pay.rule.notBelow", "zh"),
      t("pay.rule.notBelow", "zh"),
      t("pay.rule.entry", "zh"),
    ]);
  });

  it("formats a problem naming table, row, column and value", () => {
    const line = formatProblem(
      {
        severity: "error",
        table: "staff",
        tableName: "Staff",
        tableRow: 5,
        column: "Written",
        value: "abc",
        key: "cell.notNumber",
      },
      "en",
    );
    expect(line).toBe("Error: table “Staff”, row 5, column “Written”: “Written” value “abc” is not a number");
    expect(columnLetter(0)).toBe("A");
    expect(columnLetter(25)).toBe("Z");
    expect(columnLetter(26)).toBe("AA");
    expect(columnLetter(701)).toBe("ZZ");
    expect(columnLetter(702)).toBe("AAA");
  });
});
