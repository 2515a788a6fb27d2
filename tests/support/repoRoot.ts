/**
 * The repository a file sits in: the nearest folder up with a package.json. Benches compiled into
 * .cache/bench sit deeper than their sources, so a fixed number of ".." would miss it.
 * Example: `repositoryRoot(__dirname)`.
 */
import { existsSync } from "node:fs";
import path from "node:path";

export function repositoryRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`No package.json above ${from}.`);
    dir = up;
  }
  return dir;
}
