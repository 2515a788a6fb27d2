/**
 * Debian's Chromium driven by playwright-core, started the way this network-less machine needs
 * (no background networking, no first-run), with Office.js served from the npm package
 * @microsoft/office-js instead of the Office CDN, so pages load the real library offline.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
  Boolean,
) as string[];
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.resolve(__dirname, "../../node_modules/@microsoft/office-js/dist");

export function chromiumPath(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      "Chromium not found. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH; `npm test` runs scripts/ensure-system-deps.js first.",
    );
  }
  return found;
}

/** How Chromium must start on a machine with no network but loopback (headless is playwright's). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Answers requests for Office.js on the Office CDN from the @microsoft/office-js npm package. */
export async function serveOfficeJsLocally(context: BrowserContext): Promise<void> {
  await context.route(`${OFFICE_CDN}**`, async (route) => {
    const rel = new URL(route.request().url()).pathname.replace("/lib/1/hosted/", "");
    const file = path.join(OFFICE_DIST, rel);
    if (!file.startsWith(OFFICE_DIST) || !existsSync(file)) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ status: 200, contentType: "application/javascript", body: readFileSync(file) });
  });
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Launches headless Chromium with a fresh profile; HTTPS errors from the dev certificate are accepted. */
export async function launchBrowser(): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 320, height: 720 },
  });
  await serveOfficeJsLocally(context);
  return {
    browser,
    context,
    // playwright gives every launch a fresh temporary profile and removes it on close.
    close: () => browser.close(),
  };
}

/** Collects console errors and page errors, to assert a page is clean. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}
