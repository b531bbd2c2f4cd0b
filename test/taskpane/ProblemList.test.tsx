/** @jest-environment jsdom */
/**
 * The problems list: grouped by message, errors then warnings then notes, the first few of each group
 * with "Go to cell", and "Show all n" per group; queried by role as a screen reader would find it.
 */
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import fc from "fast-check";
import type { Problem, Severity } from "../../src/engine/types";
import { ProblemList } from "../../src/taskpane/components/ProblemList";
import { PROBLEMS_PER_GROUP, groupLabel, groupProblems, problemLine } from "../../src/taskpane/problems";
import type { CellRef } from "../../src/taskpane/service";

/** "Written" not a number in rows 2..70 of Staff (69 problems, each naming a cell). */
const notNumber: Problem[] = Array.from({ length: 69 }, (_, i) => ({
  severity: "error",
  table: "staff",
  tableName: "Staff",
  tableRow: i + 2,
  columnIndex: 1,
  column: "Written",
  value: `x${i}`,
  key: "cell.notNumber",
}));
/** One missing column: an error of another kind, naming no row. */
const missingColumn: Problem = {
  severity: "error",
  table: "posts",
  tableName: "Posts",
  column: "Quota",
  key: "column.missing",
};
const notes: Problem[] = [
  { severity: "info", table: "staff", tableName: "Staff", key: "pay.notPlaced", params: { count: 2, staff: "S4, S9" } },
  { severity: "info", table: "staff", tableName: "Staff", key: "pay.notPlaced", params: { count: 1, staff: "S12" } },
];
const warnings: Problem[] = Array.from({ length: 5 }, (_, i) => ({
  severity: "warning",
  table: "staff",
  tableName: "Staff",
  key: "reform.withoutRebid",
  params: { model: "pay" },
  tableRow: i === 0 ? undefined : 10 + i,
}));

/** Worksheet cells: table rows are worksheet rows; Staff starts at column A. */
function locate(p: Problem): CellRef | undefined {
  return p.tableRow === undefined
    ? undefined
    : { sheet: p.tableName ?? p.table, row: p.tableRow, col: p.columnIndex ?? 0 };
}

function renderList(problems: Problem[]) {
  const goTo: Problem[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <ProblemList problems={problems} lang="en" locate={locate} onGoTo={(p) => goTo.push(p)} />
    </FluentProvider>,
  );
  return { goTo, user: userEvent.setup() };
}

describe("groupProblems", () => {
  it("errors first, then warnings, then notes; larger groups first; each problem once", () => {
    const groups = groupProblems([...notes, ...warnings, missingColumn, ...notNumber], "en");
    expect(groups.map((g) => [g.severity, g.key, g.problems.length])).toEqual([
      ["error", "cell.notNumber", 69],
      ["error", "column.missing", 1],
      ["warning", "reform.withoutRebid", 5],
      ["info", "pay.notPlaced", 2],
    ]);
    // Within a group the order given.
    expect(groups[0]!.problems).toEqual(notNumber);
  });

  it("labels a group with what its problems share, and … where they differ", () => {
    // Same column, different values.
    expect(groupLabel(notNumber, "en")).toBe("“Written” value “…” is not a number");
    expect(groupLabel(notNumber, "zh")).toBe("“Written”的值“…”不是数字");
    // One problem: everything filled in.
    expect(groupLabel(notNumber.slice(0, 1), "en")).toBe("“Written” value “x0” is not a number");
  });

  it("a problem's line leaves out the severity word the group heading shows", () => {
    expect(problemLine(notNumber[0]!, "en")).toBe(
      "table “Staff”, row 2, column “Written”: “Written” value “x0” is not a number",
    );
  });

  it("property: groups partition the problems, severities in order, one group per severity and key", () => {
    const severity = fc.constantFrom<Severity>("error", "warning", "info");
    const problem = fc.record({
      severity,
      table: fc.constant("staff"),
      key: fc.constantFrom("cell.notNumber", "column.missing", "pay.notPlaced"),
      tableRow: fc.option(fc.integer({ min: 2, max: 50 }), { nil: undefined }),
      value: fc.string({ maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 40 }), (problems) => {
        const groups = groupProblems(problems, "en");
        const flat = groups.flatMap((g) => g.problems);
        expect(flat).toHaveLength(problems.length);
        expect(new Set(flat)).toEqual(new Set(problems));
        const rank = { error: 0, warning: 1, info: 2 };
        const ranks = groups.map((g) => rank[g.severity]);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        expect(new Set(groups.map((g) => g.id)).size).toBe(groups.length);
        for (const g of groups)
          expect(g.problems.every((p) => p.key === g.key && p.severity === g.severity)).toBe(true);
      }),
    );
  });
});

describe("<ProblemList/>", () => {
  it("shows each group's count and first few, with Go to cell, and Show all per group", async () => {
    const all = [...notes, ...warnings, missingColumn, ...notNumber];
    const { goTo, user } = renderList(all);
    const region = screen.getByRole("region", { name: "Problems (77)" });
    expect(within(region).getByRole("heading", { level: 3, name: "Problems (77)" })).toBeTruthy();

    // The groups are a list (labelled by the heading), errors first.
    const groups = within(region).getByRole("list", { name: "Problems (77)" });
    const headings = within(groups)
      .getAllByRole("heading", { level: 4 })
      .map((h) => h.textContent);
    expect(headings).toEqual([
      "Error: “Written” value “…” is not a number (69)",
      "Error: table “Posts”: Table “Posts” is missing the required column “Quota”",
      "Warning: Re-bidding could not run, so this model used the Staff table's Post ID or Grade columns (5)",
      "Note: … people were not placed by re-bidding and are not converted (reasons on the placements sheet): … (2)",
    ]);

    // The big group: its first 3 problems, each with Go to cell naming its cell.
    const big = within(groups).getByRole("list", { name: "Error: “Written” value “…” is not a number (69)" });
    expect(within(big).getAllByRole("listitem")).toHaveLength(PROBLEMS_PER_GROUP);
    expect(
      within(big)
        .getAllByRole("button")
        .map((b) => b.getAttribute("aria-label")),
    ).toEqual(["Go to cell Staff!B2", "Go to cell Staff!B3", "Go to cell Staff!B4"]);

    // Show all 69: every problem listed; the control says it is expanded and which list it controls.
    const showAll = within(groups).getByRole("button", { name: "Show all 69" });
    expect(showAll.getAttribute("aria-expanded")).toBe("false");
    expect(showAll.getAttribute("aria-controls")).toBe(big.id);
    await user.click(showAll);
    expect(within(big).getAllByRole("listitem")).toHaveLength(69);
    const fewer = within(groups).getByRole("button", { name: "Show only the first 3" });
    expect(fewer.getAttribute("aria-expanded")).toBe("true");
    await user.click(within(big).getByRole("button", { name: "Go to cell Staff!B70" }));
    expect(goTo).toEqual([notNumber[68]]);
    await user.click(fewer);
    expect(within(big).getAllByRole("listitem")).toHaveLength(PROBLEMS_PER_GROUP);

    // The warnings (5) have their own Show all; the small groups have none.
    expect(within(groups).getByRole("button", { name: "Show all 5" })).toBeTruthy();
    expect(within(groups).queryAllByRole("button", { name: /^Show all/ })).toHaveLength(2);
    // A kind with one problem is one line (its heading), and it has no Go to cell when it names no row.
    const missing = within(groups).getByRole("heading", {
      level: 4,
      name: "Error: table “Posts”: Table “Posts” is missing the required column “Quota”",
    });
    expect(within(missing.closest("li")!).queryByRole("button")).toBeNull();
  });

  it("says so when there are no problems", () => {
    renderList([]);
    expect(screen.getByRole("region", { name: "Problems (0)" }).textContent).toContain("No problems found.");
    expect(screen.queryByRole("list")).toBeNull();
  });
});
