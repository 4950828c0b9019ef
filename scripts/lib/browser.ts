// The Chromium the end-to-end tests drive. Offline machines cannot download Playwright's browser
// and a fresh machine has no /usr/bin/chromium, so the tests bring their own: the headless
// Chromium shipped inside the npm package @sparticuz/chromium (a devDependency). E2E_CHROMIUM
// names another executable instead (Debian's /usr/bin/chromium, Playwright's own browser).
//
// with-test-db.ts --e2e calls prepareBrowser() once, before Playwright starts, and hands the result
// to playwright.config.ts in E2E_BROWSER: Playwright's workers only read it, never unpack.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import tar from "tar-fs";

/** What Playwright needs to launch the browser (its launchOptions, env added to the process's). */
export interface PreparedBrowser {
  executablePath: string;
  args: string[];
  env: Record<string, string>;
  /** e.g. "Chromium 153.0.8010.0 (bundled @sparticuz/chromium)", for the run's log. */
  description: string;
}

export const BROWSER_ENV = "E2E_BROWSER";
const OVERRIDE_ENV = "E2E_CHROMIUM";
const PACKAGE = "@sparticuz/chromium";

// The package's flags are tuned for AWS Lambda; these would break Playwright or hide exactly what
// the tests check. --single-process: Playwright opens many contexts per browser. --headless=…:
// Playwright passes its own. --disable-web-security and friends: the tests check the CSP and
// same-origin behaviour. --disable-features/--enable-features: Chromium keeps only the last copy
// of a switch, so these would silently replace Playwright's own feature lists. --in-process-gpu:
// with no GPU (and SwiftShader not unpacked) the browser dies on its second page.
const DROPPED_ARGS = [
  /^--in-process-gpu$/,
  /^--ignore-gpu-blocklist$/,
  /^--single-process$/,
  /^--headless/,
  /^--disable-web-security$/,
  /^--allow-running-insecure-content$/,
  /^--disable-site-isolation-trials$/,
  /^--(disable|enable)-features=/,
];
// No GPU and nothing that talks to Google's servers: the machines are offline.
const EXTRA_ARGS = [
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

class BrowserUnavailableError extends Error {
  constructor(problem: string) {
    super(
      `no browser for the end-to-end tests: ${problem}\n` +
        `The tests use the Chromium bundled in the npm package ${PACKAGE} (npm install puts it in ` +
        `node_modules), or the executable named by ${OVERRIDE_ENV}, e.g. ${OVERRIDE_ENV}=/usr/bin/chromium.`,
    );
  }
}

/** The browser to use: E2E_CHROMIUM when set, else the bundled Chromium (unpacked once per user). */
export async function prepareBrowser(options: { cacheRoot?: string } = {}): Promise<PreparedBrowser> {
  const args = await launchArgs();
  const override = process.env[OVERRIDE_ENV];
  if (override) {
    try {
      fs.accessSync(override, fs.constants.X_OK);
    } catch {
      throw new BrowserUnavailableError(`${OVERRIDE_ENV}=${override} is not an executable file.`);
    }
    const version = runVersion(override, {});
    if (!version.ok) throw new BrowserUnavailableError(`${OVERRIDE_ENV}=${override} does not start:\n${version.output}`);
    return { executablePath: override, args, env: {}, description: `${version.output} (${OVERRIDE_ENV}=${override})` };
  }

  const bin = bundleBinDir();
  const target = path.join(options.cacheRoot ?? defaultCacheRoot(), `chromium-${bin.version}`);
  const dir = await unpackBundle(bin.dir, target).catch((error: Error) => {
    if (error instanceof BrowserUnavailableError) throw error;
    throw new BrowserUnavailableError(`could not unpack the bundled Chromium into ${target} (${error.message}); set XDG_CACHE_HOME to a writable folder.`);
  });
  const executablePath = path.join(dir, "chromium");
  const env: Record<string, string> = { FONTCONFIG_FILE: path.join(dir, "fonts.conf") };
  let version = runVersion(executablePath, env);
  if (!version.ok && /error while loading shared libraries/.test(version.output)) {
    // The system lacks NSS (libnss3, libnspr4): use the copies the package ships.
    env.LD_LIBRARY_PATH = [path.join(dir, "lib"), process.env.LD_LIBRARY_PATH].filter(Boolean).join(path.delimiter);
    version = runVersion(executablePath, env);
  }
  if (!version.ok) throw new BrowserUnavailableError(`the bundled Chromium (${executablePath}) does not start:\n${version.output}`);
  const libs = env.LD_LIBRARY_PATH ? ", with its own NSS libraries" : "";
  return { executablePath, args, env, description: `${version.output} (bundled ${PACKAGE} ${bin.version}, in ${dir}${libs})` };
}

/** The browser prepared by with-test-db.ts --e2e, for playwright.config.ts. */
export function preparedBrowserFromEnv(): PreparedBrowser {
  const value = process.env[BROWSER_ENV];
  if (!value) throw new Error(`${BROWSER_ENV} is not set: run the end-to-end tests with \`npm run test:e2e\`.`);
  return JSON.parse(value) as PreparedBrowser;
}

async function launchArgs(): Promise<string[]> {
  const { default: Chromium } = await import("@sparticuz/chromium");
  // Without graphics the package asks for --disable-webgl instead of SwiftShader (not unpacked).
  Chromium.setGraphicsMode = false;
  return [...Chromium.args.filter((arg) => !DROPPED_ARGS.some((dropped) => dropped.test(arg))), ...EXTRA_ARGS];
}

function bundleBinDir(): { dir: string; version: string } {
  let entry: string;
  try {
    entry = createRequire(__filename).resolve(PACKAGE);
  } catch {
    throw new BrowserUnavailableError(`${PACKAGE} is not installed: run \`npm install\`.`);
  }
  // The package's `exports` hide package.json from resolve(): read it beside build/.
  const root = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
  return { dir: path.join(root, "bin"), version };
}

// Per user and per package version, kept across runs (unpacking takes a few seconds and 200 MB):
// like Playwright's own ~/.cache/ms-playwright. Not /tmp, where the package itself unpacks: any
// user could plant a /tmp/chromium there, and its check-then-write lets a concurrent caller run a
// half-written binary.
function defaultCacheRoot(): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "drawdesk");
}

/**
 * Unpacks the package's Chromium, NSS libraries and fonts into `target` unless already there.
 * Concurrent callers (two test runs, two processes) each unpack into their own staging folder and
 * rename it into place; rename is atomic, the first one wins and the others drop theirs, so
 * `target` is either absent or complete.
 */
export async function unpackBundle(binDir: string, target: string): Promise<string> {
  if (fs.existsSync(path.join(target, "chromium"))) return target;
  if (!fs.existsSync(path.join(binDir, "chromium.br"))) {
    throw new BrowserUnavailableError(`${path.join(binDir, "chromium.br")} is missing: reinstall with \`npm install\`.`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  removeAbandonedStaging(target);
  const staging = `${target}.partial-${process.pid}-${randomBytes(4).toString("hex")}`;
  fs.mkdirSync(staging);
  try {
    await Promise.all([
      pipeline(
        fs.createReadStream(path.join(binDir, "chromium.br")),
        zlib.createBrotliDecompress(),
        fs.createWriteStream(path.join(staging, "chromium"), { mode: 0o755 }),
      ),
      untar(path.join(binDir, "al2023.tar.br"), staging), // lib/: libnss3, libnspr4 and friends
      untar(path.join(binDir, "fonts.tar.br"), staging), // fonts/ (Open Sans)
    ]);
    // The package's fonts.conf points at /tmp/fonts; ours at the unpacked fonts, plus the
    // system's fonts where the machine has any.
    fs.writeFileSync(path.join(staging, "fonts.conf"), fontsConf(target));
    try {
      fs.renameSync(staging, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== "ENOTEMPTY" && code !== "EEXIST") || !fs.existsSync(path.join(target, "chromium"))) throw error;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return target;
}

// chown: false, or root would give the files to the uid that packed them.
async function untar(archive: string, into: string): Promise<void> {
  await pipeline(fs.createReadStream(archive), zlib.createBrotliDecompress(), tar.extract(into, { chown: false } as tar.ExtractOptions));
}

function fontsConf(dir: string): string {
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${escape(path.join(dir, "fonts"))}</dir>
  <cachedir>${escape(path.join(dir, "fonts-cache"))}</cachedir>
</fontconfig>
`;
}

/** Staging folders of unpackers that were killed (their pid is gone) would otherwise stay forever. */
function removeAbandonedStaging(target: string): void {
  const prefix = `${path.basename(target)}.partial-`;
  for (const name of fs.readdirSync(path.dirname(target))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split("-")[0]);
    if (Number.isInteger(pid) && !isRunning(pid)) fs.rmSync(path.join(path.dirname(target), name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function runVersion(executablePath: string, env: Record<string, string>): { ok: boolean; output: string } {
  const result = spawnSync(executablePath, ["--version"], { env: { ...process.env, ...env }, encoding: "utf8", timeout: 30_000 });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? result.error.message : ""}`.trim();
  return { ok: result.status === 0 && /\d+\.\d+/.test(result.stdout ?? ""), output };
}
