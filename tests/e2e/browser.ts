/**
 * Headless Debian Chromium for the pane's end-to-end test, started as this network-less machine
 * needs, with a fresh profile directory; Office.js requests to the CDN are answered from the npm
 * package @microsoft/office-js so Office.onReady runs for real (and reports no host). Never downloads a browser.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath, OFFICE_CDN, serveOfficeJsLocally } from "../support/browser";

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
  await serveOfficeJsLocally(context);
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
