/**
 * Check .xlsx files against the ECMA-376 Transitional schemas with the validator bundled in
 * tools/ooxml (xmllint underneath; `npm test`'s pretest installs it). One validator run for
 * several files, since each xmllint start and the demo's 6 MB of XML cost seconds.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const VALIDATOR =
  process.env.OOXML_VALIDATE ?? path.join(__dirname, "..", "..", "tools", "ooxml", "validate-xlsx");

/** One invalid part: "FILE: PART: /element/path: xmllint's first error", per the validator's stdout. */
export interface SchemaReport {
  /** One line per invalid part; empty when every part is valid. */
  invalid: string[];
  /** The validator's summary lines (parts checked per file). */
  summary: string;
  status: number | null;
}

/**
 * Validate named workbooks; file names in the report are the keys given.
 * @example const r = validateXlsx({ "demo.xlsx": bytes }); expect(r.invalid).toEqual([]);
 */
export function validateXlsx(files: Record<string, Buffer>): SchemaReport {
  const dir = mkdtempSync(path.join(os.tmpdir(), "yardstick-ooxml-"));
  try {
    const paths = Object.entries(files).map(([name, bytes]) => {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      return file;
    });
    const r = spawnSync(process.execPath, [VALIDATOR, ...paths], { encoding: "utf8", timeout: 300_000 });
    if (r.status === 2 || r.error)
      throw new Error(
        `validate-xlsx could not run (${r.error?.message ?? r.stderr.trim()}); install xmllint: apt-get install -y libxml2-utils`,
      );
    const invalid = r.stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split(dir + path.sep).join(""));
    return {
      invalid,
      summary: r.stderr
        .split(dir + path.sep)
        .join("")
        .trim(),
      status: r.status,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
