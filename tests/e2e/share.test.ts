/**
 * The email loop end to end in headless Chromium, in the browser preview at 320 px: the demo is
 * sent to its offices as a .zip download (each copy read back with the command line's reader:
 * stamp and unit rows), one copy is typed into as a person would and uploaded with a file that
 * is no workbook, and the merge lands in the preview workbook and in Review. This is the proof
 * that src/xlsx's reader and writer run in a browser (DecompressionStream, no node modules).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import type { Locator, Page } from "playwright-core";
import { settingsValues } from "../../src/workbook/loop";
import { readReturnedCopy } from "../../src/xlsx/loopRead";
import { typeRow } from "../workbook/loop/files";
import { paneSessionForFile } from "./session";

jest.setTimeout(600_000);

const session = paneSessionForFile("share");
const errors = session.errors;
let page: Page;
let downloads: string;
let copies = new Map<string, Buffer>();

beforeAll(() => {
  page = session.page;
  downloads = mkdtempSync(path.join(tmpdir(), "yardstick-share-"));
});

afterAll(() => {
  rmSync(downloads, { recursive: true, force: true });
});

const pane = (): Locator => page.getByRole("complementary", { name: /Yardstick task pane/ });
const book = (): Locator => page.getByRole("region", { name: "Preview workbook" });
const shot = session.shot;

const AXE = require.resolve("axe-core/axe.min.js");

/**
 * Serious and critical axe-core violations in the pane, as "rule: target" lines; Fluent's tabster
 * focus bumpers are dropped from aria-hidden-focus, as in pane.test.ts (a known false positive).
 */
async function axeViolations(): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Rule = { id: string; impact: string; nodes: { html: string; target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (c: Element) => Promise<{ violations: Rule[] }> } }).axe;
    const pane = document.querySelector('[aria-label="Yardstick task pane (320 px)"]')!;
    const { violations } = await axe.run(pane);
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        ...v,
        nodes: v.nodes.filter(
          (n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")),
        ),
      }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

/** The demo's tblMonthly row for a measure and unit this fiscal year, in the preview's grid. */
function gridRow(measure: string, unit: string): Locator {
  const cell = (name: string) => page.getByRole("cell", { name, exact: true });
  return book()
    .getByRole("row")
    .filter({ has: cell(measure) })
    .filter({ has: cell(unit) })
    .filter({ has: cell("2027") });
}

describe("sharing the scorecard by email, in a real browser", () => {
  it("shows five readable tabs at 320 px and sends the demo to its offices as a .zip", async () => {
    await page.goto(`${session.url}/taskpane.html?tab=start`);
    await pane()
      .getByRole("radio", { name: /Child support program scorecard/ })
      .check();
    // Outside Excel a new workbook is not offered, and the pane says why.
    expect(await pane().getByRole("radio", { name: "A new workbook" }).isDisabled()).toBe(true);
    await pane()
      .getByText(/new workbook.*only in Excel/i)
      .waitFor();
    await pane().getByRole("button", { name: "Insert template" }).click();
    await pane().getByText("Template inserted.").waitFor({ timeout: 180_000 });

    await pane().getByRole("tab", { name: "Share" }).click();
    await pane().getByRole("heading", { name: "Send to offices" }).waitFor();
    const tabs = pane().getByRole("tablist", { name: "Yardstick jobs" });
    const fits = await tabs.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return [...el.querySelectorAll('[role="tab"]')].every((t) => {
        const r = t.getBoundingClientRect();
        const label = t.querySelector(".fui-Tab__content") as HTMLElement | null;
        return (
          r.left >= box.left - 0.5 &&
          r.right <= box.right + 0.5 &&
          (!label || label.scrollWidth <= label.clientWidth + 1)
        );
      });
    });
    expect(fits).toBe(true);
    expect(await pane().getByRole("tab").allInnerTexts()).toEqual([
      "Start",
      "Targets",
      "Review",
      "Flags",
      "Share",
    ]);
    await pane().getByText("The copies ask for May 2027.").waitFor({ timeout: 60_000 });
    expect(await pane().getByLabel("Due back by").inputValue()).toBe("2027-06-10");
    await pane()
      .getByText(/yardstick split master\.xlsx/)
      .waitFor();
    await shot("20-share");
    expect(await axeViolations()).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 180_000 }),
      pane().getByRole("button", { name: "Send to offices (.zip)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("office-copies-2027-05.zip");
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    await pane().getByText("Copies downloaded.").waitFor();
    const zip = await JSZip.loadAsync(readFileSync(file));
    copies = new Map();
    for (const name of Object.keys(zip.files)) copies.set(name, await zip.file(name)!.async("nodebuffer"));
    expect(copies.size).toBe(12);
    for (const [name, bytes] of copies) {
      const copy = await readReturnedCopy(bytes, name, "2027-06-01T09:00:00Z");
      expect(copy.unreadable).toBeUndefined();
      const stamp = settingsValues(copy.tables!.tblSettings);
      const unit = stamp.get("Office copy for")!;
      expect(name).toBe(`${unit}.xlsx`);
      expect(stamp.get("Due")).toBe("2027-06-10");
      expect(stamp.get("Master ID")).toMatch(/^ys-/);
      const monthly = copy.tables!.tblMonthly!;
      const unitCol = monthly.headers.indexOf("Unit ID");
      expect(monthly.rows.length).toBeGreaterThan(0);
      expect(new Set(monthly.rows.map((r) => r[unitCol]))).toEqual(new Set([unit]));
    }
    await shot("21-share-sent");
  });

  it("collects a typed copy and refuses a file that is no workbook; the merge shows in the workbook and Review", async () => {
    const typed = await typeRow(copies.get("anne-arundel.xlsx")!, "orders", { "Actual May": 43 });
    expect(
      await gridRow("orders", "anne-arundel").getByRole("cell", { name: "43", exact: true }).count(),
    ).toBe(0);
    await pane()
      .getByLabel("Returned files")
      .setInputFiles([
        {
          name: "anne-arundel.xlsx",
          mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          buffer: typed,
        },
        { name: "notes.xlsx", mimeType: "text/plain", buffer: Buffer.from("not a workbook") },
      ]);
    const checked = pane().getByRole("region", { name: "Returned files checked" });
    await checked.waitFor({ timeout: 120_000 });
    const good = checked.getByRole("listitem").filter({ hasText: "anne-arundel.xlsx" }).first();
    const bad = checked.getByRole("listitem").filter({ hasText: "notes.xlsx" }).first();
    expect(await good.innerText()).toMatch(/Accepted[\s\S]*For Anne Arundel: 1 cell to merge/);
    expect(await bad.innerText()).toMatch(/Rejected[\s\S]*notes\.xlsx is not a readable \.xlsx workbook/);
    expect(await checked.innerText()).toMatch(/Nothing usable back yet from 11 office/);
    await shot("22-share-checked");
    expect(await axeViolations()).toEqual([]);

    await pane().getByRole("button", { name: "Merge 1 cell" }).click();
    await pane().getByText("Returns merged.").waitFor({ timeout: 60_000 });
    expect(
      await pane()
        .getByText(/1 cell\(s\) merged into Milestones & Actuals/)
        .count(),
    ).toBe(1);
    await shot("23-share-merged");

    await book().getByRole("tab", { name: "Milestones & Actuals" }).click();
    await gridRow("orders", "anne-arundel")
      .getByRole("cell", { name: "43", exact: true })
      .waitFor({ timeout: 30_000 });

    // Review now offers May (it has an actual), and the merged value is Anne Arundel's May.
    await pane().getByRole("tab", { name: "Review" }).click();
    await pane().getByRole("heading", { name: "Review progress" }).waitFor();
    await pane().getByRole("combobox", { name: "As of" }).click();
    await page.getByRole("option", { name: "May 2027" }).click();
    await pane().getByRole("combobox", { name: "As of" }).filter({ hasText: "May 2027" }).waitFor();
    for (const header of await pane()
      .locator('button[aria-expanded="false"]')
      .filter({ hasText: /\(\d+\)$/ })
      .all())
      await header.click();
    const item = pane()
      .getByRole("listitem", { name: /Cases with support orders/ })
      .filter({ hasText: "Anne Arundel" });
    expect(await item.first().innerText()).toMatch(/43/);
    expect(errors).toEqual([]);
  });
});
