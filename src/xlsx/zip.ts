/**
 * Reading the zip container of an .xlsx part by part, each part inflated as a stream by node's
 * zlib. JSZip inflates a whole part into one buffer with pako, about eight times slower than
 * zlib here, and a big sheet's XML (hundreds of MB) does not fit a JS string; streaming keeps
 * only the compressed file and one slice of one part in memory.
 */
import { createInflateRaw } from "node:zlib";
import { XlsxReadError } from "./errors";

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
    private readonly bytes: Buffer,
    private readonly entries: Map<string, ZipEntry>,
    readonly file: string,
  ) {}

  /** Read the central directory; throws XlsxReadError when the bytes are not a zip. */
  static open(bytes: Buffer, file: string): ZipArchive {
    const notZip = (why: string) =>
      new XlsxReadError(
        `${file} is not a readable .xlsx workbook: the file is damaged or cut short (${why}); copy it again from where it came from, or re-save it from Excel`,
      );
    const from = Math.max(0, bytes.length - 22 - 0xffff);
    let eocd = -1;
    for (let i = bytes.length - 22; i >= from; i -= 1) {
      if (bytes.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw notZip("no end of central directory");
    let count = bytes.readUInt16LE(eocd + 10);
    let offset = bytes.readUInt32LE(eocd + 16);
    if (offset === 0xffffffff || count === 0xffff) {
      const locator = eocd - 20;
      if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_EOCD_LOCATOR)
        throw notZip("bad zip64 end record");
      const record = Number(bytes.readBigUInt64LE(locator + 8));
      if (bytes.readUInt32LE(record) !== ZIP64_EOCD) throw notZip("bad zip64 end record");
      count = Number(bytes.readBigUInt64LE(record + 32));
      offset = Number(bytes.readBigUInt64LE(record + 48));
    }
    const entries = new Map<string, ZipEntry>();
    let at = offset;
    for (let n = 0; n < count; n += 1) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL)
        throw notZip("damaged central directory");
      const nameLength = bytes.readUInt16LE(at + 28);
      const extraLength = bytes.readUInt16LE(at + 30);
      const commentLength = bytes.readUInt16LE(at + 32);
      const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
      const entry: ZipEntry = {
        flags: bytes.readUInt16LE(at + 8),
        method: bytes.readUInt16LE(at + 10),
        compressedSize: bytes.readUInt32LE(at + 20),
        headerOffset: bytes.readUInt32LE(at + 42),
      };
      readZip64Extra(bytes, at + 46 + nameLength, extraLength, entry, bytes.readUInt32LE(at + 24));
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

  /** The decompressed part, in slices as zlib hands them over. */
  async *chunks(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) throw new XlsxReadError(`${this.file} has no part ${name}`);
    const damaged = (why: string) =>
      new XlsxReadError(
        `${this.file}: the part ${name} is damaged (${why}); open and re-save the file in Excel`,
      );
    if (entry.flags & 1) throw damaged("it is encrypted");
    const at = entry.headerOffset;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL)
      throw damaged("no local header");
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      yield data;
      return;
    }
    if (entry.method !== 8) throw damaged(`compression method ${entry.method} is not supported`);
    const inflate = createInflateRaw({ chunkSize: 1 << 20 });
    inflate.end(data);
    try {
      for await (const chunk of inflate) yield chunk as Buffer;
    } catch (error) {
      throw damaged((error as Error).message);
    }
  }

  /** A whole (small) part as text. */
  async text(name: string): Promise<string> {
    const parts: Buffer[] = [];
    for await (const chunk of this.chunks(name)) parts.push(chunk);
    return Buffer.concat(parts).toString("utf8");
  }
}

/** Sizes and offsets too large for 32 bits live in the zip64 extra field (id 1). */
function readZip64Extra(bytes: Buffer, from: number, length: number, entry: ZipEntry, size: number): void {
  if (size !== 0xffffffff && entry.compressedSize !== 0xffffffff && entry.headerOffset !== 0xffffffff) return;
  for (let at = from; at + 4 <= from + length;) {
    const id = bytes.readUInt16LE(at);
    const dataLength = bytes.readUInt16LE(at + 2);
    if (id === 1) {
      let field = at + 4;
      const next = () => {
        const value = Number(bytes.readBigUInt64LE(field));
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
