/** @jest-environment jsdom */
/**
 * The panes on the real engine: the sample workbook in an in-memory host, the service composed with the
 * engine adapter the add-in uses (src/taskpane/engine.ts). The cards must show what runReform computes.
 */
import { configure, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { t } from "../../src/engine/messages";
import { runReform } from "../../src/engine/reform";
import { readScenarios } from "../../src/engine/scenario/params";
import { identifyTables, readTables } from "../../src/engine/workbook";
import { generateSample } from "../../src/sample/sample";
import { App } from "../../src/taskpane/App";
import { ENGINE } from "../../src/taskpane/engine";
import { formatIndicator, formatValue } from "../../src/taskpane/format";
import { MODEL_PANES } from "../../src/taskpane/panes";
import { createService } from "../../src/taskpane/service";
import { MemoryHost } from "./fakes";

configure({ asyncUtilTimeout: 10000 });
Object.assign(globalThis, {
  ResizeObserver: class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  },
});
jest.mock("../../src/taskpane/wiring", () => ({ defaultOfficeService: jest.fn(), defaultPreviewOpener: jest.fn() }));

it("runs re-bidding on the sample workbook and shows the engine's numbers", async () => {
  const sources = generateSample({ lang: "zh", staff: 60 }).tables.map((t) => ({
    name: t.name,
    sheet: t.name,
    rows: t.rows,
  }));
  const host = new MemoryHost(sources);
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App lang="zh" inOffice service={createService(host, ENGINE)} />
    </FluentProvider>,
  );
  await screen.findByRole("region", { name: "各模型准备情况" });
  await user.click(screen.getByRole("tab", { name: "竞聘上岗" }));
  const pane = screen.getByRole("tabpanel");
  await user.click(within(pane).getByRole("button", { name: "运行" }));
  const placedCard = await within(pane).findByRole("group", { name: "聘用人数" });

  // The same run, straight from the engine, under the baseline scenario's parameters.
  const read = readTables(identifyTables(sources));
  const params = readScenarios(read.scenarios!).scenarios[0]!.params;
  const expected = runReform(read, { params, models: ["rebid"] });
  const placed = expected.indicator("placed");
  expect(placed).not.toBeNull();
  expect(placedCard.textContent).toContain(formatValue(placed, "integer", "zh"));
  const notSelected = within(pane).getByRole("group", { name: "未聘人数" });
  expect(notSelected.textContent).toContain(formatValue(expected.indicator("notSelected"), "integer", "zh"));
  // The result sheets written are the engine's, by name.
  expect(host.written[0]!.map((s) => s.name)).toEqual(expected.sheets("zh").map((s) => s.name));
});

it("runs pay conversion after re-bidding (run first for its placements) and shows the engine's non-zero payroll", async () => {
  const sources = generateSample({ lang: "zh" }).tables.map((t) => ({ name: t.name, sheet: t.name, rows: t.rows }));
  const host = new MemoryHost(sources);
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App lang="zh" inOffice service={createService(host, ENGINE)} />
    </FluentProvider>,
  );
  await screen.findByRole("region", { name: "各模型准备情况" });
  await user.click(screen.getByRole("tab", { name: "薪酬套改" }));
  const pane = screen.getByRole("tabpanel");
  await user.click(within(pane).getByRole("button", { name: "运行" }));
  await within(pane).findByRole("group", { name: "改革后工资总额（月）" });

  const read = readTables(identifyTables(sources));
  const params = readScenarios(read.scenarios!).scenarios[0]!.params;
  const expected = runReform(read, { params, models: ["pay"] });
  // Re-bidding ran first, as a dependency, and pay used its placements.
  expect(expected.statuses.map((s) => [s.model, s.status, s.dependency ?? false])).toEqual([
    ["rebid", "ok", true],
    ["pay", "ok", false],
  ]);
  expect(within(pane).getByText("竞聘上岗：已先行运行，为本模型提供聘用结果（其结果表不写入）")).toBeTruthy();
  for (const id of MODEL_PANES.pay.indicators) {
    const ind = expected.indicators.find((i) => i.id === id)!;
    const card = within(pane).getByRole("group", { name: t(`ui.indicator.${id}`, "zh") });
    expect({ id, shown: card.textContent }).toEqual({
      id,
      shown: t(`ui.indicator.${id}`, "zh") + formatIndicator(id, ind.value, ind.kind, "zh"),
    });
  }
  // Not the ¥0.00 of a pay run without placements: the payroll before and after, and the pay rises.
  for (const id of ["payrollBefore", "payrollAfter", "winners"] as const)
    expect(expected.indicator(id)).toBeGreaterThan(0);
  // Only the pay sheets are written (re-bidding's are left out).
  expect(host.written[0]!.map((s) => s.name)).toEqual(expected.sheets("zh").map((s) => s.name));
  expect(expected.sheets("zh").map((s) => s.name)).not.toContain(
    runReform(read, { params, models: ["rebid"] }).sheets("zh")[0]!.name,
  );
});
