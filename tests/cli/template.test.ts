import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { readRawTables } from "../../src/xlsx";

function run(argv: string[], cwd: string) {
  let out = "";
  let err = "";
  return main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd }).then((code) => ({
    code,
    out,
    err,
  }));
}

describe("yardstick template", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "yardstick-template-"));

  it.each(["child-support", "city-services", "balanced-scorecard", "blank"])(
    "writes the %s template with its tables",
    async (name) => {
      const { code, out } = await run(["template", name, "--out", `${name}.xlsx`], dir);
      expect(code).toBe(0);
      expect(out).toContain(`Wrote ${path.join(dir, `${name}.xlsx`)}`);
      expect(out).toContain("libreoffice --calc");
      const tables = await readRawTables(readFileSync(path.join(dir, `${name}.xlsx`)));
      expect(Object.keys(tables)).toEqual(
        expect.arrayContaining(["tblSettings", "tblMeasures", "tblUnits", "tblMonthly", "tblFlags"]),
      );
    },
  );

  it("fills the template with sample data when asked", async () => {
    const { code } = await run(
      ["template", "city-services", "--sample", "--seed", "3", "--out", "city.xlsx"],
      dir,
    );
    expect(code).toBe(0);
    const tables = await readRawTables(readFileSync(path.join(dir, "city.xlsx")));
    const actual = tables.tblMonthly!.headers.findIndex((h) => h.startsWith("Actual "));
    expect(tables.tblMonthly!.rows.some((r) => typeof r[actual] === "number")).toBe(true);
  });

  it.each([
    [["template"], /which template\?/],
    [["template", "nope", "--out", "x.xlsx"], /unknown template "nope"; choose one of child-support/],
    [["template", "blank"], /add --out FILE/],
    [["template", "blank", "--out"], /--out <value>' argument missing/],
    [["template", "blank", "--seed", "x", "--out", "a.xlsx"], /--seed must be a whole number/],
    [["template", "blank", "--out", "no/such/folder/x.xlsx"], /the folder does not exist/],
    [["template", "blank", "--as-of", "April", "--out", "a.xlsx"], /April/],
  ])("refuses %j with a clear message and exit code 2", async (argv, message) => {
    const { code, err } = await run(argv as string[], dir);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});
