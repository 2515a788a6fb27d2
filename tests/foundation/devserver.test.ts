/**
 * `npm run dev-server` serves the pane over https on localhost, and the page renders outside
 * Office (no host) as a friendly state with no console errors.
 */
import { spawn, type ChildProcess } from "node:child_process";
import https from "node:https";
import path from "node:path";
import { collectErrors, launchBrowser, type BrowserSession } from "../support/browser";

const root = path.resolve(__dirname, "../..");
const PORT = 3000 + 100 + (process.pid % 800);

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

async function waitFor(url: string, server: ChildProcess, log: () => string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`dev server exited (${server.exitCode}):\n${log()}`);
    try {
      if ((await get(url)).status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`dev server did not answer ${url} within ${ms} ms:\n${log()}`);
}

describe("the dev server", () => {
  let server: ChildProcess;
  let output = "";
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    server = spawn(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"],
      {
        cwd: root,
        env: { ...process.env, YARDSTICK_DEV_PORT: String(PORT), YARDSTICK_DEV_CERTS: "0" },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      },
    );
    server.stdout!.on("data", (c: Buffer) => (output += c.toString()));
    server.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    await waitFor(`https://localhost:${PORT}/taskpane.html`, server, () => output, 150_000);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  });

  it("answers 200 for taskpane.html, commands.html and the icons over https", async () => {
    for (const page of ["taskpane.html", "commands.html", "assets/icon-32.png", "manifest.xml"]) {
      expect((await get(`https://localhost:${PORT}/${page}`)).status).toBe(200);
    }
  });

  it("renders a friendly open-in-Excel state, not a blank page, with no console errors", async () => {
    session = await launchBrowser();
    const page = await session.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`https://localhost:${PORT}/taskpane.html`, { waitUntil: "load" });
    await page
      .getByText(/open (this|yardstick) in excel/i)
      .first()
      .waitFor({ timeout: 30_000 });
    const text = await page.locator("body").innerText();
    expect(text.trim().length).toBeGreaterThan(40);
    expect(errors).toEqual([]);
  }, 60_000);
});
