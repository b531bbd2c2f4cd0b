/**
 * @jest-environment node
 */
/**
 * The task pane at the narrowest width Office gives it (320 px), in headless Chromium: every tab is on
 * screen (the tab list wraps), the tabs work from the keyboard, and after a pay conversion run (which
 * runs re-bidding first for its placements) nothing sticks out sideways and the cards show the engine's
 * payroll figures. Skipped, with a message, where Chromium is absent (see harness.ts).
 */
import type { Browser, Page } from "playwright-core";
import { t } from "../../src/engine/messages";
import { runReform } from "../../src/engine/reform";
import { baselineParams } from "../../src/engine/scenario/compare";
import type { Lang } from "../../src/engine/types";
import { identifyTables, readTables } from "../../src/engine/workbook";
import { generateSample } from "../../src/sample/sample";
import { formatIndicator } from "../../src/taskpane/format";
import { MODEL_PANES, PANE_IDS } from "../../src/taskpane/panes";
import {
  chromiumMissing,
  ensureBuilt,
  launchChromium,
  openTaskPane,
  serveStatic,
  type BuiltPage,
  type PageLog,
  type StaticServer,
} from "./harness";

const missing = chromiumMissing();
if (missing) console.warn(`${missing}: browser test skipped`);
const describeInBrowser = missing ? describe.skip : describe;

jest.setTimeout(120_000);

const WIDTH = 320;

/** How far the page reaches: its scroll width, and the tabs' boxes. */
async function layout(
  page: Page,
): Promise<{ scrollWidth: number; tabs: { name: string; left: number; right: number }[] }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    tabs: [...document.querySelectorAll<HTMLElement>('[role="tab"]')].map((el) => {
      const r = el.getBoundingClientRect();
      // A Fluent tab holds its label twice (the second, hidden, reserves the bold width): take the first.
      const name = (el.querySelector(".fui-Tab__content") ?? el).textContent ?? "";
      return { name, left: r.left, right: r.right };
    }),
  }));
}

/** The label of the focused element's tab, or "" when focus is not on a tab. */
function focusedTab(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute("role") === "tab" ? ((el.querySelector(".fui-Tab__content") ?? el).textContent ?? "") : "";
  });
}

describeInBrowser(`task pane ${WIDTH} px wide in headless Chromium`, () => {
  let built: BuiltPage | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    built = await ensureBuilt(100_000);
    server = await serveStatic(built.dir);
    browser = await launchChromium();
  }, 150_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.close();
    built?.dispose();
  });

  async function open(lang: Lang): Promise<{ page: Page; log: PageLog; close(): Promise<void> }> {
    const { context, page, log } = await openTaskPane(browser!, server!.origin, {
      lang,
      viewport: { width: WIDTH, height: 800 },
    });
    await page.getByRole("button", { name: t("ui.preview.sample", lang), exact: true }).click();
    await page.getByRole("region", { name: t("ui.home.models", lang), exact: true }).waitFor();
    return { page, log, close: () => context.close() };
  }

  it.each(["zh", "en"] as const)("(%s) every tab is on screen and the tabs work from the keyboard", async (lang) => {
    const { page, log, close } = await open(lang);
    try {
      const { scrollWidth, tabs } = await layout(page);
      expect(scrollWidth).toBeLessThanOrEqual(WIDTH);
      expect(tabs.map((tb) => tb.name)).toEqual(PANE_IDS.map((id) => t(`ui.tab.${id}`, lang)));
      for (const tb of tabs)
        expect({ tab: tb.name, inside: tb.left >= 0 && tb.right <= WIDTH }).toEqual({ tab: tb.name, inside: true });

      // Arrow keys move along the tabs in order (across the wrap), End and Home jump, Enter selects.
      await page.getByRole("tab", { name: t("ui.tab.home", lang), exact: true }).focus();
      const visited = [await focusedTab(page)];
      for (let i = 1; i < PANE_IDS.length; i++) {
        await page.keyboard.press("ArrowRight");
        visited.push(await focusedTab(page));
      }
      expect(visited).toEqual(tabs.map((tb) => tb.name));
      await page.keyboard.press("Home");
      expect(await focusedTab(page)).toBe(t("ui.tab.home", lang));
      await page.keyboard.press("End");
      const last = t(`ui.tab.${PANE_IDS[PANE_IDS.length - 1]!}`, lang);
      expect(await focusedTab(page)).toBe(last);
      await page.keyboard.press("Enter");
      await page.getByRole("tabpanel", { name: last, exact: true }).waitFor();
      expect(await page.getByRole("tab", { name: last, exact: true }).getAttribute("aria-selected")).toBe("true");
      expect(log.pageErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("(zh) pay conversion: the engine's non-zero payroll figures, nothing wider than the pane", async () => {
    const lang = "zh";
    const sources = generateSample({ lang }).tables.map((tb) => ({ name: tb.name, sheet: tb.name, rows: tb.rows }));
    const tables = readTables(identifyTables(sources));
    const run = runReform(tables, { params: baselineParams(tables).params, models: ["pay"] });
    expect(run.indicator("payrollAfter")).toBeGreaterThan(0);

    const { page, log, close } = await open(lang);
    try {
      await page.getByRole("tab", { name: t("ui.tab.pay", lang), exact: true }).click();
      const panel = page.getByRole("tabpanel", { name: t("ui.tab.pay", lang), exact: true });
      await panel.getByRole("button", { name: t("ui.run", lang), exact: true }).click();
      const cards = panel.getByRole("region", { name: t("ui.results", lang), exact: true });
      await cards.waitFor({ timeout: 30_000 });
      const shown: Record<string, string> = {};
      const want: Record<string, string> = {};
      for (const id of MODEL_PANES.pay.indicators) {
        const label = t(`ui.indicator.${id}`, lang);
        shown[id] = ((await cards.getByRole("group", { name: label, exact: true }).textContent()) ?? "").slice(
          label.length,
        );
        const ind = run.indicators.find((i) => i.id === id)!;
        want[id] = formatIndicator(id, ind.value, ind.kind, lang);
      }
      expect(shown).toEqual(want);
      expect((await layout(page)).scrollWidth).toBeLessThanOrEqual(WIDTH);
      expect(log.pageErrors).toEqual([]);
      expect(log.consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });
});
