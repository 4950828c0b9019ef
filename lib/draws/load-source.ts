/**
 * Reads IRCC's rounds feed from a file or a URL and returns its JSON, unparsed as rounds
 * (parseRounds does that). Network and file trouble becomes one FeedSourceError with a message an
 * admin can act on.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/** IRCC's official rounds feed. */
export const IRCC_ROUNDS_URL =
  "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json";

export const DEFAULT_TIMEOUT_MS = 15_000;

export class FeedSourceError extends Error {
  override readonly name = "FeedSourceError";
  constructor(
    message: string,
    readonly source: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface LoadOptions {
  /** Whole request, body included. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export async function loadRoundsSource(fileOrUrl: string, opts: LoadOptions = {}): Promise<unknown> {
  if (/^https?:\/\//i.test(fileOrUrl)) return loadUrl(fileOrUrl, opts);
  const path = /^file:/i.test(fileOrUrl) ? fileURLToPath(fileOrUrl) : fileOrUrl;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new FeedSourceError(`could not read ${path}: ${systemReason(error)}`, fileOrUrl, { cause: error });
  }
  return parseJson(text, fileOrUrl);
}

async function loadUrl(url: string, opts: LoadOptions): Promise<unknown> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchImpl = opts.fetchImpl ?? fetch;
  let text: string;
  try {
    // One signal for headers and body: a server that stalls mid-download must time out too.
    const response = await fetchImpl(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: "application/json" },
    });
    if (!response.ok) {
      await response.body?.cancel();
      const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
      throw new FeedSourceError(`${url} answered ${status}`, url);
    }
    text = await response.text();
  } catch (error) {
    if (error instanceof FeedSourceError) throw error;
    if (isTimeout(error)) {
      throw new FeedSourceError(`${url} timed out after ${timeoutMs / 1000} s`, url, { cause: error });
    }
    throw new FeedSourceError(`could not reach ${url}: ${systemReason(error)}`, url, { cause: error });
  }
  return parseJson(text, url);
}

function parseJson(text: string, source: string): unknown {
  try {
    // Files saved from Windows tools often start with a byte-order mark, which JSON.parse refuses.
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const start = text.trimStart().slice(0, 30).replace(/\s+/g, " ");
    throw new FeedSourceError(
      `${source} is not JSON${start ? ` (it starts with ${JSON.stringify(start)})` : " (it is empty)"}`,
      source,
      { cause: error },
    );
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

const SYSTEM_REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed (no network?)",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  ENOENT: "no such file",
  EACCES: "permission denied",
  EISDIR: "it is a folder",
};

/** Node's fetch hides the socket error in `cause` behind a bare "fetch failed". */
function systemReason(error: unknown): string {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && SYSTEM_REASONS[code]) return SYSTEM_REASONS[code];
  }
  return error instanceof Error ? error.message : String(error);
}
