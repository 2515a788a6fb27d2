/**
 * Headless Debian Chromium for the pane's end-to-end test, started as this network-less machine
 * needs, with a fresh profile directory; Office.js requests to the CDN are answered from the npm
 * package @microsoft/office-js so Office.onReady runs for real (and reports no host). Never downloads a browser.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { chromiumPath } from "../support/browser";

const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.resolve(__dirname, "../../node_modules/@microsoft/office-js/dist");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface PaneBrowser {
  context: BrowserContext;
  close: () => Promise<void>;
}

export async function launchPaneBrowser(viewport = { width: 1280, height: 900 }): Promise<PaneBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), "yardstick-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  });
  await context.route(`${OFFICE_CDN}**`, async (route) => {
    const file = path.join(
      OFFICE_DIST,
      new URL(route.request().url()).pathname.replace("/lib/1/hosted/", ""),
    );
    if (!file.startsWith(OFFICE_DIST) || !existsSync(file)) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ status: 200, contentType: "application/javascript", body: readFileSync(file) });
  });
  // Nothing else may leave the machine.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
    route.request().url().startsWith(OFFICE_CDN) ? route.fallback() : route.abort(),
  );
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
