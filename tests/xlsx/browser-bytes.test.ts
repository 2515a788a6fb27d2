/**
 * The readers on the pane's path run without node: the browser inflater (DecompressionStream)
 * gives the same parts as node's zlib, and the byte helpers read what Buffer reads.
 */
import fs from "node:fs";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { includesBytes, toBase64, u32, u64, utf16leBytes } from "../../src/xlsx/bytes";
import { joinPart } from "../../src/xlsx/package";
import { inflateRaw as inflateBrowser } from "../../src/xlsx/inflateBrowser";
import { inflateRaw as inflateNode } from "../../src/xlsx/inflate";
import { writePlanBytes, writePlanToXlsx } from "../../src/xlsx";
import { readLoopTables } from "../../src/xlsx/loopRead";
import { buildWorkbookPlan } from "../../src/workbook/buildPlan";

async function all(chunks: AsyncGenerator<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

describe("the browser's inflater", () => {
  it("inflates what zlib deflated, byte for byte, as node's does", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 5000 }), async (data) => {
        const packed = deflateRawSync(data);
        expect(await all(inflateBrowser(packed))).toEqual(Buffer.from(data));
        expect(await all(inflateNode(packed))).toEqual(Buffer.from(data));
      }),
      { numRuns: 40 },
    );
  });

  it("refuses bytes that are not deflate", async () => {
    await expect(all(inflateBrowser(new Uint8Array([0xff, 0xff, 0xff, 0xff])))).rejects.toThrow();
  });
});

describe("the byte helpers", () => {
  it("read little-endian words as Buffer does", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (data) => {
        const b = Buffer.from(data);
        expect(u32(data, 0)).toBe(b.readUInt32LE(0));
        expect(u64(data, 0)).toBe(Number(b.readBigUInt64LE(0)));
      }),
    );
  });

  it("find a UTF-16 name in a container as Buffer.includes does", () => {
    const name = utf16leBytes("EncryptedPackage");
    expect(Buffer.from(name)).toEqual(Buffer.from("EncryptedPackage", "utf16le"));
    const hay = Buffer.concat([Buffer.alloc(100, 0x45), Buffer.from(name), Buffer.alloc(3)]);
    expect(includesBytes(hay, name)).toBe(true);
    expect(includesBytes(hay.subarray(0, 110), name)).toBe(false);
  });

  it("resolve relationship targets as path.posix did", () => {
    expect(joinPart("xl/worksheets", "../tables/table1.xml")).toBe("xl/tables/table1.xml");
    expect(joinPart("", "_rels/.rels")).toBe("_rels/.rels");
    expect(joinPart("xl", "./worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
  });

  it("give base64 that decodes to the bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70000 }), (data) => {
        expect(Buffer.from(toBase64(data), "base64")).toEqual(Buffer.from(data));
      }),
      { numRuns: 20 },
    );
  });
});

describe("the writer without node's Buffer", () => {
  it("writes the same workbook as the command line, which the loop reader reads", async () => {
    const plan = buildWorkbookPlan("child-support", { sampleData: true });
    const plain = await writePlanBytes(plan);
    expect(plain).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(plain)).toBe(false);
    const node = await writePlanToXlsx(plan);
    const a = await readLoopTables(plain, "plain.xlsx", ["tblMonthly"]);
    const b = await readLoopTables(node, "node.xlsx", ["tblMonthly"]);
    expect(a.tblMonthly!.rows.length).toBeGreaterThan(10);
    expect(a).toEqual(b);
  });
});

describe("the pane's path into src/xlsx", () => {
  it("imports no node module from src/xlsx/browser.ts down (inflate.ts swapped as the pane's build does)", () => {
    const src = path.resolve(__dirname, "../../src");
    const seen = new Set<string>();
    const nodeImports: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+"([^"]+)"/gms)) {
        const spec = m[1];
        if (/^(node:|fs$|path$|os$|zlib$|stream$|crypto$|string_decoder$)/.test(spec))
          nodeImports.push(`${path.relative(src, file)}: ${spec}`);
        if (!spec.startsWith(".")) continue;
        let target = path.resolve(path.dirname(file), spec);
        if (target === path.join(src, "xlsx/inflate")) target = path.join(src, "xlsx/inflateBrowser");
        const found = [`${target}.ts`, `${target}.tsx`, path.join(target, "index.ts")].find((f) =>
          fs.existsSync(f),
        );
        if (found && !/^import type\s/.test(m[0])) visit(found);
      }
    };
    visit(path.join(src, "xlsx/browser.ts"));
    expect(seen.size).toBeGreaterThan(20);
    expect(seen.has(path.join(src, "xlsx/inflateBrowser.ts"))).toBe(true);
    expect(nodeImports).toEqual([]);
  });
});
