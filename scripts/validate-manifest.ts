/** `npm run validate [FILE]`: the offline manifest check; dist/manifest.xml is checked against dist/. */
import path from "node:path";
import { checkManifestFile } from "./manifest-check";

const file = path.resolve(process.argv[2] ?? "manifest.xml");
const inDist = path.basename(path.dirname(file)) === "dist";
const rootDir = inDist ? path.dirname(file) : path.resolve(__dirname, "..");
const problems = checkManifestFile(file, { rootDir, pagesMustExist: inDist });
if (problems.length === 0) {
  console.log(
    `${path.relative(process.cwd(), file)}: valid (offline checks: id, version, https origin, icons, resource ids, requirement sets).`,
  );
  console.log(
    "For Microsoft's online validator too: npx office-addin-manifest validate " +
      path.relative(process.cwd(), file),
  );
} else {
  for (const p of problems) console.error(`${path.relative(process.cwd(), file)}: [${p.rule}] ${p.message}`);
  process.exitCode = 1;
}
