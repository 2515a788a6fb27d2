#!/usr/bin/env node
// Draws Yardstick's icon (three rising bars under a target line on a teal tile) at every size
// the manifest declares. Run once after changing the design; the PNGs are committed.
const fs = require("node:fs");
const path = require("node:path");
const { PNG } = require("pngjs");

const SIZES = [16, 32, 64, 80, 128];
const TEAL = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xff, 0xc8, 0x3d];

function draw(size) {
  const png = new PNG({ width: size, height: size });
  const radius = Math.max(2, Math.round(size * 0.18));
  const set = (x, y, [r, g, b], a = 255) => {
    const i = (size * y + x) << 2;
    png.data[i] = r;
    png.data[i + 1] = g;
    png.data[i + 2] = b;
    png.data[i + 3] = a;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cx = Math.min(Math.max(x, radius), size - 1 - radius);
      const cy = Math.min(Math.max(y, radius), size - 1 - radius);
      const inside = (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
      set(x, y, TEAL, inside ? 255 : 0);
    }
  }
  const pad = Math.max(2, Math.round(size * 0.2));
  const floor = size - pad;
  const barW = Math.max(2, Math.round((size - 2 * pad) / 4));
  const gap = Math.max(1, Math.round((size - 2 * pad - 3 * barW) / 2));
  const heights = [0.35, 0.55, 0.8];
  heights.forEach((h, k) => {
    const x0 = pad + k * (barW + gap);
    const top = Math.round(floor - h * (size - 2 * pad));
    for (let y = top; y < floor; y++) for (let x = x0; x < x0 + barW && x < size; x++) set(x, y, WHITE);
  });
  const targetY = Math.round(pad + 0.05 * (size - 2 * pad));
  const thick = Math.max(1, Math.round(size / 32));
  for (let y = targetY; y < targetY + thick; y++) for (let x = pad - 1; x <= size - pad; x++) set(x, y, GOLD);
  return PNG.sync.write(png);
}

const outDir = path.join(__dirname, "..", "assets");
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  fs.writeFileSync(path.join(outDir, `icon-${size}.png`), draw(size));
}
console.log(`Wrote ${SIZES.map((s) => `assets/icon-${s}.png`).join(", ")}`);
