/**
 * One pane session per end-to-end file: the production build of the pane (or the folder in
 * YARDSTICK_E2E_DIST, for debugging), served on 127.0.0.1, and a fresh headless Chromium page
 * whose console errors and page errors are collected. Call at the top of a test file: it
 * registers its own beforeAll and afterAll, so a file's hooks registered after it see the page.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { launchPaneBrowser, type PaneBrowser } from "./browser";
import { buildPane, type PaneBuild } from "./buildPane";
import { serveDirectory, type StaticServer } from "./serve";

export const SHOTS = path.join(__dirname, "screenshots");

export interface PaneSession {
  /** Set once the file's first beforeAll has run. */
  page: Page;
  /** The browser context, for a second page (a ribbon request). */
  context: BrowserContext;
  /** Where the build is served, e.g. http://127.0.0.1:PORT. */
  url: string;
  /** The build's sizes; undefined when a prebuilt folder is served. */
  build?: PaneBuild;
  /** Console and page errors seen so far. */
  readonly errors: string[];
  /** A full-page screenshot into tests/e2e/screenshots/NAME.png. */
  shot(name: string): Promise<Buffer>;
}

/** `label` names the build's temporary folder (yardstick-e2e-LABEL-*). */
export function paneSessionForFile(label: string): PaneSession {
  const prebuilt = process.env.YARDSTICK_E2E_DIST;
  let outDir: string | undefined;
  let server: StaticServer | undefined;
  let browser: PaneBrowser | undefined;
  const session: PaneSession = {
    page: undefined as unknown as Page,
    context: undefined as unknown as BrowserContext,
    url: "",
    errors: [],
    shot: (name) => session.page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true }),
  };
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    if (prebuilt) outDir = prebuilt;
    else {
      outDir = mkdtempSync(path.join(tmpdir(), `yardstick-e2e-${label}-`));
      session.build = await buildPane(outDir);
    }
    server = await serveDirectory(outDir);
    browser = await launchPaneBrowser();
    session.url = server.url;
    session.context = browser.context;
    session.page = await browser.context.newPage();
    session.page.on("console", (m) => m.type() === "error" && session.errors.push(`console: ${m.text()}`));
    session.page.on("pageerror", (e) => session.errors.push(`pageerror: ${e.message}`));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir && !prebuilt) rmSync(outDir, { recursive: true, force: true });
  });
  return session;
}
