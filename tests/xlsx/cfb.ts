/**
 * A minimal compound file (CFB, the container of old .xls files and of password-protected
 * .xlsx files), laid out as the format says: a header, one FAT sector, one directory sector and
 * one sector per stream. With streams "EncryptionInfo" and "EncryptedPackage" it has the shape
 * Excel saves a workbook with a password in; the stream contents are filler, as the reader only
 * needs to tell what the file is.
 */
const SECTOR = 512;
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const FAT_SECTOR = 0xfffffffd;

function directoryEntry(
  name: string,
  type: number,
  start: number,
  size: number,
  right: number,
  child: number,
): Buffer {
  const entry = Buffer.alloc(128);
  entry.write(name, 0, "utf16le");
  entry.writeUInt16LE((name.length + 1) * 2, 64);
  entry.writeUInt8(type, 66);
  entry.writeUInt8(1, 67); // black
  entry.writeUInt32LE(FREE, 68); // left sibling
  entry.writeUInt32LE(right, 72);
  entry.writeUInt32LE(child, 76);
  entry.writeUInt32LE(start, 116);
  entry.writeUInt32LE(size, 120);
  return entry;
}

/** A compound file holding the streams a password-protected workbook holds (or, say, "Workbook" for an .xls). */
export function encryptedWorkbookShell(...streams: string[]): Buffer {
  const names = streams.length > 0 ? streams : ["EncryptionInfo", "EncryptedPackage"];
  const header = Buffer.alloc(SECTOR);
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(0, 56); // mini stream cutoff 0: every stream in regular sectors
  header.writeUInt32LE(END_OF_CHAIN, 60);
  header.writeUInt32LE(END_OF_CHAIN, 68);
  for (let i = 0; i < 109; i += 1) header.writeUInt32LE(i === 0 ? 0 : FREE, 76 + i * 4);
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  fat.writeUInt32LE(END_OF_CHAIN, 4);
  const entries = [directoryEntry("Root Entry", 5, END_OF_CHAIN, 0, FREE, 1)];
  names.forEach((name, i) => {
    fat.writeUInt32LE(END_OF_CHAIN, (2 + i) * 4);
    entries.push(directoryEntry(name, 2, 2 + i, SECTOR, i + 1 < names.length ? i + 2 : FREE, FREE));
  });
  const directory = Buffer.alloc(SECTOR);
  Buffer.concat(entries).copy(directory, 0, 0, SECTOR);
  const data = names.map(() => Buffer.alloc(SECTOR, 0x5a));
  return Buffer.concat([header, fat, directory, ...data]);
}
