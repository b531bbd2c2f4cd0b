import fc from "fast-check";
import type { ReformRunBase } from "../../src/engine/reform/types";
import { TABLES } from "../../src/engine/schema";
import { readScenarios } from "../../src/engine/scenario/params";
import { readTable } from "../../src/engine/tableReader";
import type { Problem } from "../../src/engine/types";
import { generateSample } from "../../src/sample/sample";
import { formatIndicator, formatValue } from "../../src/taskpane/format";
import { MODEL_PANES } from "../../src/taskpane/panes";
import { formDefaults, formToParams, paramDef, runParams } from "../../src/taskpane/paramForm";
import {
  createService,
  indicatorRows,
  problemCell,
  readiness,
  sweepValues,
  type RunProgress,
} from "../../src/taskpane/service";
import { buildTemplates } from "../../src/taskpane/templates";
import { MemoryHost } from "./fakes";

describe("problemCell", () => {
  const staff = { name: "Staff", sheet: "Data", rows: [["Staff ID", "Name", "Written"]], headerRow: 4, firstColumn: 3 };
  const p = (extra: Partial<Problem>): Problem => ({ severity: "error", table: "staff", key: "k", ...extra });

  it("keeps the worksheet row and shifts the column by where the table starts", () => {
    // Table at D4: table column 2 ("Written") is worksheet column 3 + 2 = 5 (F).
    expect(problemCell(p({ tableRow: 9, columnIndex: 2 }), { staff })).toEqual({ sheet: "Data", row: 9, col: 5 });
  });
  it("finds the column by its header when only the header is named", () => {
    expect(problemCell(p({ tableRow: 4, column: "written" }), { staff })).toEqual({ sheet: "Data", row: 4, col: 5 });
  });
  it("has no cell for a table not found or a problem without a row", () => {
    expect(problemCell(p({ table: "posts", tableRow: 2 }), { staff })).toBeUndefined();
    expect(problemCell(p({}), { staff })).toBeUndefined();
  });
});

describe("readiness", () => {
  it("is ready when every required table is there, else names the missing ones", () => {
    const r = readiness(["staff", "posts", "units"]);
    expect(r.find((x) => x.model === "rebid")).toEqual({ model: "rebid", ready: true, missing: [] });
    expect(r.find((x) => x.model === "pay")).toEqual({ model: "pay", ready: false, missing: ["payScale"] });
    expect(r.find((x) => x.model === "headcount")?.ready).toBe(true);
    expect(r.find((x) => x.model === "pool")?.missing).toEqual(["poolLedger"]);
  });
});

describe("sweepValues", () => {
  it("steps from start to end inclusive without floating drift", () => {
    expect(sweepValues(0.1, 0.3, 0.1)).toEqual([0.1, 0.2, 0.3]);
    expect(sweepValues(1000, 3000, 1000)).toEqual([1000, 2000, 3000]);
    expect(sweepValues(5, 5, 1)).toEqual([5]);
  });
  it("refuses a step of zero, a reversed range and too many values", () => {
    expect(sweepValues(1, 2, 0)).toBeUndefined();
    expect(sweepValues(2, 1, 1)).toBeUndefined();
    expect(sweepValues(0, 100, 1)).toBeUndefined();
    expect(sweepValues(Number.NaN, 1, 1)).toBeUndefined();
  });
  it("property: values start at start, rise by step, never pass end, and leave less than a step to end", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 2000 }),
        (start, step, span) => {
          const end = start + span;
          const v = sweepValues(start, end, step);
          const n = Math.floor(span / step) + 1;
          if (n > 50) return v === undefined;
          return (
            v !== undefined &&
            v.length === n &&
            v[0] === start &&
            v.every((x, i) => x === start + i * step) &&
            v[v.length - 1]! <= end &&
            end - v[v.length - 1]! < step
          );
        },
      ),
    );
  });
});

describe("parameter form", () => {
  const sample = generateSample({ lang: "zh", staff: 20 });
  const scenarios = sample.tables.find((t) => t.id === "scenarios")!;
  const baseline = readScenarios(readTable(TABLES.scenarios, scenarios.rows)).scenarios[0]!.params;

  it("takes its defaults from the Scenarios baseline row", () => {
    expect(formDefaults(MODEL_PANES.rebid.params, baseline)).toEqual({
      mechanism: "parallel",
      adjustment: "yes",
      normalization: "",
      decimals: "",
      bottomRatio: "0.05",
      bottomRounding: "",
    });
    expect(formDefaults(MODEL_PANES.headcount.params, baseline).asOf).toBe("2026-01-01");
  });

  it("reads what the user typed with the Scenarios parser, blank meaning the engine default", () => {
    const read = formToParams({ mechanism: "sequential", bottomRatio: "10%", decimals: "", asOf: "2025-06-30" });
    expect(read.invalid).toEqual([]);
    expect(read.params).toEqual({ mechanism: "sequential", bottomRatio: 0.1, asOf: 20269 });
    expect(formToParams({ bottomRatio: "2", decimals: "x", mechanism: "lottery" }).invalid).toEqual([
      "bottomRatio",
      "decimals",
      "mechanism",
    ]);
  });

  it("round-trips every default: defaults read back to the baseline's values", () => {
    for (const pane of Object.values(MODEL_PANES)) {
      const read = formToParams(formDefaults(pane.params, baseline));
      expect(read.invalid).toEqual([]);
      for (const k of pane.params) expect(read.params[k]).toEqual(baseline[k]);
    }
  });

  it("runs with the baseline's other parameters and the pane's fields; a cleared field drops the baseline value", () => {
    const params = runParams(baseline, MODEL_PANES.rebid.params, { mechanism: "sequential" });
    expect(params.mechanism).toBe("sequential");
    expect(params.bottomRatio).toBeUndefined();
    expect(params["weight:面试"]).toBe(baseline["weight:面试"]);
    expect(params.poolAmount).toBe(baseline.poolAmount);
    expect(typeof params.poolAmount).toBe("number");
  });

  it("shows only parameters the scenario reader knows", () => {
    for (const pane of Object.values(MODEL_PANES)) for (const k of pane.params) expect(paramDef(k)?.key).toBe(k);
  });
});

describe("empty templates", () => {
  it.each(["zh", "en"] as const)(
    "are recognised by the table reader, and every drop-down value reads back (%s)",
    (lang) => {
      const templates = buildTemplates(lang);
      expect(templates.map((t) => t.id).sort()).toEqual(Object.keys(TABLES).sort());
      for (const tpl of templates) {
        const def = TABLES[tpl.id];
        const header = tpl.rows[0]!;
        const longest = Math.max(1, ...tpl.validation.map((v) => v.list.length));
        for (let i = 0; i < longest; i++) {
          const row = header.map((_, c) => {
            const v = tpl.validation.find((x) => x.column === c);
            return v ? v.list[i % v.list.length]! : null;
          });
          const read = readTable(def, [header, row]);
          // Required identity columns are blank in this row; every other problem would be a list value the reader rejects.
          const bad = read.problems.filter((p) => p.key !== "cell.required" && p.key !== "table.empty");
          expect(bad).toEqual([]);
          expect(Object.keys(read.columns).length).toBe(def.columns.length);
        }
      }
    },
  );

  it("offer yes/no, education levels, categories and ratings in the language", () => {
    const staff = buildTemplates("zh").find((t) => t.id === "staff")!;
    const lists = new Map(staff.validation.map((v) => [staff.rows[0]![v.column], v.list]));
    expect(lists.get("服从调剂")).toEqual(["是", "否"]);
    expect(lists.get("学历")).toEqual(["高中", "大专", "本科", "硕士", "博士"]);
    expect(lists.get("岗位类别")).toEqual(["管理", "专业技术", "工勤"]);
    expect(lists.get("考核等次")).toEqual(["优秀", "良好", "合格", "基本合格", "不合格"]);
    expect(lists.get("原职能")).toEqual(["经济发展", "社会事务"]);
    for (const v of staff.validation) for (const item of v.list) expect(item).not.toContain(",");
  });
});

describe("formatValue and indicatorRows", () => {
  it("formats money, percentages and counts, and a model that did not run", () => {
    expect(formatValue(123456.5, "money", "en")).toBe("¥123,456.50");
    expect(formatValue(-20, "money", "zh")).toBe("-¥20.00");
    expect(formatValue(0.1234, "percent", "en")).toBe("12.3%");
    expect(formatValue(1234, "integer", "en")).toBe("1,234");
    expect(formatValue(null, "integer", "zh")).toBe("—");
  });
  it("signs a change: + for a rise, - for a fall, none for zero or for a level", () => {
    expect(formatIndicator("payrollChange", 104064, "money", "zh")).toBe("+¥104,064.00");
    expect(formatIndicator("payrollChange", -20.5, "money", "en")).toBe("-¥20.50");
    expect(formatIndicator("payrollChange", 0, "money", "en")).toBe("¥0.00");
    expect(formatIndicator("payrollChange", null, "money", "en")).toBe("—");
    expect(formatIndicator("payrollAfter", 104064, "money", "en")).toBe("¥104,064.00");
  });
  it("puts runs side by side, null where a run lacks an indicator", () => {
    const rows = indicatorRows([
      [{ id: "placed", model: "rebid", value: 5, kind: "integer" }],
      [
        { id: "placed", model: "rebid", value: 6, kind: "integer" },
        { id: "perfPool", model: "perf", value: 10, kind: "money" },
      ],
    ]);
    expect(rows).toEqual([
      { id: "placed", kind: "integer", values: [5, 6] },
      { id: "perfPool", kind: "money", values: [null, 10] },
    ]);
  });
});

describe("createService", () => {
  const sources = generateSample({ lang: "en", staff: 20 }).tables.map((t) => ({
    name: t.name,
    sheet: t.name,
    rows: t.rows,
  }));
  const run: ReformRunBase = {
    statuses: [
      { model: "rebid", status: "ok", problems: [] },
      { model: "pay", status: "ok", problems: [] },
    ],
    indicators: [
      { id: "placed", model: "rebid", value: 3, kind: "integer" },
      { id: "payrollAfter", model: "pay", value: 9, kind: "money" },
    ],
    problems: [],
    sheets: () => [{ id: "r", name: "Results", columns: [], rows: [] }],
  };

  it("reports the stages in order and keeps only the models asked for", async () => {
    const host = new MemoryHost(sources);
    const stages: RunProgress[] = [];
    const result = await createService(host, { runReform: () => run }).run(["rebid"], {}, "en", {
      onProgress: (p) => stages.push(p),
    });
    expect(result.status).toBe("done");
    expect(result.indicators.map((i) => i.id)).toEqual(["placed"]);
    expect(result.statuses.map((s) => s.model)).toEqual(["rebid"]);
    const order = stages.map((s) => s.stage).filter((s, i, a) => a[i - 1] !== s);
    expect(order).toEqual(["read", "compute", "write"]);
    expect(stages.map((s) => s.fraction)).toEqual([...stages.map((s) => s.fraction)].sort((a, b) => a - b));
    expect(stages[stages.length - 1]!.fraction).toBe(1);
  });

  it("stops before writing when cancelled, and never writes without leave to replace", async () => {
    const host = new MemoryHost(sources, ["Results"]);
    const service = createService(host, { runReform: () => run });
    const ac = new AbortController();
    const cancelled = await service.run(["rebid"], {}, "en", {
      signal: ac.signal,
      onProgress: (p) => p.stage === "compute" && ac.abort(),
    });
    expect(cancelled.status).toBe("cancelled");
    const declined = await service.run(["rebid"], {}, "en", {});
    expect(declined.status).toBe("declined");
    let asked: string[] = [];
    const replaced = await service.run(["rebid"], {}, "en", {
      confirmReplace: async (sheets) => ((asked = sheets), true),
    });
    expect(asked).toEqual(["Results"]);
    expect(replaced).toMatchObject({ status: "done", written: ["Results"] });
    expect(host.written).toHaveLength(1);
  });

  it("lists the tables with their data rows and reads the Scenarios table", async () => {
    const overview = await createService(new MemoryHost(sources), { runReform: () => run }).listTables();
    expect(overview.tables.find((t) => t.id === "staff")).toEqual({
      id: "staff",
      name: "Staff",
      sheet: "Staff",
      rows: 20,
    });
    expect(overview.readiness.every((r) => r.ready)).toBe(true);
    expect(overview.scenarios.map((s) => s.name)).toEqual(["Baseline", "Scenario 2", "Scenario 3"]);
  });
});
