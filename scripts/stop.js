#!/usr/bin/env node
// `npm stop`: stops what `npm start` began (the sideloaded add-in on desktop, the dev server elsewhere).
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const pidFile = path.join(root, "node_modules", ".cache", "yardstick-dev-server.pid");

if (fs.existsSync(pidFile)) {
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  try {
    process.kill(pid, "SIGTERM");
    console.log(`Stopped the dev server (pid ${pid}).`);
  } catch {
    console.log("The dev server was not running.");
  }
  fs.rmSync(pidFile, { force: true });
} else if (process.platform === "win32" || process.platform === "darwin") {
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  spawnSync(npx, ["--yes", "office-addin-debugging@6", "stop", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
} else {
  console.log("Nothing to stop: no dev server started by `npm start` is running.");
}
