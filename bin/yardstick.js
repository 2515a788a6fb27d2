#!/usr/bin/env node
// The `yardstick` command: runs the compiled command line in lib/ (built by `npm run build:cli`,
// which `npm install`/`npm ci` run through `prepare`). Compiling TypeScript at every start cost
// about 12x a bare Node start; while working on src/cli, `npm run yardstick -- ARGS` runs the source.
const path = require("node:path");
const fs = require("node:fs");

const entry = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("yardstick: the command line is not built yet. Run: npm run build:cli\n");
  process.exit(2);
}
require(entry).runFromProcess();
