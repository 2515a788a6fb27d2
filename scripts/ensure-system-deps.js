#!/usr/bin/env node
// pretest: the spreadsheet and browser tests need LibreOffice (headless), Chromium, xmllint (the
// OOXML schema checks in tools/ooxml) and poppler's pdftoppm (print previews). They must
// never skip silently, so this step finds them, installs them on Debian as root, and otherwise
// stops with the exact command to run.
const { execFileSync, spawnSync } = require("node:child_process");
const fs = require("node:fs");

const NEEDS = [
  {
    what: "LibreOffice (headless spreadsheet recalculation)",
    bins: ["soffice", "libreoffice"],
    pkg: "libreoffice-calc-nogui",
  },
  { what: "Chromium (task pane end-to-end tests)", bins: ["chromium", "chromium-browser"], pkg: "chromium" },
  { what: "xmllint (OOXML schema checks)", bins: ["xmllint"], pkg: "libxml2-utils" },
  { what: "pdftoppm (PDF page images of the printed workbook)", bins: ["pdftoppm"], pkg: "poppler-utils" },
];

function which(bin) {
  const r = spawnSync("sh", ["-c", `command -v ${bin}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

function isDebian() {
  return fs.existsSync("/etc/debian_version") && which("apt-get") !== null;
}

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

const missing = NEEDS.filter((n) => !n.bins.some(which));
if (missing.length === 0) {
  console.log(`[pretest] Found: ${NEEDS.map((n) => n.bins.map(which).find(Boolean)).join(", ")}`);
  process.exit(0);
}

const pkgs = missing.map((m) => m.pkg);
const command = `apt-get update && apt-get install -y ${pkgs.join(" ")}`;
if (isDebian() && isRoot()) {
  console.log(`[pretest] Missing: ${missing.map((m) => m.what).join("; ")}.`);
  console.log(`[pretest] Installing Debian packages ${pkgs.join(", ")} (running: ${command}) ...`);
  try {
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", ...pkgs], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  } catch (error) {
    console.error(`[pretest] Installing failed (${error.message}). Run as root: ${command}`);
    process.exit(1);
  }
  const still = NEEDS.filter((n) => !n.bins.some(which));
  if (still.length > 0) {
    console.error(`[pretest] Still missing after install: ${still.map((m) => m.what).join("; ")}.`);
    process.exit(1);
  }
  console.log("[pretest] Installed.");
  process.exit(0);
}

console.error(`[pretest] Missing: ${missing.map((m) => m.what).join("; ")}.`);
console.error(
  isDebian()
    ? `[pretest] Install them as root, then run the tests again:\n  sudo ${command.replace("&& apt-get", "&& sudo apt-get")}`
    : `[pretest] Install them with your system's package manager (Debian/Ubuntu: sudo apt-get install -y ${pkgs.join(" ")};\n  macOS: brew install --cask libreoffice chromium), then run the tests again.`,
);
process.exit(1);
