/**
 * @jest-environment node
 */
/**
 * The browser preview in a real browser: the built task pane served on 127.0.0.1, opened in Debian's
 * headless Chromium (playwright-core), the sample workbook loaded, a re-bidding run from the Re-bidding
 * tab, then the result cards and the downloaded result workbook checked against the engine's own run of
 * the same sample under the same (baseline) parameters.
 *
 * Skipped, with a message, where Chromium is absent (REFORM_CHROMIUM overrides /usr/bin/chromium).
 * Builds the page (webpack, development mode, to a temp folder) when dist/taskpane.html is missing or older
 * than src/ (or REFORM_BUILD=1); REFORM_DIST=<folder> uses a given build as is.
 */
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { t } from "../../src/engine/messages";
import { runReform, type IndicatorId } from "../../src/engine/reform";
import { outcomeText } from "../../src/engine/rebid/reason";
import type { OutcomeKind } from "../../src/engine/rebid/types";
import { baselineParams } from "../../src/engine/scenario/compare";
import { identifyTables, readTables } from "../../src/engine/workbook";
import { generateSample } from "../../src/sample/sample";
import { formatValue } from "../../src/taskpane/format";
import { MODEL_PANES } from "../../src/taskpane/panes";
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

const LANG = "en" as const;
const ui = (key: string, params?: Record<string, string | number>) => t(key, LANG, params);

/** The engine's run of the sample workbook the page inserts (same generator, same language). */
function engineRun() {
  const sources = generateSample({ lang: LANG }).tables.map((tb) => ({ name: tb.name, sheet: tb.name, rows: tb.rows }));
  const tables = readTables(identifyTables(sources));
  const { params } = baselineParams(tables);
  const run = runReform(tables, { params, models: ["rebid"] });
  return { tables, run };
}

/** Text of a worksheet cell as a plain value (exceljs rich text and formulas flattened). */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  if (typeof v === "object" && "result" in v) return String(v.result ?? "");
  return String(v);
}

describeInBrowser("browser preview in headless Chromium", () => {
  const { tables, run } = engineRun();
  const rebid = run.results.rebid!;
  let built: BuiltPage | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let log: PageLog;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    let start = Date.now();
    built = await ensureBuilt(100_000);
    timings[built.built ? "build" : "dist"] = Date.now() - start;
    if (built.built) console.info(`built the task pane to ${built.dir} (${built.why})`);
    server = await serveStatic(built.dir);
    start = Date.now();
    browser = await launchChromium();
    timings.launch = Date.now() - start;
    start = Date.now();
    ({ page, log } = await openTaskPane(browser, server.origin, { lang: LANG }));
    timings.load = Date.now() - start;
  }, 150_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.close();
    built?.dispose();
    console.info(`browser preview timings (ms): ${JSON.stringify(timings)}`);
  });

  it("the engine's run of the sample has every outcome the cards show (the test is not vacuous)", () => {
    expect(rebid).toBeDefined();
    expect(tables.staff!.records.length).toBeGreaterThan(0);
    for (const id of ["placed", "adjusted", "notSelected", "ineligible", "vacancies"] as IndicatorId[]) {
      expect(run.indicator(id)).toBeGreaterThan(0);
    }
  });

  it("runs re-bidding on the sample workbook and the result cards show the engine's numbers", async () => {
    const start = Date.now();
    await page.getByRole("button", { name: ui("ui.preview.sample"), exact: true }).click();
    await page.getByRole("tab", { name: ui("ui.tab.rebid"), exact: true }).click();
    const panel = page.getByRole("tabpanel", { name: ui("ui.tab.rebid"), exact: true });
    await panel.getByRole("button", { name: ui("ui.run"), exact: true }).click();
    const sheets = run
      .sheets(LANG)
      .map((s) => s.name)
      .join(", ");
    await panel.getByText(ui("ui.run.done", { sheets }), { exact: true }).waitFor({ timeout: 30_000 });
    timings.run = Date.now() - start;

    const cards = panel.getByRole("region", { name: ui("ui.results"), exact: true });
    const shown: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const id of MODEL_PANES.rebid.indicators) {
      const label = ui(`ui.indicator.${id}`);
      const card = cards.getByRole("group", { name: label, exact: true });
      await expect(card.count()).resolves.toBe(1);
      // A card is its label (Caption1) then its value (Title3).
      shown[id] = ((await card.textContent()) ?? "").slice(label.length);
      want[id] = formatValue(run.indicator(id), "integer", LANG);
    }
    expect(shown).toEqual(want);
  });

  it("downloads the result workbook whose Placements sheet is the engine's, row by row", async () => {
    const start = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 30_000 }),
      page.getByRole("button", { name: ui("ui.preview.download"), exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-results\.xlsx$/);
    const file = await download.path();
    timings.download = Date.now() - start;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);

    const names = wb.worksheets.map((ws) => ws.name);
    expect(names).toEqual(expect.arrayContaining(["Placements", "Post Fill"]));
    const ws = wb.getWorksheet("Placements")!;
    const header = ((ws.getRow(1).values as ExcelJS.CellValue[]) ?? []).map(cellText);
    const col = (name: string): number => {
      const c = header.indexOf(name);
      expect({ column: name, found: c > 0 }).toEqual({ column: name, found: true });
      return c;
    };
    const [idCol, , , postCol, outcomeCol, rankCol] = [
      "Staff ID",
      "Name",
      "Composite",
      "Post ID",
      "Outcome",
      "Choice Rank",
      "Reason",
    ].map(col);

    // The table's rows: from row 2 while there is a Staff ID (notes beside the table have none).
    const rows: { id: string; post: string; outcome: string; rank: string }[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const id = cellText(row.getCell(idCol).value);
      if (id === "") break;
      rows.push({
        id,
        post: cellText(row.getCell(postCol).value),
        outcome: cellText(row.getCell(outcomeCol).value),
        rank: cellText(row.getCell(rankCol).value),
      });
    }
    expect(rows).toHaveLength(tables.staff!.records.length);
    expect(rows).toEqual(
      rebid.candidates.map((c) => ({
        id: String(c.id),
        post: c.postId ?? "",
        outcome: outcomeText(c.outcome, LANG),
        rank: c.choiceRank === null ? "" : String(c.choiceRank),
      })),
    );

    // Outcomes are the English words, and their counts are what the cards showed.
    const words: Record<OutcomeKind, string> = {
      placed: "placed",
      adjusted: "adjusted",
      notSelected: "not selected",
      ineligible: "ineligible",
      noChoices: "no choices",
      transferred: "transferred",
    };
    const allowed = new Set(Object.values(words));
    expect(rows.filter((r) => !allowed.has(r.outcome))).toEqual([]);
    const count = (k: OutcomeKind) => rows.filter((r) => r.outcome === words[k]).length;
    expect({
      placed: count("placed"),
      adjusted: count("adjusted"),
      notSelected: count("notSelected"),
      ineligible: count("ineligible"),
    }).toEqual({
      placed: run.indicator("placed"),
      adjusted: run.indicator("adjusted"),
      notSelected: run.indicator("notSelected"),
      ineligible: run.indicator("ineligible"),
    });
  });

  it("the page raised no errors (office.js is answered with an empty script; nothing else leaves 127.0.0.1)", () => {
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.failedRequests).toEqual([]);
  });
});
