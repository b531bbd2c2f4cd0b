/** @jest-environment jsdom */
/**
 * Models run first as a dependency (re-bidding before pay): the service keeps their statuses apart from
 * the models asked for, and the pane says when the dependency could not run, above the pane's problems.
 */
import { configure, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ModelStatus, ReformRunBase } from "../../src/engine/reform/types";
import type { Problem } from "../../src/engine/types";
import { generateSample } from "../../src/sample/sample";
import { App } from "../../src/taskpane/App";
import { createService } from "../../src/taskpane/service";
import { MemoryHost } from "./fakes";

configure({ asyncUtilTimeout: 5000 });
Object.assign(globalThis, {
  ResizeObserver: class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  },
});
jest.mock("../../src/taskpane/wiring", () => ({ defaultOfficeService: jest.fn(), defaultPreviewOpener: jest.fn() }));

const sources = generateSample({ lang: "en", staff: 20 }).tables.map((t) => ({
  name: t.name,
  sheet: t.name,
  rows: t.rows,
}));

/** Three unreadable scores in Staff rows 7, 8, 9: re-bidding stops on them. */
const rebidErrors: Problem[] = [7, 8, 9].map((row) => ({
  severity: "error",
  table: "staff",
  tableName: "Staff",
  tableRow: row,
  columnIndex: 5,
  column: "Written",
  value: "abc",
  key: "cell.notNumber",
}));
const withoutRebid: Problem = {
  severity: "warning",
  table: "staff",
  key: "reform.withoutRebid",
  params: { model: "pay" },
};

/** What runReform returns for models: ["pay"] when re-bidding, run first, fails (or not). */
function payRun(rebid: ModelStatus): ReformRunBase {
  return {
    statuses: [rebid, { model: "pay", status: "ok", problems: rebid.status === "ok" ? [] : [withoutRebid] }],
    indicators: [
      { id: "payrollBefore", model: "pay", value: 1535811, kind: "money" },
      { id: "payrollAfter", model: "pay", value: 1639875, kind: "money" },
    ],
    problems: [],
    sheets: () => [{ id: "pay", name: "Pay Conversion", columns: [], rows: [] }],
  };
}

describe("createService.run with a dependency", () => {
  it("keeps the dependency's status and problems apart from the models asked for", async () => {
    const failed: ModelStatus = { model: "rebid", status: "failed", problems: rebidErrors, dependency: true };
    const service = createService(new MemoryHost(sources), { runReform: () => payRun(failed) });
    const result = await service.run(["pay"], {}, "en");
    expect(result.statuses.map((s) => s.model)).toEqual(["pay"]);
    expect(result.dependencies).toEqual([failed]);
    // The pane's own problems: pay's (it ran without the placements), not re-bidding's.
    expect(result.problems).toEqual([withoutRebid]);
  });
});

describe("<App/> Pay pane when re-bidding, run first, fails", () => {
  function setup(rebid: ModelStatus) {
    const service = createService(new MemoryHost(sources), { runReform: () => payRun(rebid) });
    render(
      <FluentProvider theme={webLightTheme}>
        <App lang="en" inOffice service={service} />
      </FluentProvider>,
    );
    return userEvent.setup();
  }

  it("says re-bidding could not run and why, with its problems above the pane's own", async () => {
    const user = setup({ model: "rebid", status: "failed", problems: rebidErrors, dependency: true });
    await user.click(await screen.findByRole("tab", { name: "Pay conversion" }));
    const pane = screen.getByRole("tabpanel");
    await user.click(within(pane).getByRole("button", { name: "Run" }));
    await within(pane).findByRole("group", { name: "Payroll after (monthly)" });

    expect(
      within(pane).getByText(
        "Re-bidding could not run: table “Staff”, row 7, column “Written”: “Written” value “abc” is not a number " +
          "(and 2 more problems, listed below)",
      ),
    ).toBeTruthy();
    expect(within(pane).getByText("Pay conversion: done")).toBeTruthy();
    const rebidProblems = within(pane).getByRole("region", { name: "Problems of Re-bidding (3)" });
    const own = within(pane).getByRole("region", { name: "Problems (1)" });
    // Re-bidding's problems come first (DOCUMENT_POSITION_FOLLOWING: own comes after them).
    expect(rebidProblems.compareDocumentPosition(own) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(
      within(rebidProblems).getByRole("list", { name: "Error: “Written” value “abc” is not a number (3)" }),
    ).toBeTruthy();
    expect(within(rebidProblems).getAllByRole("button", { name: /^Go to cell Staff!F/ })).toHaveLength(3);
    expect(within(own).getByRole("heading", { level: 4 }).textContent).toBe(
      "Warning: table “Staff”: Re-bidding could not run, so this model used the Staff table's Post ID or Grade columns",
    );
    expect(within(pane).getByRole("group", { name: "Payroll before (monthly)" }).textContent).toContain(
      "¥1,535,811.00",
    );
  });

  it("says re-bidding ran first for its placements when it did, with its warnings apart", async () => {
    const unknownPost: Problem = { ...rebidErrors[0]!, severity: "warning", column: "Choice 1", value: "P99" };
    const user = setup({ model: "rebid", status: "ok", problems: [unknownPost], dependency: true });
    await user.click(await screen.findByRole("tab", { name: "Pay conversion" }));
    const pane = screen.getByRole("tabpanel");
    await user.click(within(pane).getByRole("button", { name: "Run" }));
    await within(pane).findByRole("group", { name: "Payroll after (monthly)" });
    expect(
      within(pane).getByText("Re-bidding: run first for the placements this model uses (its sheets are not written)"),
    ).toBeTruthy();
    expect(within(pane).queryByText(/could not run/)).toBeNull();
    const rebidProblems = within(pane).getByRole("region", { name: "Problems of Re-bidding (1)" });
    expect(within(rebidProblems).getByRole("heading", { level: 4 }).textContent).toBe(
      "Warning: table “Staff”, row 7, column “Choice 1”: “Choice 1” value “P99” is not a number",
    );
    expect(within(pane).getByRole("region", { name: "Problems (0)" }).textContent).toContain("No problems found.");
  });
});
