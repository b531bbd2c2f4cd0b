/**
 * Screenshots of the task pane for the README: the built page (dist/, or a fresh development build when
 * dist/ is missing or older than src/) in Debian's headless Chromium at a task-pane-like viewport
 * (420 px wide, scale 1), on the sample workbook: the start page, Home, each model pane after a run,
 * and Scenarios after "Compare all"; all in Chinese, the start page, re-bidding and pay in English too;
 * and (zh-7-problems) pay conversion on the sample with bad written-test scores: re-bidding could not
 * run, and the problems grouped by message.
 *
 *   npx tsx tools/screenshots.ts [outDir]      (default docs/screenshots; `npm run screenshots`)
 *
 * Fails (exit 1) when a run fails, the page raises errors, or a page is wider than the pane (it would
 * scroll sideways; the shots are still written). Needs /usr/bin/chromium (or $REFORM_CHROMIUM).
 */
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Locator, Page } from "playwright-core";
import { t } from "../src/engine/messages";
import { TABLES } from "../src/engine/schema";
import type { Lang } from "../src/engine/types";
import { generateSample } from "../src/sample/sample";
import { ROOT, chromiumMissing, ensureBuilt, launchChromium, openTaskPane, serveStatic } from "../test/browser/harness";

const VIEWPORT = { width: 420, height: 900 };

type Shot = "start" | "home" | "rebid" | "pay" | "perf" | "headcount" | "scenarios";

const PLAN: { lang: Lang; shots: Shot[] }[] = [
  { lang: "zh", shots: ["start", "home", "rebid", "pay", "perf", "headcount", "scenarios"] },
  { lang: "en", shots: ["start", "rebid", "pay"] },
];

/** A pattern for a message with one {placeholder}: the text around it, anything in its place. */
function messagePattern(key: string, lang: Lang, param: string): RegExp {
  const marker = "\u0000";
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const [before, after] = t(key, lang, { [param]: marker }).split(marker);
  return new RegExp(`^${escape(before)}.*${escape(after ?? "")}$`);
}

/** Clicks the pane's start button and waits for its outcome: success text, or throws with the error shown. */
async function runAndWait(panel: Locator, button: string, done: RegExp, lang: Lang): Promise<void> {
  await panel.getByRole("button", { name: button, exact: true }).click();
  const failed = messagePattern("ui.run.failed", lang, "message");
  const outcome = panel.getByText(done).or(panel.getByText(failed));
  await outcome.first().waitFor({ timeout: 60_000 });
  const text = (await outcome.first().textContent()) ?? "";
  if (failed.test(text)) throw new Error(`"${button}" failed: ${text}`);
}

/** Screenshots are cut at this height (a long problems list would make a PNG of megabytes). */
const MAX_HEIGHT = 1800;

/** Pages wider than the viewport, found while capturing (the task pane would scroll sideways). */
const overflows: string[] = [];

/** Captures the page from `top` (px) down, at most MAX_HEIGHT. */
async function capture(page: Page, file: string, top = 0): Promise<void> {
  // Let Fluent's transitions (tab indicator, progress bar) settle.
  await page.waitForTimeout(300);
  const size = await page.evaluate(() => {
    const doc = document.documentElement;
    const vw = doc.clientWidth;
    // The outermost elements that stick out to the right of the viewport, to name in the report.
    const wide = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > vw + 1)
      .filter((el) => !(el.parentElement && el.parentElement.getBoundingClientRect().right > vw + 1))
      .slice(0, 3)
      .map(
        (el) =>
          `<${el.tagName.toLowerCase()} role=${el.getAttribute("role") ?? "-"}> "${(el.textContent ?? "").slice(0, 40)}"`,
      );
    return { width: doc.scrollWidth, height: doc.scrollHeight, wide };
  });
  if (size.width > VIEWPORT.width) {
    overflows.push(`${path.basename(file)}: page ${size.width}px wide; sticking out: ${size.wide.join(", ")}`);
  }
  const height = Math.min(size.height - top, MAX_HEIGHT);
  await page.screenshot({
    path: file,
    fullPage: true,
    clip: { x: 0, y: top, width: VIEWPORT.width, height },
    animations: "disabled",
    caret: "hide",
  });
  const cut = size.height - top > MAX_HEIGHT || top > 0 ? ` (${top}–${top + height} of ${size.height}px)` : "";
  console.log(`${path.relative(ROOT, file)}  ${(statSync(file).size / 1024).toFixed(0)} KB${cut}`);
}

async function shootLanguage(browser: Browser, origin: string, lang: Lang, shots: Shot[], out: string) {
  const { context, page, log } = await openTaskPane(browser, origin, { lang, viewport: VIEWPORT });
  try {
    const ui = (key: string) => t(key, lang);
    const sample = page.getByRole("button", { name: ui("ui.preview.sample"), exact: true });
    await sample.waitFor();
    if (shots.includes("start")) await capture(page, path.join(out, `${lang}-0-start.png`));
    await sample.click();
    await page.getByRole("region", { name: ui("ui.home.models"), exact: true }).waitFor();

    const order: Shot[] = ["home", "rebid", "pay", "perf", "headcount", "scenarios"];
    for (const shot of order) {
      if (!shots.includes(shot)) continue;
      await page.getByRole("tab", { name: ui(`ui.tab.${shot}`), exact: true }).click();
      const panel = page.getByRole("tabpanel", { name: ui(`ui.tab.${shot}`), exact: true });
      await panel.waitFor();
      if (shot === "scenarios") {
        await runAndWait(
          panel,
          ui("ui.scenarios.compare"),
          messagePattern("ui.scenarios.compared", lang, "sheets"),
          lang,
        );
      } else if (shot !== "home") {
        await runAndWait(panel, ui("ui.run"), messagePattern("ui.run.done", lang, "sheets"), lang);
      }
      await capture(page, path.join(out, `${lang}-${order.indexOf(shot) + 1}-${shot}.png`));
    }
    if (log.pageErrors.length > 0 || log.consoleErrors.length > 0) {
      throw new Error(`the page reported errors (${lang}): ${JSON.stringify(log, null, 2)}`);
    }
    if (log.failedRequests.length > 0) console.warn(`requests that failed (${lang}): ${log.failedRequests.join("; ")}`);
  } finally {
    await context.close();
  }
}

/**
 * The sample workbook as an .xlsx whose every 4th person has "缺考" (absent) for the written test: re-bidding
 * stops on it, so pay conversion runs without placements and the pane lists many problems.
 */
async function brokenSample(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const tb of generateSample({ lang: "zh" }).tables) {
    const ws = wb.addWorksheet(tb.name);
    const written =
      tb.id === "staff"
        ? tb.rows[0]!.findIndex((h) => h === TABLES.staff.columns.find((c) => c.key === "written")!.zh)
        : -1;
    tb.rows.forEach((row, i) =>
      ws.addRow(written >= 0 && i > 0 && i % 4 === 0 ? row.map((v, c) => (c === written ? "缺考" : v)) : row),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Pay conversion on a workbook with bad scores: re-bidding could not run, and the problems grouped. */
async function shootProblems(browser: Browser, origin: string, out: string): Promise<void> {
  const lang: Lang = "zh";
  const { context, page, log } = await openTaskPane(browser, origin, { lang, viewport: VIEWPORT });
  try {
    await page.locator('input[type="file"]').setInputFiles({
      name: "有问题的示例.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await brokenSample(),
    });
    await page.getByRole("tab", { name: t("ui.tab.pay", lang), exact: true }).click();
    const panel = page.getByRole("tabpanel", { name: t("ui.tab.pay", lang), exact: true });
    await runAndWait(panel, t("ui.run", lang), messagePattern("ui.run.done", lang, "sheets"), lang);
    const results = panel.getByRole("heading", { name: t("ui.results", lang), exact: true });
    const top = Math.max(0, Math.floor((await results.boundingBox())!.y) - 12);
    await capture(page, path.join(out, `${lang}-7-problems.png`), top);
    if (log.pageErrors.length > 0 || log.consoleErrors.length > 0) {
      throw new Error(`the page reported errors (problems): ${JSON.stringify(log, null, 2)}`);
    }
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const missing = chromiumMissing();
  if (missing) throw new Error(`${missing}: install Debian's chromium (apt-get install chromium fonts-noto-cjk)`);
  const out = path.resolve(process.argv[2] ?? path.join(ROOT, "docs", "screenshots"));
  mkdirSync(out, { recursive: true });
  const built = await ensureBuilt(120_000);
  if (built.built) console.log(`built the task pane to ${built.dir} (${built.why})`);
  const server = await serveStatic(built.dir);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    for (const { lang, shots } of PLAN) await shootLanguage(browser, server.origin, lang, shots, out);
    await shootProblems(browser, server.origin, out);
    for (const o of overflows) console.warn(`wider than the ${VIEWPORT.width}px pane: ${o}`);
    if (overflows.length > 0) throw new Error(`${overflows.length} screenshot(s) wider than the pane`);
  } finally {
    await browser?.close();
    await server.close();
    built.dispose();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
