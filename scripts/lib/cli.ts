/**
 * What every DrawDesk command shares: argument parsing, the database it runs against, where output
 * goes, error printing and exit codes.
 *
 * - stdout carries the result (a human summary, or with --json only the JSON), so it can be piped;
 *   stderr carries errors, warnings and progress. --help prints the usage on stdout.
 * - Exit codes: 0 done, 1 failed (bad input, unreachable source, unknown record, database error),
 *   2 usage (unknown option, missing argument).
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ZodError } from "zod";
import { AppError, InvalidInputError } from "@/lib/errors";
import type { RunningDatabase } from "./embedded-db";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A failure to report to the user as-is (no stack trace): exit 1. */
export class CliError extends Error {}

/** The command line itself is wrong: the usage text follows the message, exit 2. */
export class UsageError extends Error {}

/** --help: runCommand prints the usage on stdout, exit 0 (the command's body goes no further). */
class HelpRequested extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * node:util parseArgs, strict, with its errors turned into UsageErrors and `--help` recognised.
 * `positionals: false` for a command that takes none: a stray word is a usage error, not ignored.
 */
export function parseCommandLine<O extends Options>(argv: string[], options: O, { positionals = true }: { positionals?: boolean } = {}) {
  const parsed = (() => {
    try {
      return parseArgs({ args: argv, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: positionals, strict: true });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify .*$/s, ".") : String(error));
    }
  })();
  if ((parsed.values as { help?: boolean }).help) throw new HelpRequested();
  return parsed;
}

/** A non-negative whole number from an option, or a UsageError naming the option. */
export function wholeNumberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--${name} must be a whole number, got "${value}".`);
  return Number(value);
}

/** Writes to stdout and waits when the pipe is full, so large outputs are neither lost nor buffered whole. */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

export function printJson(value: unknown): Promise<void> {
  return writeOut(`${JSON.stringify(value, null, 2)}\n`);
}

export function printError(command: string, message: string): void {
  process.stderr.write(`${command}: ${message}\n`);
}

function messageOf(error: unknown): string {
  if (error instanceof InvalidInputError && error.issues.length > 0) {
    return `${error.message} ${error.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a command's body against DATABASE_URL or the embedded server (joining the app's server, or
 * starting one for the command's duration), with the schema brought up to date first: a fresh
 * clone's first command may come before any `npm start`. The migration check is one query;
 * `prisma migrate deploy` runs only when a migration is pending. Commands that manage migrations
 * themselves pass `{ migrate: false }`. The database code loads here, not with this module: commands
 * without a database (crs, --help) start without it.
 */
export async function withDatabase<T>(body: (db: RunningDatabase) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const [{ resolveDatabase }, { migrateIfNeeded }] = await Promise.all([import("./embedded-db"), import("./migrations")]);
  const db = await resolveDatabase();
  process.env.DATABASE_URL = db.url;
  try {
    if (options.migrate !== false) await migrateIfNeeded(db.url, { log: (m) => console.error(m) });
    return await body(db);
  } finally {
    await db.stop();
  }
}

/**
 * Runs a command's body and exits with its code. User-facing errors (CliError, the app's typed
 * errors) print one line on stderr; anything else is a bug or an environment problem and keeps
 * its stack. The exit is explicit: a database pool or a timer must not keep a finished command alive.
 */
export function runCommand(command: string, usage: string, main: () => Promise<number>): void {
  // A reader that stops early (`| head`) is not an error worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(EXIT_OK);
    throw error;
  });
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof HelpRequested) {
        void writeOut(`${usage}\n`).then(() => process.exit(EXIT_OK));
        return;
      }
      if (error instanceof UsageError) {
        printError(command, error.message);
        process.stderr.write(`${usage}\n`);
        process.exit(EXIT_USAGE);
      }
      if (error instanceof CliError || error instanceof AppError) {
        printError(command, messageOf(error));
      } else if (error instanceof ZodError) {
        // A lib/ schema refused the input: one line per field, as the forms show them.
        for (const issue of error.issues) printError(command, `${issue.path.join(".") || "input"}: ${issue.message}`);
      } else {
        printError(command, `failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      process.exit(EXIT_FAILED);
    },
  );
}
