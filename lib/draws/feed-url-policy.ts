/**
 * Which feed addresses the app may fetch (server-side request forgery guard). An admin types the
 * feed URL on the import page and the server fetches it, so an unchecked URL would let anyone
 * with that page probe the server's own network (cloud metadata at 169.254.169.254, databases on
 * localhost, intranet hosts). Allowed: IRCC's host and the host of DRAWS_FEED_URL, which the
 * operator set and is trusted as is (it may be a local mirror). Every other address an allowed
 * host resolves to must be public. Pure: the caller resolves DNS and passes the addresses.
 */
import ipaddr from "ipaddr.js";

export interface FeedUrlPolicy {
  /** Lower-case host names (with a port when not the default) the app may fetch from. */
  allowedHosts: string[];
  /** The operator's host (from DRAWS_FEED_URL): its addresses are not checked. */
  trustedHost: string | null;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/** `host[:port]` as URL keeps it (default ports dropped), lower-case. */
function hostOf(url: URL): string {
  return url.host.toLowerCase();
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** IRCC's feed host and the operator's DRAWS_FEED_URL host. */
export function feedUrlPolicy(irccUrl: string, operatorUrl: string | undefined): FeedUrlPolicy {
  const ircc = hostOf(new URL(irccUrl));
  const operator = operatorUrl ? parse(operatorUrl.trim()) : null;
  const trustedHost = operator ? hostOf(operator) : null;
  return { allowedHosts: [...new Set([ircc, ...(trustedHost ? [trustedHost] : [])])], trustedHost };
}

/** The URL itself: http(s), no user name or password, an allowed host. */
export function checkFeedUrl(url: string, policy: FeedUrlPolicy): Verdict {
  const parsed = parse(url);
  if (!parsed) return { ok: false, reason: `${url} is not a web address` };
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return { ok: false, reason: `${parsed.protocol} addresses are not fetched; only http(s)` };
  if (parsed.username || parsed.password) return { ok: false, reason: "a feed address must not carry a user name or password" };
  const host = hostOf(parsed);
  if (!policy.allowedHosts.includes(host)) {
    return { ok: false, reason: `${host} is not an allowed feed host (allowed: ${policy.allowedHosts.join(", ")}); the operator can allow another one by setting DRAWS_FEED_URL` };
  }
  return { ok: true };
}

/** Whether the host's addresses must be checked: every allowed host but the operator's own. */
export function needsAddressCheck(url: string, policy: FeedUrlPolicy): boolean {
  const parsed = parse(url);
  return !parsed || hostOf(parsed) !== policy.trustedHost;
}

/** ipaddr.js's range names, in words; "unicast" is the only public one. */
const RANGE_WORDS: Record<string, string> = {
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address",
  loopback: "a loopback address",
  carrierGradeNat: "a carrier-grade NAT address",
  private: "a private address",
  uniqueLocal: "a private (unique local) address",
  deprecatedSiteLocal: "a site-local address",
};

/**
 * What is wrong with one resolved address, or null for public unicast. IPv4-mapped IPv6
 * (::ffff:127.0.0.1) is judged as the IPv4 address it carries, which is where the connection goes.
 */
function nonPublicKind(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  if (range === "unicast") return null;
  return RANGE_WORDS[range] ?? `a reserved (${range}) address`;
}

export function checkAddress(address: string): Verdict {
  const kind = nonPublicKind(address);
  return kind ? { ok: false, reason: `${address} is ${kind}` } : { ok: true };
}

/** Every address the host resolves to must be public: one bad address refuses the host. */
export function checkAddresses(host: string, addresses: string[]): Verdict {
  if (addresses.length === 0) return { ok: false, reason: `${host} resolves to no address` };
  for (const address of addresses) {
    const kind = nonPublicKind(address);
    if (kind) return { ok: false, reason: `${host} resolves to ${address}, ${kind}; feeds are fetched from public addresses only` };
  }
  return { ok: true };
}
