/**
 * A file that reports the same measure, unit and period twice is told so once, at its lines, by
 * the reader (a `duplicate-row` finding); the `duplicate-rows` detector is folded into that
 * finding (docs/flags.md), so no second, line-less report appears among the flags.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import type { Flag } from "../../src/engine/flags";

const CSV = [
  "measure,unit,period,target,actual",
  "Cases closed,North,2025-10,100,90",
  "Cases closed,North,2025-11,100,95",
  "Cases closed,North,2025-11,100,120",
  "",
].join("\n");

async function flags(...argv: string[]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "yardstick-dup-"));
  writeFileSync(path.join(dir, "twice.csv"), CSV);
  let out = "";
  let err = "";
  const code = await main(["flags", "twice.csv", ...argv], {
    out: (t) => (out += t),
    err: (t) => (err += t),
    cwd: dir,
  });
  return { code, out, err };
}

describe("a CSV that reports a month twice (yardstick flags)", () => {
  it("names both lines in a warning, once, and keeps the first row", async () => {
    const { out } = await flags();
    expect(out).toContain(
      "warning: Line 4 repeats Cases closed / North / 2025-11 from line 3; the first row is kept.",
    );
    expect(out.match(/repeats/g)).toHaveLength(1);
  });

  it("raises no duplicate-rows flag beside the finding", async () => {
    const { out, err } = await flags("--json");
    expect((JSON.parse(out) as Flag[]).filter((f) => f.detector === "duplicate-rows")).toEqual([]);
    expect(err).toMatch(/Line 4 repeats/);
  });
});
