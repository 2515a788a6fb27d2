/** Writing workbooks without losing the file that was there: refusals, --force, prompts and a full disk. */
import * as fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { freeName, realFs, writeWorkbookSafely, type WriteFs } from "../../src/cli/output";

function run(argv: string[], cwd: string, confirm?: CliIo["confirm"]) {
  let out = "";
  let err = "";
  return main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, confirm }).then((code) => ({
    code,
    out,
    err,
  }));
}

const freshDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "yardstick-safe-"));
/** Everything in a folder, hidden temp files included. */
const listing = (dir: string) => fs.readdirSync(dir).sort();

describe("writing over a file that is already there", () => {
  let dir: string;
  let edited: Buffer;
  beforeEach(async () => {
    dir = freshDir();
    expect((await run(["template", "blank", "--out", "scorecard.xlsx"], dir)).code).toBe(0);
    // A workbook someone has worked in: a real workbook with different bytes.
    expect((await run(["template", "child-support", "--out", "edited.xlsx"], dir)).code).toBe(0);
    fs.renameSync(path.join(dir, "edited.xlsx"), path.join(dir, "scorecard.xlsx"));
    edited = fs.readFileSync(path.join(dir, "scorecard.xlsx"));
  });

  it("refuses to replace a workbook without --force, naming the option, and leaves it byte for byte", async () => {
    const { code, err } = await run(["template", "blank", "--out", "scorecard.xlsx"], dir);
    expect(code).toBe(2);
    expect(err).toMatch(/scorecard\.xlsx already exists; add --force/);
    expect(fs.readFileSync(path.join(dir, "scorecard.xlsx")).equals(edited)).toBe(true);
    expect(listing(dir)).toEqual(["scorecard.xlsx"]);
  });

  it("replaces the workbook with --force", async () => {
    const { code } = await run(["template", "blank", "--out", "scorecard.xlsx", "--force"], dir);
    expect(code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "scorecard.xlsx")).equals(edited)).toBe(false);
    expect(listing(dir)).toEqual(["scorecard.xlsx"]);
  });

  it.each([
    ["no", false, true],
    ["yes", true, false],
  ])("asks at a terminal, and answering %s keeps or replaces it", async (_answer, yes, kept) => {
    const questions: string[] = [];
    const confirm = async (q: string) => (questions.push(q), yes);
    const { code } = await run(["template", "blank", "--out", "scorecard.xlsx"], dir, confirm);
    expect(questions).toEqual([expect.stringMatching(/scorecard\.xlsx exists\. Replace it\?/)]);
    expect(code).toBe(kept ? 2 : 0);
    expect(fs.readFileSync(path.join(dir, "scorecard.xlsx")).equals(edited)).toBe(kept);
  });
});

describe("files that are not workbooks", () => {
  it("will not turn units.csv into a workbook (template blank --out units.csv)", async () => {
    const dir = freshDir();
    fs.writeFileSync(path.join(dir, "units.csv"), "unit,caseload\nNorth,120\n");
    const { code, err } = await run(["template", "blank", "--out", "units.csv", "--force"], dir);
    expect(code).toBe(2);
    expect(err).toMatch(/give --out a name ending in \.xlsx \(e\.g\. units\.xlsx\)/);
    expect(fs.readFileSync(path.join(dir, "units.csv"), "utf8")).toBe("unit,caseload\nNorth,120\n");
  });

  it.each([
    ["a CSV saved with an .xlsx name", Buffer.from("unit,caseload\nNorth,120\n")],
    ["a Word document (a zip without xl/workbook.xml)", Buffer.from("PK\u0003\u0004word/document.xml")],
    ["an empty file", Buffer.alloc(0)],
  ])("refuses to replace %s, even with --force", async (_what, bytes) => {
    const dir = freshDir();
    fs.writeFileSync(path.join(dir, "units.xlsx"), bytes);
    const { code, err } = await run(["template", "blank", "--out", "units.xlsx", "--force"], dir);
    expect(code).toBe(2);
    expect(err).toMatch(/is not an \.xlsx workbook; Yardstick will not replace it, even with --force/);
    expect(fs.readFileSync(path.join(dir, "units.xlsx")).equals(bytes)).toBe(true);
  });
});

describe("yardstick demo without --out", () => {
  it("writes yardstick-demo-2.xlsx instead of overwriting a demo someone edited", async () => {
    const dir = freshDir();
    expect((await run(["demo"], dir)).code).toBe(0);
    const first = path.join(dir, "yardstick-demo.xlsx");
    fs.appendFileSync(first, "edited");
    const edited = fs.readFileSync(first);
    const second = await run(["demo"], dir);
    expect(second.out).toContain(`Wrote ${path.join(dir, "yardstick-demo-2.xlsx")}`);
    expect(second.out).toContain("check yardstick-demo-2.xlsx");
    expect(listing(dir)).toEqual(["yardstick-demo-2.xlsx", "yardstick-demo.xlsx"]);
    expect(fs.readFileSync(first).equals(edited)).toBe(true);
  });

  it("counts on to -3, -4 while those names are taken", () => {
    const taken = new Set(["/d/yardstick-demo.xlsx", "/d/yardstick-demo-2.xlsx", "/d/yardstick-demo-3.xlsx"]);
    expect(freeName("/d", "yardstick-demo.xlsx", { existsSync: (f) => taken.has(f) })).toBe(
      "yardstick-demo-4.xlsx",
    );
  });
});

/** A file system whose disk fills after `room` bytes of this write, as ENOSPC does. */
function diskFullAfter(room: number, calls: string[]): WriteFs {
  let left = room;
  return {
    ...realFs,
    writeSync(fd, buffer, offset, length) {
      calls.push("write");
      if (left <= 0)
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      const n = realFs.writeSync(fd, buffer, offset, Math.min(length, left));
      left -= n;
      return n;
    },
    fsyncSync(fd) {
      calls.push("fsync");
      realFs.fsyncSync(fd);
    },
    renameSync(from, to) {
      calls.push("rename");
      realFs.renameSync(from, to);
    },
  };
}

describe("a disk that fills up during the write", () => {
  const io = (cwd: string): CliIo => ({ out: () => undefined, err: () => undefined, cwd });

  it("keeps the old workbook byte for byte and leaves no temporary file (template --force on a full disk)", async () => {
    const dir = freshDir();
    await run(["template", "child-support", "--out", "scorecard.xlsx"], dir);
    const before = fs.readFileSync(path.join(dir, "scorecard.xlsx"));
    const calls: string[] = [];
    const bytes = Buffer.alloc(before.length * 2, 7);
    await expect(
      writeWorkbookSafely("scorecard.xlsx", bytes, io(dir), { force: true, fs: diskFullAfter(4096, calls) }),
    ).rejects.toThrow(/cannot write .*scorecard\.xlsx: the disk is full; the old file is unchanged/);
    expect(fs.readFileSync(path.join(dir, "scorecard.xlsx")).equals(before)).toBe(true);
    expect(listing(dir)).toEqual(["scorecard.xlsx"]);
    expect(calls).not.toContain("rename");
  });

  it("leaves no half-written workbook when the file is new", async () => {
    const dir = freshDir();
    await expect(
      writeWorkbookSafely("new.xlsx", Buffer.alloc(10_000), io(dir), {
        force: false,
        fs: diskFullAfter(0, []),
      }),
    ).rejects.toThrow(/the disk is full/);
    expect(listing(dir)).toEqual([]);
  });

  it("flushes the bytes to disk before renaming them into place", async () => {
    const dir = freshDir();
    const calls: string[] = [];
    const bytes = Buffer.from("PK\u0003\u0004 xl/workbook.xml");
    await writeWorkbookSafely("a.xlsx", bytes, io(dir), { force: false, fs: diskFullAfter(1e9, calls) });
    expect(calls.slice(-2)).toEqual(["fsync", "rename"]);
    expect(fs.readFileSync(path.join(dir, "a.xlsx")).equals(bytes)).toBe(true);
  });
});
