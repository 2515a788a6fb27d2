/** The real public data the tests read: copies inside the repository (data/real, with its README). */
import { existsSync } from "node:fs";
import path from "node:path";

export const REAL_DATA_DIR = path.resolve(__dirname, "../../data/real");

/** The path of one file in data/real; a missing file fails the test that asked, never skips it. */
export function realDataFile(name: string): string {
  const file = path.join(REAL_DATA_DIR, name);
  if (!existsSync(file))
    throw new Error(`data/real/${name} is missing: restore it from git (see data/real/README.md)`);
  return file;
}
