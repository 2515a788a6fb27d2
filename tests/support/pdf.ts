/**
 * Read a PDF the way a reviewer looks at it: the text of each page, each page's size, and
 * page images (poppler's pdftotext, pdfinfo and pdftoppm; `npm test`'s pretest installs them).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  text: string;
  widthPt: number;
  heightPt: number;
}

function withFile<T>(pdf: Buffer, run: (file: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), "yardstick-pdfread-"));
  try {
    const file = path.join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every page's text (layout kept) and size in points. */
export function pdfPages(pdf: Buffer): PdfPage[] {
  return withFile(pdf, (file) => {
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
    const info = execFileSync("pdfinfo", ["-f", "1", "-l", "100000", file], { encoding: "utf8" });
    const sizes = new Map<number, [number, number]>();
    for (const m of info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/gm))
      sizes.set(Number(m[1]), [Number(m[2]), Number(m[3])]);
    const texts = text.split("\f");
    if (texts[texts.length - 1].trim() === "") texts.pop();
    return texts.map((t, i) => {
      const [widthPt, heightPt] = sizes.get(i + 1) ?? [0, 0];
      return { number: i + 1, text: t, widthPt, heightPt };
    });
  });
}

/**
 * Render pages to PNG files named `${prefix}-${page}.png` in `dir` (created); returns their paths.
 * @example renderPages(pdf, [1], "test-artifacts/print", "dashboard")
 */
export function renderPages(pdf: Buffer, pages: number[], dir: string, prefix: string, dpi = 80): string[] {
  mkdirSync(dir, { recursive: true });
  return withFile(pdf, (file) =>
    pages.map((page) => {
      const out = path.join(path.dirname(file), `p${page}`);
      execFileSync("pdftoppm", [
        "-f",
        String(page),
        "-l",
        String(page),
        "-r",
        String(dpi),
        "-png",
        file,
        out,
      ]);
      const made = readdirSync(path.dirname(file)).find(
        (f) => f.startsWith(`p${page}-`) && f.endsWith(".png"),
      )!;
      const target = path.join(dir, `${prefix}-${page}.png`);
      copyFileSync(path.join(path.dirname(file), made), target);
      return target;
    }),
  );
}

/** Width and height in pixels from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
