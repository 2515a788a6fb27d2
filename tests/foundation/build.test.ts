/** `npm run build` writes a deployable dist/: pages, hashed scripts with source maps, and a manifest on the production host. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkManifest } from "../../scripts/manifest-check";

const root = path.resolve(__dirname, "../..");
const PROD = "https://yardstick.example.org/app/";

describe("the production build", () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "yardstick-dist-"));
  let files: string[] = [];

  beforeAll(() => {
    const run = spawnSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
      { cwd: root, env: { ...process.env, YARDSTICK_PUBLIC_URL: PROD }, encoding: "utf8" },
    );
    if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
    files = readdirSync(out);
  }, 240_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("writes taskpane.html, commands.html and manifest.xml", () => {
    expect(files).toEqual(
      expect.arrayContaining(["taskpane.html", "commands.html", "manifest.xml", "help.html"]),
    );
  });

  it("names scripts by content hash and ships their source maps", () => {
    const scripts = files.filter((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f));
    expect(scripts).toHaveLength(1);
    expect(files).toContain(`${scripts[0]}.map`);
    expect(readFileSync(path.join(out, "taskpane.html"), "utf8")).toContain(scripts[0]);
  });

  it("points every manifest URL at the production host given at build time", () => {
    const xml = readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(xml).not.toContain("localhost");
    expect(xml).toContain(`${PROD}taskpane.html?tab=prorate`);
    expect(checkManifest(xml, { rootDir: out, pagesMustExist: true })).toEqual([]);
  });

  it("refuses a production URL that is not https", () => {
    const run = spawnSync(
      process.execPath,
      [
        require.resolve("webpack-cli/bin/cli.js"),
        "--mode",
        "production",
        "--output-path",
        path.join(out, "bad"),
      ],
      {
        cwd: root,
        env: { ...process.env, YARDSTICK_PUBLIC_URL: "http://yardstick.example.org/" },
        encoding: "utf8",
      },
    );
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/must use https/);
  }, 120_000);
});
