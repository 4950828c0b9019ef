import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import zlib from "node:zlib";
import tar from "tar-fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prepareBrowser, unpackBundle } from "./browser";

const FAKE_CHROMIUM = "#!/bin/sh\necho 'Chromium 1.2.3'\n";
// Large enough that unpacking takes a while, so later callers arrive while it is under way.
const BIG_CHROMIUM = `${FAKE_CHROMIUM}#${"x".repeat(16 * 1024 * 1024)}\n`;
let work: string;

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "drawdesk-browser-test-"));
});
afterEach(() => {
  fs.rmSync(work, { recursive: true, force: true });
  delete process.env.E2E_CHROMIUM;
});

/** A bin/ folder shaped like @sparticuz/chromium's, small enough to unpack many times. */
async function fakeBinDir(): Promise<string> {
  const bin = path.join(work, "bin");
  fs.mkdirSync(bin);
  fs.writeFileSync(
    path.join(bin, "chromium.br"),
    zlib.brotliCompressSync(BIG_CHROMIUM, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } }),
  );
  for (const [archive, file] of [
    ["al2023.tar.br", "lib/libnss3.so"],
    ["fonts.tar.br", "fonts/Open_Sans/OpenSans-Regular.ttf"],
  ]) {
    const source = path.join(work, `src-${archive}`);
    fs.mkdirSync(path.dirname(path.join(source, file)), { recursive: true });
    fs.writeFileSync(path.join(source, file), `contents of ${file}`);
    await pipeline(tar.pack(source), zlib.createBrotliCompress(), fs.createWriteStream(path.join(bin, archive)));
  }
  return bin;
}

function isCompleteChromium(file: string): boolean {
  return fs.readFileSync(file, "utf8") === BIG_CHROMIUM;
}

function expectComplete(target: string): void {
  expect(isCompleteChromium(path.join(target, "chromium"))).toBe(true);
  expect(fs.statSync(path.join(target, "chromium")).mode & 0o111).not.toBe(0);
  expect(fs.readFileSync(path.join(target, "lib", "libnss3.so"), "utf8")).toBe("contents of lib/libnss3.so");
  expect(fs.readFileSync(path.join(target, "fonts.conf"), "utf8")).toContain(`<dir>${path.join(target, "fonts")}</dir>`);
  expect(fs.readdirSync(path.dirname(target)).filter((name) => name.includes(".partial-"))).toEqual([]);
}

describe("unpackBundle", () => {
  it("never hands a concurrent caller a half-unpacked browser", async () => {
    const bin = await fakeBinDir();
    const target = path.join(work, "cache", "chromium-1.2.3");
    // Staggered, so some callers arrive while the first is still writing; each checks what it got
    // the moment it gets it.
    const results = await Promise.all(
      [0, 5, 20, 50, 100].map(async (delay) => {
        await new Promise((resolve) => setTimeout(resolve, delay));
        const dir = await unpackBundle(bin, target);
        return { dir, complete: isCompleteChromium(path.join(dir, "chromium")) };
      }),
    );
    expect(results).toEqual(Array(5).fill({ dir: target, complete: true }));
    expectComplete(target);
  });

  it("gives two processes unpacking at the same moment one complete folder", async () => {
    const bin = await fakeBinDir();
    const target = path.join(work, "cache", "chromium-1.2.3");
    const script = `require(${JSON.stringify(path.join(__dirname, "browser.ts"))}).unpackBundle(${JSON.stringify(bin)}, ${JSON.stringify(target)}).then((dir) => console.log(dir))`;
    const run = () => promisify(execFile)(process.execPath, ["--import", "tsx", "-e", script]);
    const outputs = await Promise.all([run(), run()]);
    expect(outputs.map((o) => o.stdout.trim())).toEqual([target, target]);
    expectComplete(target);
  });

  it("removes the staging folder of an unpacker that was killed", async () => {
    const bin = await fakeBinDir();
    const target = path.join(work, "cache", "chromium-1.2.3");
    const abandoned = `${target}.partial-999999999-deadbeef`;
    fs.mkdirSync(abandoned, { recursive: true });
    fs.writeFileSync(path.join(abandoned, "chromium"), "half");
    await unpackBundle(bin, target);
    expect(fs.existsSync(abandoned)).toBe(false);
    expectComplete(target);
  });
});

describe("prepareBrowser", () => {
  it("uses E2E_CHROMIUM with flags Playwright can drive", async () => {
    const exe = path.join(work, "chromium");
    fs.writeFileSync(exe, FAKE_CHROMIUM, { mode: 0o755 });
    process.env.E2E_CHROMIUM = exe;
    const browser = await prepareBrowser({ cacheRoot: path.join(work, "cache") });
    expect(browser.executablePath).toBe(exe);
    expect(browser.description).toContain("Chromium 1.2.3");
    expect(browser.args).toContain("--no-sandbox");
    expect(browser.args).toContain("--disable-background-networking");
    for (const unwanted of [/^--single-process$/, /^--headless/, /^--disable-web-security$/, /^--(disable|enable)-features=/, /^--in-process-gpu$/]) {
      expect(browser.args.filter((arg) => unwanted.test(arg))).toEqual([]);
    }
    expect(fs.existsSync(path.join(work, "cache"))).toBe(false);
  });

  it("fails with a clear message when E2E_CHROMIUM is not an executable", async () => {
    process.env.E2E_CHROMIUM = path.join(work, "missing-chromium");
    await expect(prepareBrowser()).rejects.toThrow(/no browser for the end-to-end tests: E2E_CHROMIUM=.*missing-chromium is not an executable file/);
  });

  it("fails with the browser's own error when E2E_CHROMIUM does not start", async () => {
    const exe = path.join(work, "broken-chromium");
    fs.writeFileSync(exe, "#!/bin/sh\necho 'error while loading shared libraries: libnss3.so' >&2\nexit 127\n", { mode: 0o755 });
    process.env.E2E_CHROMIUM = exe;
    await expect(prepareBrowser()).rejects.toThrow(/does not start:\nerror while loading shared libraries: libnss3\.so/);
  });
});

describe("prepareBrowser with the bundled Chromium", () => {
  it("says where it could not unpack and what to set", async () => {
    // A file where the cache folder should be: mkdir fails for root too.
    fs.writeFileSync(path.join(work, "not-a-folder"), "");
    await expect(prepareBrowser({ cacheRoot: path.join(work, "not-a-folder") })).rejects.toThrow(
      /no browser for the end-to-end tests: could not unpack the bundled Chromium into .*not-a-folder\/chromium-[\d.]+ \(.*\); set XDG_CACHE_HOME/,
    );
  });
});
