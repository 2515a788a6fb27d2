/**
 * The Share tab's service on the browser preview's port (the in-memory Excel): send the demo to
 * its offices as a zip (or as new workbooks where Excel can open them), then collect a return
 * typed as a person would, with the same decisions as `yardstick collect`.
 */
import JSZip from "jszip";
import { createPreview } from "../../../src/taskpane/preview/createPreview";
import { NeedsConfirmationError, PortError } from "../../../src/taskpane/port";
import { asSharePort, type SharePort } from "../../../src/taskpane/share/port";
import {
  checkReturns,
  returnsTracker,
  sendSetup,
  sendToOffices,
  type ShareDeps,
} from "../../../src/taskpane/share/service";
import { readReturnedCopy } from "../../../src/xlsx/loopRead";
import { settingsValues } from "../../../src/workbook/loop";
import { TABLES } from "../../../src/workbook/layout";
import { received, typeRow, writeCopies } from "../../workbook/loop/files";
import { smallInput, splitFixture } from "../../workbook/loop/support";
import { collectReturns, mergedMasterPlan } from "../../../src/workbook/loop";
import {
  readReturnsRows,
  RETURNS_TABLE,
  type ReturnsRow,
  type ReturnStatus,
} from "../../../src/workbook/sheets/returns";
import { createMemoryExcel } from "../../../src/office/memory";
import type { ExcelHost } from "../../../src/office/host";
import { officeGateway } from "../../../src/taskpane/service/officeGateway";
import { WorkbookPort } from "../../../src/taskpane/service/workbookPort";
import { TEMPLATES } from "../../../src/workbook/templates";

// Building the demo workbook and its office copies takes seconds, minutes on a loaded shared machine.
jest.setTimeout(300_000);

const deps: ShareDeps = {
  xlsx: () => import("../../../src/xlsx/browser"),
  now: () => new Date("2027-05-20T10:00:00Z"),
};
const MAY = Date.parse("2027-06-01T09:00:00Z");

async function demo(): Promise<{ share: SharePort; port: ReturnType<typeof createPreview>["port"] }> {
  const { port } = createPreview();
  await port.insertTemplate({ templateId: "child-support", withSampleData: true, destination: "this" });
  return { share: asSharePort(port)!, port };
}

async function unzip(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) out.set(name, await zip.file(name)!.async("nodebuffer"));
  return out;
}

/** The demo's tblMonthly cell for a measure, unit and fiscal year. */
async function monthly(share: SharePort, measure: string, unit: string, header: string): Promise<unknown> {
  const t = (await share.readLoopTables())[TABLES.monthly]!;
  const c = (h: string) => t.headers.indexOf(h);
  const row = t.rows.find(
    (r) => r[c("Measure ID")] === measure && r[c("Unit ID")] === unit && r[c("Fiscal year")] === 2027,
  );
  return row?.[c(header)];
}

describe("Send to offices", () => {
  let copies: Map<string, Buffer>;
  let share: SharePort;

  beforeAll(async () => {
    ({ share } = await demo());
    const setup = await sendSetup(share, deps);
    expect(setup).toMatchObject({ reportMonth: "2027-05", defaultDue: "2027-06-10", unitCount: 12 });
    const sent = await sendToOffices(share, false, { due: setup.defaultDue, by: "unit" }, deps);
    if (sent.kind !== "zip") throw new Error("the preview downloads a zip");
    expect(sent.fileName).toBe("office-copies-2027-05.zip");
    expect(sent.message).toMatch(/12 office copies for 2027-05, due 2027-06-10/);
    copies = await unzip(sent.bytes);
  });

  it("gives one stamped workbook per office in one zip, each holding only its office's rows", async () => {
    expect(copies.size).toBe(12);
    const [name, bytes] = [...copies][0];
    const copy = await readReturnedCopy(bytes, name, "2027-06-01T09:00:00Z");
    const about = settingsValues(copy.tables!.tblSettings);
    const unit = about.get("Office copy for")!;
    expect(name).toBe(`${unit}.xlsx`);
    expect(about.get("Due")).toBe("2027-06-10");
    const units = copy.tables!.tblMonthly!.rows.map(
      (r) => r[copy.tables!.tblMonthly!.headers.indexOf("Unit ID")],
    );
    expect(new Set(units)).toEqual(new Set([unit]));
  });

  it("keeps the master's ID in the workbook, so later returns match it", async () => {
    const about = settingsValues((await share.readLoopTables()).tblSettings);
    expect(about.get("Master ID")).toMatch(/^ys-/);
  });

  it("opens one new workbook per office where Excel can, each a whole .xlsx", async () => {
    const opened: string[] = [];
    const excel: SharePort = { ...share, openNewWorkbook: async (b64) => void opened.push(b64) };
    const sent = await sendToOffices(excel, true, { due: "2027-06-10", by: "unit" }, deps);
    expect(sent.kind).toBe("opened");
    expect(sent.message).toMatch(/Opened 12 new workbooks.*Save each/);
    expect(opened).toHaveLength(12);
    const back = await readReturnedCopy(Buffer.from(opened[0], "base64"), "x.xlsx", "2027-06-01T09:00:00Z");
    expect(back.unreadable).toBeUndefined();
    expect(settingsValues(back.tables!.tblSettings).get("Office copy for")).toBeTruthy();
  });

  it("refuses a due date that is not a date, saying what to type", async () => {
    await expect(sendToOffices(share, false, { due: "10 June", by: "unit" }, deps)).rejects.toThrow(
      /due date must be YYYY-MM-DD, e.g. 2027-06-10/,
    );
  });

  it("collects a typed return: accepted with its cell, merged into tblMonthly, nothing else changed", async () => {
    const [name, bytes] = [...copies][1];
    const unit = name.replace(/\.xlsx$/, "");
    const typed = await typeRow(bytes, "orders", { "Actual May": 43 });
    const before = await monthly(share, "orders", unit, "Actual May");
    expect(before).not.toBe(43);
    const check = await checkReturns(
      share,
      [
        { name, bytes: typed, lastModified: MAY },
        { name: "notes.xlsx", bytes: new TextEncoder().encode("not a workbook"), lastModified: MAY },
      ],
      deps,
    );
    const good = check.verdicts.find((v) => v.file === name)!;
    expect(good).toMatchObject({ unit: "Anne Arundel", accepted: true, status: "merged", cells: 1 });
    const bad = check.verdicts.find((v) => v.file === "notes.xlsx")!;
    expect(bad.accepted).toBe(false);
    expect(bad.status).toBe("rejected");
    expect(bad.reasons.join(" ")).toMatch(/notes\.xlsx is not a readable \.xlsx workbook/);
    expect(check.missing).toHaveLength(11);
    expect(check.write.cells).toBe(1);
    expect(check.write.monthly.columns).toEqual(["Measure ID", "Unit ID", "Fiscal year", "Actual May"]);

    const written = await share.writeCollected(check.write);
    expect(written.message).toMatch(/1 cell\(s\) merged into Milestones & Actuals/);
    expect(await monthly(share, "orders", unit, "Actual May")).toBe(43);
  });

  it("asks first before a return revises an actual the workbook holds, and logs the revision", async () => {
    const [name, bytes] = [...copies][2];
    const unit = name.replace(/\.xlsx$/, "");
    const april = await monthly(share, "orders", unit, "Actual Apr");
    expect(typeof april).toBe("number");
    const typed = await typeRow(bytes, "orders", { "Actual Apr": (april as number) + 7 });
    const check = await checkReturns(share, [{ name, bytes: typed, lastModified: MAY }], deps);
    expect(check.write.cells).toBe(1);
    expect(check.write.revisions).toEqual([
      expect.objectContaining({
        source: "collected-return",
        field: "actual",
        unit,
        oldValue: april,
        newValue: (april as number) + 7,
      }),
    ]);
    await expect(share.writeCollected(check.write)).rejects.toBeInstanceOf(NeedsConfirmationError);
    expect(await monthly(share, "orders", unit, "Actual Apr")).toBe(april);
    await share.writeCollected(check.write, { confirm: true });
    expect(await monthly(share, "orders", unit, "Actual Apr")).toBe((april as number) + 7);
    const log = (await share.readLoopTables())[TABLES.revisions]!;
    expect(log.rows.some((r) => r.includes("collected-return"))).toBe(true);
  });

  it("lists a conflict, and writes nothing for it, when the workbook changed the cell since issue", async () => {
    const [name, bytes] = [...copies][3];
    const unit = name.replace(/\.xlsx$/, "");
    // The master's own May value for this unit, typed after the copies went out.
    const typedHere = await checkReturns(
      share,
      [{ name, bytes: await typeRow(bytes, "orders", { "Actual May": 11 }), lastModified: MAY }],
      deps,
    );
    await share.writeCollected(typedHere.write);
    const again = await checkReturns(
      share,
      [{ name, bytes: await typeRow(bytes, "orders", { "Actual May": 12 }), lastModified: MAY }],
      deps,
    );
    expect(again.conflicts).toEqual([
      expect.objectContaining({
        unit: "Baltimore County",
        what: expect.stringMatching(
          /^Cases with support orders, FY2027, Actual May: issued blank, this workbook now 11, .* says 12/,
        ),
      }),
    ]);
    expect(again.write.cells).toBe(0);
    await share.writeCollected(again.write);
    expect(await monthly(share, "orders", unit, "Actual May")).toBe(11);
  });
});

describe("the Share service's refusals", () => {
  it("says a workbook without a scorecard leads to Start", async () => {
    const { port } = createPreview();
    await expect(sendSetup(asSharePort(port)!, deps)).rejects.toMatchObject({ empty: true });
  });

  it("refuses a new workbook in the preview, saying it is Excel-only", async () => {
    const { port } = createPreview();
    await expect(
      port.insertTemplate({ templateId: "blank", withSampleData: false, destination: "new" }),
    ).rejects.toThrow(PortError);
    await expect(
      port.insertTemplate({ templateId: "blank", withSampleData: false, destination: "new" }),
    ).rejects.toThrow(/only inside Excel/);
  });
});

describe("collecting into a master that keeps a Returns table", () => {
  it("rewrites tblReturns as the collect leaves it: earlier rows carried, the new return merged", async () => {
    // A master that went through one command-line collect (howard's return), opened in the pane.
    const { input, tables, master, copies } = splitFixture(smallInput(3));
    const files = await writeCopies(copies);
    const [first, second] = copies.map((c) => c.unit);
    const firstBack = await received(
      await typeRow(files.get(first)!, "orders", { "Actual May": 41 }),
      `${first}.xlsx`,
    );
    const once = collectReturns(master, tables, [firstBack], { now: "2027-06-05T12:00:00Z" });
    expect(input.units).toHaveLength(3);
    const excel = createMemoryExcel({ apiVersion: "1.20", sheets: ["Sheet1"], evaluateFormulas: false });
    const port = new WorkbookPort({
      mode: "preview",
      gateway: officeGateway(excel as unknown as ExcelHost, { canCreateWorkbook: false }),
      templates: [TEMPLATES["child-support"]],
      buildPlan: () => mergedMasterPlan(once.input, once.returns),
    });
    await port.insertTemplate({ templateId: "child-support", withSampleData: true, destination: "this" });
    const before = readReturnsRows((await port.readLoopTables())[RETURNS_TABLE]);
    expect(before.find((r) => r.unit === first)).toMatchObject({ status: "merged", cellsMerged: 1 });

    const typed = await typeRow(files.get(second)!, "orders", { "Actual May": 52 });
    const check = await checkReturns(
      port,
      [{ name: `${second}.xlsx`, bytes: typed, lastModified: MAY }],
      deps,
    );
    expect(check.write.cells).toBe(1);
    await port.writeCollected(check.write);
    const after = readReturnsRows((await port.readLoopTables())[RETURNS_TABLE]);
    expect(after.find((r) => r.unit === first)).toMatchObject({ status: "merged", file: `${first}.xlsx` });
    expect(after.find((r) => r.unit === second)).toMatchObject({
      status: "merged",
      file: `${second}.xlsx`,
      cellsMerged: 1,
    });
    // Exactly the rows collect decided, in its order (the table is rewritten by position).
    expect(after).toEqual(check.write.returns);
    // The Share tab's tracker reads the same table: two merged, the third office still to send.
    const { returns } = await sendSetup(port, deps);
    expect(returns?.counts).toEqual([
      { status: "missing", count: 1 },
      { status: "merged", count: 2 },
    ]);
    const third = input.units.find((u) => u.id !== first && u.id !== second)!;
    expect(returns?.waiting).toEqual([{ unit: third.name, due: expect.any(String), late: false }]);
  });
});

describe("the Returns tracker", () => {
  const row = (unit: string, status: ReturnStatus, due = "2027-06-10"): ReturnsRow => ({
    unit,
    issued: "",
    due,
    file: "",
    received: "",
    status,
    reason: "",
    cellsMerged: 0,
    conflicts: 0,
    findings: "",
  });
  const names = (u: string) => u.toUpperCase();

  it("says nothing until a collect has written the Returns sheet", () => {
    expect(returnsTracker([], names, "2027-06-01")).toBeUndefined();
  });

  it("counts the latest issue only: last quarter's returns say nothing of who sent this one back", () => {
    const q1 = (unit: string) => ({ ...row(unit, "merged", "2027-01-10"), issued: "2026-12-20T09:00:00Z" });
    const q2 = (unit: string, status: ReturnStatus) => ({
      ...row(unit, status),
      issued: "2027-05-20T09:00:00Z",
    });
    const tracker = returnsTracker(
      [q1("a"), q1("b"), q2("a", "merged"), q2("b", "missing")],
      names,
      "2027-06-01",
    )!;
    expect(tracker.counts).toEqual([
      { status: "missing", count: 1 },
      { status: "merged", count: 1 },
    ]);
    expect(tracker.waiting.map((w) => w.unit)).toEqual(["B"]);
  });

  it("counts a missing office as late once its due date has passed, and lists the late first", () => {
    const rows = [
      row("a", "merged"),
      row("b", "missing", "2027-06-20"),
      row("c", "missing"),
      row("d", "superseded"),
    ];
    const tracker = returnsTracker(rows, names, "2027-06-15")!;
    expect(tracker.counts).toEqual([
      { status: "missing", count: 1 },
      { status: "late", count: 1 },
      { status: "merged", count: 1 },
    ]);
    expect(tracker.waiting).toEqual([
      { unit: "C", due: "2027-06-10", late: true },
      { unit: "B", due: "2027-06-20", late: false },
    ]);
  });
});
