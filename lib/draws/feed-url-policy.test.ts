import { describe, expect, it } from "vitest";
import { checkAddress, checkAddresses, checkFeedUrl, feedUrlPolicy, needsAddressCheck } from "./feed-url-policy";

const IRCC = "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json";

describe("feedUrlPolicy", () => {
  it("allows IRCC's host, and the operator's DRAWS_FEED_URL host as trusted", () => {
    expect(feedUrlPolicy(IRCC, undefined)).toEqual({ allowedHosts: ["www.canada.ca"], trustedHost: null });
    expect(feedUrlPolicy(IRCC, "http://127.0.0.1:8080/feed.json")).toEqual({ allowedHosts: ["www.canada.ca", "127.0.0.1:8080"], trustedHost: "127.0.0.1:8080" });
    expect(feedUrlPolicy(IRCC, "https://WWW.Canada.ca/other.json")).toEqual({ allowedHosts: ["www.canada.ca"], trustedHost: "www.canada.ca" });
    expect(feedUrlPolicy(IRCC, "not a url").trustedHost).toBeNull();
  });
});

describe("checkFeedUrl", () => {
  const policy = feedUrlPolicy(IRCC, "http://mirror.example:8080/feed.json");
  it.each([
    [IRCC, null],
    ["http://www.canada.ca/x.json", null],
    ["https://WWW.CANADA.CA:443/x.json", null],
    ["http://mirror.example:8080/other.json", null],
    ["http://mirror.example/feed.json", "mirror.example is not an allowed feed host (allowed: www.canada.ca, mirror.example:8080)"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254 is not an allowed feed host"],
    ["https://canada.ca.evil.example/x.json", "canada.ca.evil.example is not an allowed feed host"],
    ["http://localhost:5432/", "localhost:5432 is not an allowed feed host"],
    ["https://user:pw@www.canada.ca/x.json", "a feed address must not carry a user name or password"],
    ["ftp://www.canada.ca/x.json", "ftp: addresses are not fetched; only http(s)"],
    ["file:///etc/passwd", "file: addresses are not fetched; only http(s)"],
    ["nonsense", "nonsense is not a web address"],
  ])("%s", (url, refusal) => {
    const verdict = checkFeedUrl(url, policy);
    if (refusal === null) expect(verdict).toEqual({ ok: true });
    else expect(verdict.ok ? "" : verdict.reason).toContain(refusal);
  });

  it("names DRAWS_FEED_URL as the way to allow another host", () => {
    const verdict = checkFeedUrl("https://feeds.example/x.json", feedUrlPolicy(IRCC, undefined));
    expect(verdict).toEqual({ ok: false, reason: "feeds.example is not an allowed feed host (allowed: www.canada.ca); the operator can allow another one by setting DRAWS_FEED_URL" });
  });

  it("checks the addresses of every host but the operator's own", () => {
    expect(needsAddressCheck(IRCC, policy)).toBe(true);
    expect(needsAddressCheck("http://mirror.example:8080/x", policy)).toBe(false);
  });
});

describe("checkAddress", () => {
  it.each([
    ["8.8.8.8", null],
    ["205.193.117.158", null],
    ["2607:f8b0:4004:800::200e", null],
    ["::ffff:8.8.8.8", null],
    ["127.0.0.1", "127.0.0.1 is a loopback address"],
    ["127.8.9.10", "a loopback address"],
    ["10.1.2.3", "10.1.2.3 is a private address"],
    ["172.16.0.1", "a private address"],
    ["192.168.1.10", "a private address"],
    ["169.254.169.254", "169.254.169.254 is a link-local address"],
    ["100.64.0.1", "a carrier-grade NAT address"],
    ["0.0.0.0", "an unspecified address"],
    ["224.0.0.1", "a multicast address"],
    ["255.255.255.255", "a broadcast address"],
    ["::1", "::1 is a loopback address"],
    ["::", "an unspecified address"],
    ["fe80::1", "a link-local address"],
    ["fd00::1", "a private (unique local) address"],
    ["fc12:3456::1", "a private (unique local) address"],
    ["::ffff:127.0.0.1", "::ffff:127.0.0.1 is a loopback address"],
    ["::ffff:169.254.169.254", "a link-local address"],
    ["::ffff:10.0.0.1", "a private address"],
    ["64:ff9b::a00:1", "a reserved (rfc6052) address"],
    ["not-an-ip", "not-an-ip is not an IP address"],
  ])("%s", (address, refusal) => {
    const verdict = checkAddress(address);
    if (refusal === null) expect(verdict).toEqual({ ok: true });
    else expect(verdict.ok ? "" : verdict.reason).toContain(refusal);
  });

  it("refuses a host when any one of its addresses is not public", () => {
    expect(checkAddresses("www.canada.ca", ["205.193.117.158", "2607:f8b0::1"])).toEqual({ ok: true });
    expect(checkAddresses("rebind.example", ["8.8.8.8", "10.0.0.5"])).toEqual({
      ok: false,
      reason: "rebind.example resolves to 10.0.0.5, a private address; feeds are fetched from public addresses only",
    });
    expect(checkAddresses("empty.example", [])).toEqual({ ok: false, reason: "empty.example resolves to no address" });
  });
});
