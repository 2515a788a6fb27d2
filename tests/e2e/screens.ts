/**
 * Screenshots of every tab of the pane at 320 px, after inserting the child-support template with
 * sample data: the before/after pictures for a pane change. Not a test; run by hand:
 *   npx tsx tests/e2e/screens.ts <label> [prebuilt dist]
 * Writes test-artifacts/pane/<label>-<n>-<tab>.png and prints each tab's pane height in pixels.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { launchPaneBrowser } from "./browser";
import { buildPane } from "./buildPane";
import { serveDirectory } from "./serve";

async function main(): Promise<void> {
  const [label = "shot", prebuilt] = process.argv.slice(2);
  const out = path.resolve(__dirname, "../../test-artifacts/pane");
  mkdirSync(out, { recursive: true });
  const dist = prebuilt ?? mkdtempSync(path.join(tmpdir(), "yardstick-shots-"));
  if (!prebuilt) await buildPane(dist);
  const server = await serveDirectory(dist);
  const browser = await launchPaneBrowser();
  try {
    const page = await browser.context.newPage();
    const pane = page.getByRole("complementary", { name: /Yardstick task pane/ });
    await page.goto(`${server.url}/taskpane.html?tab=start`);
    await pane.getByRole("radio", { name: /Child support program scorecard/ }).waitFor();
    await pane.screenshot({ path: path.join(out, `${label}-0-start-empty.png`) });
    await pane.getByRole("button", { name: /^Insert/ }).click();
    await pane
      .getByText(/inserted/)
      .first()
      .waitFor({ timeout: 180_000 });
    const tabs = await pane.getByRole("tab").allInnerTexts();
    for (const [i, name] of tabs.entries()) {
      await pane.getByRole("tab", { name }).click();
      await page.waitForTimeout(1500);
      await page.waitForFunction(() => !document.querySelector('[role="status"]'), null, { timeout: 60_000 });
      const height = await pane.evaluate((el) => el.scrollHeight);
      console.log(`${name}: ${height} px`);
      await pane.screenshot({ path: path.join(out, `${label}-${i + 1}-${name.toLowerCase()}.png`) });
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
