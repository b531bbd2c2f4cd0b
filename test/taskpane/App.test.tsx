/** @jest-environment jsdom */
import { configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Indicator, ModelId, ReformOptions, ReformRunBase } from "../../src/engine/reform/types";
import type { ResultSheet } from "../../src/engine/report";
import type { Lang, Problem } from "../../src/engine/types";
import type { ReadTables, TableSource } from "../../src/engine/workbook";
import { generateSample } from "../../src/sample/sample";
import { App } from "../../src/taskpane/App";
import type { PreviewOpener } from "../../src/taskpane/components/PreviewBar";
import { createService, type ServiceEngine } from "../../src/taskpane/service";
import { deferred, MemoryHost } from "./fakes";

// Fluent under jsdom renders slowly; give async queries time.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no ResizeObserver; Fluent's MessageBar observes its own size for reflow.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(globalThis, { ResizeObserver: NoResizeObserver });

jest.mock("../../src/taskpane/wiring", () => ({
  defaultOfficeService: () => {
    throw new Error("tests pass a service");
  },
  defaultPreviewOpener: () => {
    throw new Error("tests pass an opener");
  },
}));

/** The sample workbook (English names) as host tables; Staff placed at C3 to exercise cell offsets. */
function sampleSources(only?: string[]): TableSource[] {
  return generateSample({ lang: "en", staff: 30 })
    .tables.filter((t) => !only || only.includes(t.id))
    .map((t) =>
      t.id === "staff"
        ? { name: t.name, sheet: t.name, rows: t.rows, headerRow: 3, firstColumn: 2 }
        : { name: t.name, sheet: t.name, rows: t.rows },
    );
}

const INDICATORS: Indicator[] = [
  { id: "placed", model: "rebid", value: 21, kind: "integer" },
  { id: "adjusted", model: "rebid", value: 4, kind: "integer" },
  { id: "notSelected", model: "rebid", value: 9, kind: "integer" },
  { id: "vacancies", model: "rebid", value: 3, kind: "integer" },
  { id: "payrollBefore", model: "pay", value: 123456.5, kind: "money" },
];

/** A problem in the staff table as the reader reports it: worksheet row, 0-based column in the table. */
const WRITTEN_PROBLEM: Problem = {
  severity: "error",
  table: "staff",
  tableName: "Staff",
  tableRow: 7,
  columnIndex: 9,
  column: "Written",
  value: "abc",
  key: "cell.notNumber",
};

interface EngineCall {
  tables: ReadTables;
  options: ReformOptions;
}

function fakeEngine(calls: EngineCall[]): ServiceEngine {
  return {
    runReform(tables, options) {
      calls.push({ tables, options });
      const models = (options.models ?? []) as ModelId[];
      const run: ReformRunBase = {
        statuses: models.map((model) => ({ model, status: "ok", problems: [] })),
        indicators: INDICATORS,
        problems: [WRITTEN_PROBLEM],
        sheets: (lang: Lang): ResultSheet[] => [
          {
            id: "placements",
            name: lang === "zh" ? "竞聘结果" : "Placements",
            columns: [{ header: "x", kind: "integer" }],
            rows: [[1]],
          },
        ],
      };
      return run;
    },
    compare(_tables, scenarios) {
      return {
        columns: scenarios.map((s) => s.name),
        indicators: scenarios.map((_, i) => [{ id: "placed", model: "rebid", value: 20 + i, kind: "integer" }]),
        problems: [],
        sheets: [{ id: "compare", name: "Comparison", columns: [{ header: "x", kind: "text" }], rows: [] }],
      };
    },
    sweep(_tables, _base, request) {
      const values = [request.start, request.start + request.step, request.end];
      return {
        values,
        columns: values.map(String),
        indicators: values.map((v) => [{ id: "perfPerCapita", model: "perf", value: v / 10, kind: "money" }]),
        problems: [],
        sheets: [{ id: "sweep", name: "Sweep", columns: [{ header: "x", kind: "text" }], rows: [] }],
      };
    },
  };
}

function setup(options: { sources?: TableSource[]; extraSheets?: string[]; lang?: Lang } = {}) {
  const host = new MemoryHost(options.sources ?? sampleSources(), options.extraSheets);
  const calls: EngineCall[] = [];
  const service = createService(host, fakeEngine(calls));
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App lang={options.lang ?? "en"} inOffice service={service} />
    </FluentProvider>,
  );
  return { host, calls, user, service };
}

/** The visible tab panel. */
const panel = (): HTMLElement => screen.getByRole("tabpanel");

describe("<App/> task pane", () => {
  it("runs re-bidding: progress by stage, result cards, problems and go to cell", async () => {
    const { host, calls, user } = setup();
    await screen.findByText(/Staff \(sheet “Staff”, 30 data rows\)/);
    await user.click(screen.getByRole("tab", { name: "Re-bidding" }));

    // Defaults come from the Scenarios baseline row (平行 → parallel, bottom ratio 0.05).
    const mechanism = within(panel()).getByRole("combobox", { name: "Mechanism" });
    expect(mechanism).toHaveProperty("value", "parallel");
    expect(within(panel()).getByRole("textbox", { name: "Bottom Ratio" })).toHaveProperty("value", "0.05");
    await user.selectOptions(mechanism, "sequential");

    const gate = deferred();
    host.writeGate = gate.promise;
    await user.click(within(panel()).getByRole("button", { name: "Run" }));
    expect(await within(panel()).findByText("Writing results…")).toBeTruthy();
    expect(within(panel()).getByRole("progressbar")).toBeTruthy();
    gate.resolve();

    const placed = await within(panel()).findByRole("group", { name: "Placed" });
    expect(placed.textContent).toContain("21");
    expect(within(panel()).getByRole("group", { name: "Not selected" }).textContent).toContain("9");
    expect(within(panel()).getByRole("group", { name: "Vacancies" }).textContent).toContain("3");
    // Only the pane's indicators are shown.
    expect(within(panel()).queryByRole("group", { name: "Payroll before (monthly)" })).toBeNull();
    expect(within(panel()).getByText("Done. Written: Placements")).toBeTruthy();

    // The engine got the rebid model, the form's value, and the baseline's other parameters.
    expect(calls).toHaveLength(1);
    expect(calls[0]!.options.models).toEqual(["rebid"]);
    expect(calls[0]!.options.params).toMatchObject({
      mechanism: "sequential",
      bottomRatio: 0.05,
      "weight:interview": 0.3,
    });
    expect(host.written.map((w) => w.map((s) => s.name))).toEqual([["Placements"]]);

    expect(within(panel()).getByRole("heading", { name: "Problems (1)" })).toBeTruthy();
    // Grouped by message; a kind with one problem is one line: severity, where, what.
    expect(
      within(panel()).getByRole("heading", {
        level: 4,
        name: "Error: table “Staff”, row 7, column “Written”: “Written” value “abc” is not a number",
      }),
    ).toBeTruthy();
    // Staff starts at C3: table column 9 is worksheet column 11 (L); rows are worksheet rows already.
    await user.click(within(panel()).getByRole("button", { name: "Go to cell Staff!L7" }));
    expect(host.selected).toEqual([{ sheet: "Staff", row: 7, column: 11 }]);
  });

  it("lists the tables found and, per model, ready or what is missing", async () => {
    setup({ sources: sampleSources(["staff", "posts"]) });
    const models = await screen.findByRole("region", { name: "Models" });
    const item = (name: string) => within(models).getByText(name).closest("li") as HTMLElement;
    expect(within(item("Re-bidding")).getByText("Ready")).toBeTruthy();
    expect(within(item("Performance pay")).getByText("Ready")).toBeTruthy();
    expect(within(item("Pay conversion")).getByText("Missing: PayScale")).toBeTruthy();
    expect(within(item("Headcount")).getByText("Missing: Units")).toBeTruthy();
    expect(within(item("Staffing pool")).getByText("Missing: PoolLedger")).toBeTruthy();
    const tables = screen.getByRole("region", { name: "Tables found" });
    expect(
      within(tables)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Staff: Staff (sheet “Staff”, 30 data rows)", "Posts: Posts (sheet “Posts”, 10 data rows)"]);

    // A pane whose model is not ready says what is missing and cannot run.
    await userEvent.setup().click(screen.getByRole("tab", { name: "Pay conversion" }));
    expect(within(panel()).getByText("Cannot run; missing: PayScale")).toBeTruthy();
    expect(within(panel()).getByRole("button", { name: "Run" })).toHaveProperty("disabled", true);
  });

  it("switches the language between English and Chinese", async () => {
    const { user } = setup();
    await screen.findByRole("region", { name: "Models" });
    expect(screen.getByRole("tab", { name: "Re-bidding" })).toBeTruthy();
    await user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "zh");
    expect(screen.getByRole("tab", { name: "竞聘上岗" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "方案对比" })).toBeTruthy();
    expect(screen.queryByRole("tab", { name: "Re-bidding" })).toBeNull();
    expect(screen.getByRole("button", { name: "插入示例工作簿" })).toBeTruthy();
    await user.click(screen.getByRole("tab", { name: "竞聘上岗" }));
    expect(within(panel()).getByRole("combobox", { name: "志愿模式" })).toBeTruthy();
    await user.selectOptions(screen.getByRole("combobox", { name: "界面语言" }), "en");
    expect(screen.getByRole("tab", { name: "Re-bidding" })).toBeTruthy();
  });

  it("asks before replacing an earlier result sheet", async () => {
    const { host, user } = setup({ extraSheets: ["Placements"] });
    await screen.findByRole("region", { name: "Models" });
    await user.click(screen.getByRole("tab", { name: "Re-bidding" }));

    await user.click(within(panel()).getByRole("button", { name: "Run" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Replace earlier results?" });
    expect(within(dialog).getByText(/Placements/)).toBeTruthy();
    // jsdom lays nothing out, so tabster finds no visible focusable in the surface, leaves focus on the
    // surface itself and never activates the modalizer, which then marks the surface aria-hidden. In a
    // browser focus lands on the first button. Hence `hidden: true` for the buttons inside.
    await user.click(within(dialog).getByRole("button", { name: "Keep them", hidden: true }));
    expect(await within(panel()).findByText(/Results not written/)).toBeTruthy();
    expect(host.written).toHaveLength(0);

    await user.click(within(panel()).getByRole("button", { name: "Run" }));
    const again = await screen.findByRole("alertdialog", { name: "Replace earlier results?" });
    await user.click(within(again).getByRole("button", { name: "Replace", hidden: true }));
    expect(await within(panel()).findByText("Done. Written: Placements")).toBeTruthy();
    expect(host.written).toHaveLength(1);
  });

  it("cancels a run between stages and writes nothing", async () => {
    const { host, user } = setup();
    await screen.findByRole("region", { name: "Models" });
    await user.click(screen.getByRole("tab", { name: "Re-bidding" }));
    const gate = deferred();
    host.writeGate = gate.promise;
    await user.click(within(panel()).getByRole("button", { name: "Run" }));
    await within(panel()).findByText("Writing results…");
    await user.click(within(panel()).getByRole("button", { name: "Cancel" }));
    gate.resolve();
    expect(await within(panel()).findByText("Cancelled; the workbook was not changed.")).toBeTruthy();
    expect(host.written).toHaveLength(0);
    expect(within(panel()).queryByRole("group", { name: "Placed" })).toBeNull();
    expect(within(panel()).getByRole("button", { name: "Run" })).toHaveProperty("disabled", false);
  });

  it("lists scenarios, compares them all and runs a sweep", async () => {
    const { host, user } = setup();
    await screen.findByRole("region", { name: "Models" });
    await user.click(screen.getByRole("tab", { name: "Scenarios" }));
    const list = within(panel()).getByRole("region", { name: "Scenarios in the Scenarios table" });
    const items = within(list).getAllByRole("listitem");
    const names = ["Baseline", "Scenario 2", "Scenario 3"];
    expect(items.map((li, i) => (li.textContent ?? "").startsWith(names[i]))).toEqual([true, true, true]);
    expect(items).toHaveLength(3);
    expect(items[1]!.textContent).toContain("Changes: Mechanism = Sequential");
    expect(items[2]!.textContent).toContain("Protection = Phase in over years");

    await user.click(within(panel()).getByRole("button", { name: "Compare all" }));
    const table = await within(panel()).findByRole("table", { name: "Compare all" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((c) => c.textContent),
    ).toEqual(["Indicator", "Baseline", "Scenario 2", "Scenario 3"]);
    expect(within(table).getByRole("row", { name: /Placed/ }).textContent).toBe("Placed202122");
    expect(within(panel()).getByText("Comparison written: Comparison")).toBeTruthy();

    const sweep = within(panel()).getByRole("region", { name: "Sweep" });
    await user.selectOptions(within(sweep).getByRole("combobox", { name: "Parameter" }), "poolPerCapita");
    await user.type(within(sweep).getByRole("textbox", { name: "Start" }), "1000");
    await user.type(within(sweep).getByRole("textbox", { name: "End" }), "3000");
    await user.type(within(sweep).getByRole("textbox", { name: "Step" }), "0");
    expect(within(sweep).getByRole("alert").textContent).toMatch(/step above 0/);
    expect(within(sweep).getByRole("button", { name: "Run the sweep" })).toHaveProperty("disabled", true);
    await user.clear(within(sweep).getByRole("textbox", { name: "Step" }));
    await user.type(within(sweep).getByRole("textbox", { name: "Step" }), "1000");
    await user.click(within(sweep).getByRole("button", { name: "Run the sweep" }));
    const st = await within(sweep).findByRole("table", { name: "Sweep" });
    expect(within(st).getByRole("row", { name: /Performance pay per capita/ }).textContent).toBe(
      "Performance pay per capita¥100.00¥200.00¥300.00",
    );
    expect(host.written.map((w) => w[0]!.name)).toEqual(["Comparison", "Sweep"]);
  });

  it("inserts empty templates with drop-down lists and reloads the tables", async () => {
    const { host, user } = setup({ sources: [] });
    expect(await screen.findByText(/No known tables were found/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Insert empty templates" }));
    expect(await screen.findByText(/^Inserted: Staff, Posts/)).toBeTruthy();
    const staff = host.inserted[0]!.find((t) => t.name === "Staff")!;
    const header = staff.rows[0]!;
    const lists = new Map(staff.validation!.map((v) => [header[v.column], v.list]));
    expect(lists.get("Accept Adjustment")).toEqual(["Yes", "No"]);
    expect(lists.get("Education")).toEqual(["High School", "College", "Bachelor", "Master", "Doctorate"]);
    await waitFor(() => expect(screen.getAllByText("Ready").length).toBeGreaterThan(0));
  });
});

describe("<App/> browser preview", () => {
  it("offers to open a file or the sample workbook, then runs the panes and downloads the result", async () => {
    const host = new MemoryHost(sampleSources());
    const service = createService(host, fakeEngine([]));
    const blob = new Blob(["xlsx"]);
    const opener: PreviewOpener = {
      openFile: jest.fn(async () => {
        throw new Error("not a workbook");
      }),
      openSample: jest.fn(async () => ({ service, fileName: "sample.xlsx", download: async () => blob })),
    };
    const created: Blob[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), "blob:x"), revokeObjectURL: () => {} });
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(`${this.download} ${this.href}`);
    });
    const user = userEvent.setup();
    render(<App lang="en" inOffice={false} preview={opener} />);
    // "Open an .xlsx file" is a button in the pane's language that opens the browser's (hidden) file picker.
    const input = screen.getByLabelText<HTMLInputElement>("Open an .xlsx file");
    expect(input).toHaveProperty("type", "file");
    const picker = jest.spyOn(input, "click").mockImplementation(() => undefined);
    await user.click(screen.getByRole("button", { name: "Open an .xlsx file" }));
    expect(picker).toHaveBeenCalledTimes(1);
    const file = new File(["x"], "book.xlsx", {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    await user.upload(input, file);
    expect(opener.openFile).toHaveBeenCalledWith(file);
    expect(await screen.findByText("Could not open the file: not a workbook")).toBeTruthy();
    expect(screen.queryByRole("tablist")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Use the sample workbook" }));
    expect(opener.openSample).toHaveBeenCalledWith("en");
    expect(await screen.findByRole("tab", { name: "Re-bidding" })).toBeTruthy();
    expect(screen.getByText("Current file: sample.xlsx")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Download result workbook" }));
    await waitFor(() => expect(created).toEqual([blob]));
    expect(clicked).toEqual(["sample-results.xlsx blob:x"]);
    click.mockRestore();
  });
});
