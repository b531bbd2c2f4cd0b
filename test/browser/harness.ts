/**
 * Browser harness for the built task pane: finds Debian's Chromium, builds the page when there is no
 * dist/, serves it over http on 127.0.0.1 (ephemeral port, node:http, no dependency) and opens it in
 * headless Chromium through playwright-core. Shared by test/browser/preview.test.ts and
 * tools/screenshots.ts.
 *
 * Never downloads a browser: Chromium comes from the system (`apt-get install chromium`); set
 * REFORM_CHROMIUM to another executable (or to a path that does not exist, to see the test skip).
 */
import { execFile } from "node:child_process";
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "..", "..");

/** The Chromium executable: $REFORM_CHROMIUM, else Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env.REFORM_CHROMIUM || "/usr/bin/chromium";

/**
 * Flags for Chromium on this machine's closed network: no background connections, no QUIC, no GPU.
 * (Playwright adds --headless, --no-sandbox when not sandboxed, and a fresh empty user-data-dir.)
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The CDN address of office.js in taskpane.html (answered with an empty script: no network in tests). */
export const OFFICE_JS = /appsforoffice\.microsoft\.com\/.*office\.js/;

/** Why the browser cannot run here, or undefined when Chromium is present and executable. */
export function chromiumMissing(): string | undefined {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return undefined;
  } catch {
    return `chromium not found at ${CHROMIUM_PATH}`;
  }
}

/** A built task pane: the folder holding taskpane.html, and whether it was built just now (in a temp dir). */
export interface BuiltPage {
  dir: string;
  built: boolean;
  /** Why this build: "dist/ is up to date", "REFORM_DIST", or why dist/ could not be used. */
  why: string;
  /** Removes a temp build (no-op for dist/). */
  dispose(): void;
}

/** Newest modification time (ms) of the files under `dir`. */
function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Why dist/ cannot be used as it is (missing, or older than a file under src/), or undefined when it can.
 */
export function distStale(dist = path.join(ROOT, "dist")): string | undefined {
  const page = path.join(dist, "taskpane.html");
  if (!existsSync(page)) return `${page} is missing`;
  if (newestChange(path.join(ROOT, "src")) > statSync(page).mtimeMs) return `${page} is older than src/`;
  return undefined;
}

/**
 * The built task pane: $REFORM_DIST when set (used as is); else dist/ when it has taskpane.html newer
 * than every file under src/ and REFORM_BUILD is not 1; else a development build
 * (`webpack --mode development --output-path <temp>`), bounded by `timeoutMs`. `why` says which.
 */
export async function ensureBuilt(timeoutMs = 90_000): Promise<BuiltPage> {
  const given = process.env.REFORM_DIST;
  if (given) {
    const dir = path.resolve(given);
    if (!existsSync(path.join(dir, "taskpane.html"))) throw new Error(`REFORM_DIST=${given} has no taskpane.html`);
    return { dir, built: false, dispose: () => undefined, why: "REFORM_DIST" };
  }
  const dist = path.join(ROOT, "dist");
  const stale = process.env.REFORM_BUILD === "1" ? "REFORM_BUILD=1" : distStale(dist);
  if (!stale) return { dir: dist, built: false, dispose: () => undefined, why: "dist/ is up to date" };
  const out = mkdtempSync(path.join(tmpdir(), "reform-taskpane-"));
  const webpackCli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [webpackCli, "--mode", "development", "--output-path", out],
      { cwd: ROOT, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`webpack build failed: ${err.message}\n${stderr}\n${stdout.slice(-4000)}`));
        else resolve();
      },
    );
  });
  if (!existsSync(path.join(out, "taskpane.html"))) throw new Error(`webpack wrote no taskpane.html to ${out}`);
  return { dir: out, built: true, dispose: () => rmSync(out, { recursive: true, force: true }), why: stale };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

/** A static file server on 127.0.0.1 with an ephemeral port. */
export interface StaticServer {
  /** e.g. http://127.0.0.1:43817 (no trailing slash). */
  origin: string;
  close(): Promise<void>;
}

/** Serves the files of `dir` (GET/HEAD only, nothing outside `dir`). */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.resolve(root, "." + decodeURIComponent(url.pathname));
    const inside = file === root || file.startsWith(root + path.sep);
    if ((req.method !== "GET" && req.method !== "HEAD") || !inside) {
      res.writeHead(inside ? 405 : 403).end();
      return;
    }
    let body: Buffer;
    try {
      if (!statSync(file).isFile()) throw new Error("not a file");
      body = readFileSync(file);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": body.length,
      "Cache-Control": "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Launches headless Chromium (the system's, never a downloaded one). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** What the page reported: uncaught errors, console errors, and requests that failed. */
export interface PageLog {
  pageErrors: string[];
  consoleErrors: string[];
  failedRequests: string[];
}

export interface OpenOptions {
  lang: "zh" | "en";
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
}

/**
 * A new context and page on taskpane.html?lang=…, with office.js answered by an empty script (the page
 * then runs as the browser preview), and the page's errors collected.
 */
export async function openTaskPane(
  browser: Browser,
  origin: string,
  options: OpenOptions,
): Promise<{ context: BrowserContext; page: Page; log: PageLog }> {
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: options.viewport ?? { width: 420, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: options.lang === "zh" ? "zh-CN" : "en-US",
  });
  context.setDefaultTimeout(20_000);
  const log: PageLog = { pageErrors: [], consoleErrors: [], failedRequests: [] };
  await context.route(OFFICE_JS, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: "/* office.js: not loaded in tests */" }),
  );
  // Anything else off the local server would need the network: refuse it at once and note it.
  await context.route(
    (url) => !url.href.startsWith(origin) && !OFFICE_JS.test(url.href) && /^https?:/.test(url.protocol),
    (route) => {
      log.failedRequests.push(`blocked: ${route.request().url()}`);
      return route.abort("blockedbyclient");
    },
  );
  const page = await context.newPage();
  page.on("pageerror", (e) => log.pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") log.consoleErrors.push(m.text());
  });
  page.on("requestfailed", (r) => {
    if (!log.failedRequests.some((f) => f.endsWith(r.url()))) log.failedRequests.push(`failed: ${r.url()}`);
  });
  await page.goto(`${origin}/taskpane.html?lang=${options.lang}`, { waitUntil: "load" });
  return { context, page, log };
}
