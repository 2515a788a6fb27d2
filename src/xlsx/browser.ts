/**
 * What the task pane's Share tab uses from src/xlsx, in one browser-safe module that the pane
 * loads only with import() from src/taskpane/share/ (its own webpack chunk, off the first load):
 * write office copies and a new workbook, read returned files, pack copies into a zip.
 * Nothing here or below it imports a node module (the pane's build swaps inflate.ts for
 * inflateBrowser.ts).
 */
import JSZip from "jszip";

export { writePlanBytes } from "./write";
export { readReturnedCopy } from "./loopRead";
export { reviewedFlags } from "./reviews";
export { toBase64 } from "./bytes";

/**
 * Files packed into one .zip (stored names as given), as bytes.
 * @example const zip = await zipFiles([{ name: "howard.xlsx", bytes }]);
 */
export async function zipFiles(files: readonly { name: string; bytes: Uint8Array }[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, f.bytes);
  // The copies are already deflated inside: storing them again costs nothing and saves time.
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}
