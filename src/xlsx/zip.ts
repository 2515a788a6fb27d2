/**
 * Reading the zip container of an .xlsx part by part, each part inflated as a stream (node's
 * zlib on the command line, DecompressionStream in the browser: inflate.ts). JSZip inflates a
 * whole part into one buffer with pako, about eight times slower than zlib here, and a big
 * sheet's XML (hundreds of MB) does not fit a JS string; streaming keeps only the compressed
 * file and one slice of one part in memory. Plain Uint8Array throughout, so it runs in a browser.
 */
import { u16, u32, u64, utf8Text } from "./bytes";
import { XlsxReadError } from "./errors";
import { inflateRaw } from "./inflate";

interface ZipEntry {
  method: number;
  compressedSize: number;
  headerOffset: number;
  flags: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;

/** A zip file's parts by name; `file` names the file in every error. */
export class ZipArchive {
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: Map<string, ZipEntry>,
    readonly file: string,
  ) {}

  /** Read the central directory; throws XlsxReadError when the bytes are not a zip. */
  static open(bytes: Uint8Array, file: string): ZipArchive {
    const notZip = (why: string) =>
      new XlsxReadError(
        `${file} is not a readable .xlsx workbook: the file is damaged or cut short (${why}); copy it again from where it came from, or re-save it from Excel`,
      );
    const from = Math.max(0, bytes.length - 22 - 0xffff);
    let eocd = -1;
    for (let i = bytes.length - 22; i >= from; i -= 1) {
      if (u32(bytes, i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw notZip("no end of central directory");
    let count = u16(bytes, eocd + 10);
    let offset = u32(bytes, eocd + 16);
    if (offset === 0xffffffff || count === 0xffff) {
      const locator = eocd - 20;
      if (locator < 0 || u32(bytes, locator) !== ZIP64_EOCD_LOCATOR) throw notZip("bad zip64 end record");
      const record = u64(bytes, locator + 8);
      if (u32(bytes, record) !== ZIP64_EOCD) throw notZip("bad zip64 end record");
      count = u64(bytes, record + 32);
      offset = u64(bytes, record + 48);
    }
    const entries = new Map<string, ZipEntry>();
    let at = offset;
    for (let n = 0; n < count; n += 1) {
      if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) throw notZip("damaged central directory");
      const nameLength = u16(bytes, at + 28);
      const extraLength = u16(bytes, at + 30);
      const commentLength = u16(bytes, at + 32);
      const name = utf8Text(bytes, at + 46, at + 46 + nameLength);
      const entry: ZipEntry = {
        flags: u16(bytes, at + 8),
        method: u16(bytes, at + 10),
        compressedSize: u32(bytes, at + 20),
        headerOffset: u32(bytes, at + 42),
      };
      readZip64Extra(bytes, at + 46 + nameLength, extraLength, entry, u32(bytes, at + 24));
      entries.set(name.replace(/\\/g, "/"), entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
    return new ZipArchive(bytes, entries, file);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The decompressed part, in slices as the inflater hands them over. */
  async *chunks(name: string): AsyncGenerator<Uint8Array> {
    const entry = this.entries.get(name);
    if (!entry) throw new XlsxReadError(`${this.file} has no part ${name}`);
    const damaged = (why: string) =>
      new XlsxReadError(
        `${this.file}: the part ${name} is damaged (${why}); open and re-save the file in Excel`,
      );
    if (entry.flags & 1) throw damaged("it is encrypted");
    const at = entry.headerOffset;
    if (at + 30 > this.bytes.length || u32(this.bytes, at) !== LOCAL) throw damaged("no local header");
    const start = at + 30 + u16(this.bytes, at + 26) + u16(this.bytes, at + 28);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      yield data;
      return;
    }
    if (entry.method !== 8) throw damaged(`compression method ${entry.method} is not supported`);
    try {
      yield* inflateRaw(data);
    } catch (error) {
      throw damaged((error as Error).message);
    }
  }

  /** A whole (small) part as text. */
  async text(name: string): Promise<string> {
    const decoder = new TextDecoder("utf-8");
    let text = "";
    for await (const chunk of this.chunks(name)) text += decoder.decode(chunk, { stream: true });
    return text + decoder.decode();
  }
}

/** Sizes and offsets too large for 32 bits live in the zip64 extra field (id 1). */
function readZip64Extra(
  bytes: Uint8Array,
  from: number,
  length: number,
  entry: ZipEntry,
  size: number,
): void {
  if (size !== 0xffffffff && entry.compressedSize !== 0xffffffff && entry.headerOffset !== 0xffffffff) return;
  for (let at = from; at + 4 <= from + length;) {
    const id = u16(bytes, at);
    const dataLength = u16(bytes, at + 2);
    if (id === 1) {
      let field = at + 4;
      const next = () => {
        const value = u64(bytes, field);
        field += 8;
        return value;
      };
      if (size === 0xffffffff) next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.headerOffset === 0xffffffff) entry.headerOffset = next();
      return;
    }
    at += 4 + dataLength;
  }
}
