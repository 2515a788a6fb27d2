#!/usr/bin/env node
// `npm start`: with desktop Excel (Windows or Mac) sideload the add-in through
// office-addin-debugging, as the official templates do; anywhere else serve the pane and print
// how to sideload it in Excel on the web. Never dies with a stack trace.
const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const port = Number(process.env.YARDSTICK_DEV_PORT || process.env.npm_package_config_dev_server_port || 3000);
const pidFile = path.join(root, "node_modules", ".cache", "yardstick-dev-server.pid");

function hasDesktopExcel() {
  if (process.env.YARDSTICK_NO_SIDELOAD === "1") return false;
  if (process.platform === "darwin") return fs.existsSync("/Applications/Microsoft Excel.app");
  if (process.platform === "win32") {
    const roots = [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]].filter(Boolean);
    return roots.some((r) =>
      ["Microsoft Office\\root\\Office16\\EXCEL.EXE", "Microsoft Office\\Office16\\EXCEL.EXE"].some((p) =>
        fs.existsSync(path.join(r, p)),
      ),
    );
  }
  return false;
}

function webOnlyInstructions() {
  return [
    "",
    "Yardstick's task pane is being served at https://localhost:" + port + "/taskpane.html",
    "No desktop Excel was found on this machine, so nothing was sideloaded. To try it in Excel on the web:",
    "  1. Open a workbook at https://www.office.com (OneDrive or SharePoint).",
    "  2. Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in.",
    "  3. Choose manifest.xml from this folder and select Upload. The Yardstick tab appears on the ribbon.",
    "The browser must trust the dev certificate: open https://localhost:" +
      port +
      "/taskpane.html once and accept it",
    "(or run `npx office-addin-dev-certs install` where your system allows it).",
    "Without Excel you can also open that URL in a browser: the pane runs on an in-memory workbook.",
    "Stop the server with Ctrl+C or `npm stop`.",
    "",
  ].join("\n");
}

function serve() {
  console.log(webOnlyInstructions());
  const child = spawn(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, YARDSTICK_DEV_PORT: String(port) },
    },
  );
  fs.mkdirSync(path.dirname(pidFile), { recursive: true });
  fs.writeFileSync(pidFile, String(child.pid));
  child.on("exit", (code) => {
    fs.rmSync(pidFile, { force: true });
    process.exitCode = code ?? 0;
  });
  child.on("error", (error) => {
    console.error(`Could not start the dev server: ${error.message}`);
    process.exitCode = 1;
  });
}

function sideload() {
  console.log(
    "Desktop Excel found: sideloading manifest.xml with office-addin-debugging (this also starts the dev server).",
  );
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const result = spawnSync(
    npx,
    ["--yes", "office-addin-debugging@6", "start", "manifest.xml", "desktop", "--app", "excel"],
    {
      cwd: root,
      stdio: "inherit",
      shell: process.platform === "win32",
    },
  );
  if (result.status !== 0) {
    console.error(
      "\nSideloading did not work (see above). Serving the pane instead; sideload it by hand as below.",
    );
    serve();
  }
}

try {
  if (hasDesktopExcel()) sideload();
  else serve();
} catch (error) {
  console.error(`npm start failed: ${error && error.message ? error.message : error}`);
  process.exitCode = 1;
}
