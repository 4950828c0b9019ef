/**
 * Reads IRCC's rounds feed from a file or a URL and returns its JSON, unparsed as rounds
 * (parseRounds does that). Network and file trouble becomes one FeedSourceError with a message an
 * admin can act on.
 */
import dns, { type LookupAddress } from "node:dns";
import { readFile } from "node:fs/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { fileURLToPath } from "node:url";
import { checkAddress, checkAddresses, checkFeedUrl, needsAddressCheck, type FeedUrlPolicy, type Verdict } from "./feed-url-policy";

/** IRCC's official rounds feed. */
export const IRCC_ROUNDS_URL =
  "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json";

export const DEFAULT_TIMEOUT_MS = 15_000;
/** 5 MB: IRCC's whole feed is under 1 MB today. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 5;

export class FeedSourceError extends Error {
  override readonly name: string = "FeedSourceError";
  constructor(
    message: string,
    readonly source: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The address was not fetched (or its answer not read) by rule: a host, address, redirect or size refused. */
export class FeedRefusedError extends FeedSourceError {
  override readonly name: string = "FeedRefusedError";
}

export interface LoadOptions {
  /** Whole request, redirects and body included. */
  timeoutMs?: number;
  /** Largest body accepted, counted as it streams. */
  maxBytes?: number;
  /**
   * Host and address rules for a URL someone typed in the app (see feed-url-policy.ts). The
   * operator's command line passes none: it may fetch any address, as its shell can.
   */
  policy?: FeedUrlPolicy;
}

export async function loadRoundsSource(fileOrUrl: string, opts: LoadOptions = {}): Promise<unknown> {
  if (/^https?:\/\//i.test(fileOrUrl)) return loadUrl(fileOrUrl, opts);
  if (opts.policy) throw new FeedRefusedError(`${fileOrUrl} is not a web address; only http(s) feed addresses are fetched`, fileOrUrl);
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
  // One signal for every hop and the body: a server that stalls mid-download must time out too.
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await follow(url, opts.policy, signal);
    return parseJson(await readCapped(response, opts.maxBytes ?? MAX_FEED_BYTES), url);
  } catch (error) {
    if (error instanceof FeedSourceError) throw error;
    const refused = causeOf(error, FeedRefusedError);
    if (refused) throw refused;
    // A body cut by the timeout ends as "aborted" (ECONNRESET), not as the signal's TimeoutError.
    if (signal.aborted || isTimeout(error)) {
      throw new FeedSourceError(`${url} timed out after ${timeoutMs / 1000} s`, url, { cause: error });
    }
    throw new FeedSourceError(`could not reach ${url}: ${systemReason(error)}`, url, { cause: error });
  }
}

/** Requests `url`, following redirects one hop at a time so each new address is checked again. */
async function follow(url: string, policy: FeedUrlPolicy | undefined, signal: AbortSignal): Promise<Fetched> {
  let current = url;
  for (let hop = 0; ; hop++) {
    if (policy) refuseUnless(checkFeedUrl(current, policy), current, hop === 0 ? null : url);
    const response = await get(new URL(current), signal, policy && needsAddressCheck(current, policy) ? guardedLookup : undefined);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location) {
      response.destroy();
      if (hop >= MAX_REDIRECTS) throw new FeedRefusedError(`${url} redirected more than ${MAX_REDIRECTS} times`, url);
      current = new URL(location, current).href;
      continue;
    }
    if (status < 200 || status >= 300) {
      response.destroy();
      const statusText = response.statusMessage ? ` ${response.statusMessage}` : "";
      throw new FeedSourceError(`${current} answered HTTP ${status}${statusText}`, current);
    }
    return { response, url: current };
  }
}

function refuseUnless(verdict: Verdict, url: string, redirectedFrom: string | null): void {
  if (verdict.ok) return;
  const where = redirectedFrom ? `${redirectedFrom} redirected to ${url}, refused: ` : "";
  throw new FeedRefusedError(`${where}${verdict.reason}`, redirectedFrom ?? url);
}

interface Fetched {
  response: IncomingMessage;
  url: string;
}

function get(url: URL, signal: AbortSignal, lookup: LookupFunction | undefined): Promise<IncomingMessage> {
  if (lookup) {
    // Node connects to an IP literal without a lookup: check it here.
    const literal = url.hostname.replace(/^\[|\]$/g, "");
    const verdict = isIP(literal) ? checkAddress(literal) : { ok: true as const };
    if (!verdict.ok) throw new FeedRefusedError(`${verdict.reason}; feeds are fetched from public addresses only`, url.href);
  }
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    // agent: false, so no pooled socket keeps a command-line run alive after it is done.
    const request = client.get(url, { signal, lookup, agent: false, headers: { accept: "application/json" } }, resolve);
    request.on("error", reject);
  });
}

/**
 * dns.lookup that refuses a host when any of its addresses is not public. It runs as the socket
 * connects, so the address checked is the address used (no second lookup to rebind). Also guards
 * the firm webhooks (lib/webhooks/send.ts).
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const verdict = checkAddresses(hostname, addresses.map((a) => a.address));
    if (!verdict.ok) return callback(new FeedRefusedError(verdict.reason, hostname), "", 0);
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

async function readCapped({ response, url }: Fetched, maxBytes: number): Promise<string> {
  const tooLarge = () => new FeedRefusedError(`${url} sent more than ${formatBytes(maxBytes)}, the limit for a rounds feed (IRCC's is under 1 MB)`, url);
  if (Number(response.headers["content-length"]) > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      response.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${bytes} bytes`;
}

function causeOf<T>(error: unknown, type: new (...args: never[]) => T): T | null {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof type) return e;
  }
  return null;
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
