import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { feedUrlPolicy } from "./feed-url-policy";
import { FeedRefusedError, FeedSourceError, IRCC_ROUNDS_URL, loadRoundsSource, MAX_FEED_BYTES } from "./load-source";

const FEED = { classes: "wb-tables", rounds: [{ drawNumber: "418" }] };
const dir = mkdtempSync(join(tmpdir(), "drawdesk-feed-"));

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A loopback server on a free port; the machines have no internet. */
async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/ee_rounds_123_en.json`;
}

async function sourceError(promise: Promise<unknown>): Promise<FeedSourceError> {
  const error = await promise.then(
    () => new Error("expected a FeedSourceError"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeedSourceError);
  return error as FeedSourceError;
}

describe("loadRoundsSource from a file", () => {
  it("reads the JSON of a path or a file: URL", async () => {
    const file = join(dir, "feed.json");
    writeFileSync(file, JSON.stringify(FEED));
    expect(await loadRoundsSource(file)).toEqual(FEED);
    expect(await loadRoundsSource(pathToFileURL(file).href)).toEqual(FEED);
  });

  it("reads the real snapshot", async () => {
    const snapshot = fileURLToPath(new URL("../../data/ee_rounds_123_en.json", import.meta.url));
    const json = (await loadRoundsSource(snapshot)) as { rounds: unknown[] };
    expect(json.rounds).toHaveLength(419);
  });

  it("ignores a byte-order mark", async () => {
    const file = join(dir, "bom.json");
    writeFileSync(file, `\uFEFF${JSON.stringify(FEED)}`);
    expect(await loadRoundsSource(file)).toEqual(FEED);
  });

  it("says when the file does not exist", async () => {
    const error = await sourceError(loadRoundsSource(join(dir, "nope.json")));
    expect(error.message).toBe(`could not read ${join(dir, "nope.json")}: no such file`);
  });

  it("says when the file is not JSON", async () => {
    const file = join(dir, "page.html");
    writeFileSync(file, "<!DOCTYPE html><html>…");
    const error = await sourceError(loadRoundsSource(file));
    expect(error.message).toBe(`${file} is not JSON (it starts with "<!DOCTYPE html><html>…")`);
  });
});

describe("loadRoundsSource from a URL", () => {
  it("points at IRCC's official feed by default", () => {
    expect(IRCC_ROUNDS_URL).toBe("https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json");
  });

  it("fetches and parses the JSON", async () => {
    const url = await serve((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(FEED));
    });
    expect(await loadRoundsSource(url)).toEqual(FEED);
  });

  it("reports an HTTP error status", async () => {
    const url = await serve((_req, res) => {
      res.statusCode = 404;
      res.end("Not here");
    });
    const error = await sourceError(loadRoundsSource(url));
    expect(error.message).toBe(`${url} answered HTTP 404 Not Found`);
    expect(error.source).toBe(url);
  });

  it("reports a body that is not JSON (a maintenance page served with 200)", async () => {
    const url = await serve((_req, res) => res.end("<html>Maintenance</html>"));
    const error = await sourceError(loadRoundsSource(url));
    expect(error.message).toBe(`${url} is not JSON (it starts with "<html>Maintenance</html>")`);
  });

  it("reports a refused connection", async () => {
    const url = await serve(() => {});
    const server = servers.pop() as Server;
    await new Promise((resolve) => server.close(resolve));
    const error = await sourceError(loadRoundsSource(url));
    expect(error.message).toBe(`could not reach ${url}: connection refused`);
  });

  it("times out on a server that never answers", async () => {
    const url = await serve(() => {});
    const error = await sourceError(loadRoundsSource(url, { timeoutMs: 200 }));
    expect(error.message).toBe(`${url} timed out after 0.2 s`);
  });

  it("times out on a server that stalls in the middle of the body", async () => {
    const url = await serve((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.write('{"rounds": [');
    });
    const error = await sourceError(loadRoundsSource(url, { timeoutMs: 200 }));
    expect(error.message).toBe(`${url} timed out after 0.2 s`);
  });

  it("follows a redirect", async () => {
    const target = await serve((_req, res) => res.end(JSON.stringify(FEED)));
    const url = await serve((_req, res) => {
      res.writeHead(302, { location: target });
      res.end();
    });
    expect(await loadRoundsSource(url)).toEqual(FEED);
  });

  it("refuses a body over the size limit, declared or streamed", async () => {
    const big = `{"rounds": [${'"x",'.repeat(600)}"x"]}`;
    const declared = await serve((_req, res) => {
      res.setHeader("content-length", Buffer.byteLength(big));
      res.end(big);
    });
    const streamed = await serve((_req, res) => {
      res.write(big.slice(0, 1000));
      setTimeout(() => res.end(big.slice(1000)), 20);
    });
    for (const url of [declared, streamed]) {
      const error = await sourceError(loadRoundsSource(url, { maxBytes: 1500 }));
      expect(error).toBeInstanceOf(FeedRefusedError);
      expect(error.message).toBe(`${url} sent more than 1500 bytes, the limit for a rounds feed (IRCC's is under 1 MB)`);
    }
    expect(MAX_FEED_BYTES).toBe(5 * 1024 * 1024);
  });
});

describe("loadRoundsSource with the app's policy (URLs typed in the app)", () => {
  it("fetches from the operator's DRAWS_FEED_URL host, even on loopback", async () => {
    const url = await serve((_req, res) => res.end(JSON.stringify(FEED)));
    expect(await loadRoundsSource(url, { policy: feedUrlPolicy(IRCC_ROUNDS_URL, url) })).toEqual(FEED);
  });

  it("refuses any other host before connecting", async () => {
    let requests = 0;
    const url = await serve((_req, res) => {
      requests++;
      res.end(JSON.stringify(FEED));
    });
    const error = await sourceError(loadRoundsSource(url, { policy: feedUrlPolicy(IRCC_ROUNDS_URL, undefined) }));
    expect(error).toBeInstanceOf(FeedRefusedError);
    expect(error.message).toBe(`${new URL(url).host} is not an allowed feed host (allowed: www.canada.ca); the operator can allow another one by setting DRAWS_FEED_URL`);
    expect(requests).toBe(0);
  });

  it("refuses a file path", async () => {
    const error = await sourceError(loadRoundsSource("/etc/passwd", { policy: feedUrlPolicy(IRCC_ROUNDS_URL, undefined) }));
    expect(error.message).toBe("/etc/passwd is not a web address; only http(s) feed addresses are fetched");
  });

  it("refuses a redirect to another host, and follows one within the operator's host", async () => {
    let otherRequests = 0;
    const other = await serve((_req, res) => {
      otherRequests++;
      res.end(JSON.stringify(FEED));
    });
    const operator = await serve((req, res) => {
      if (req.url === "/moved") {
        res.writeHead(301, { location: "/ee_rounds_123_en.json" });
        return res.end();
      }
      if (req.url === "/away") {
        res.writeHead(302, { location: other });
        return res.end();
      }
      res.end(JSON.stringify(FEED));
    });
    const policy = feedUrlPolicy(IRCC_ROUNDS_URL, operator);
    const origin = new URL(operator).origin;
    expect(await loadRoundsSource(`${origin}/moved`, { policy })).toEqual(FEED);
    const error = await sourceError(loadRoundsSource(`${origin}/away`, { policy }));
    expect(error).toBeInstanceOf(FeedRefusedError);
    expect(error.message).toBe(
      `${origin}/away redirected to ${other}, refused: ${new URL(other).host} is not an allowed feed host (allowed: www.canada.ca, ${new URL(operator).host}); the operator can allow another one by setting DRAWS_FEED_URL`,
    );
    expect(otherRequests).toBe(0);
  });

  it("refuses a redirect loop", async () => {
    const url = await serve((req, res) => {
      res.writeHead(302, { location: `/loop${Number(req.url?.slice(5) || 0) + 1}` });
      res.end();
    });
    const error = await sourceError(loadRoundsSource(url, { policy: feedUrlPolicy(IRCC_ROUNDS_URL, url) }));
    expect(error.message).toBe(`${url} redirected more than 5 times`);
  });

  it("refuses an allowed host that is not the operator's when it is a loopback address or resolves to one", async () => {
    let requests = 0;
    const url = await serve((_req, res) => {
      requests++;
      res.end(JSON.stringify(FEED));
    });
    const port = new URL(url).port;
    // Allowed by name but not trusted as the operator's: its addresses must be public.
    const literal = await sourceError(loadRoundsSource(url, { policy: { allowedHosts: [`127.0.0.1:${port}`], trustedHost: null } }));
    expect(literal.message).toBe("127.0.0.1 is a loopback address; feeds are fetched from public addresses only");
    const named = `http://localhost:${port}/ee_rounds_123_en.json`;
    const resolved = await sourceError(loadRoundsSource(named, { policy: { allowedHosts: [`localhost:${port}`], trustedHost: null } }));
    expect(resolved).toBeInstanceOf(FeedRefusedError);
    expect(resolved.message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a loopback address; feeds are fetched from public addresses only$/);
    const mapped = await sourceError(loadRoundsSource(`http://[::ffff:127.0.0.1]:${port}/x.json`, { policy: { allowedHosts: [`[::ffff:7f00:1]:${port}`], trustedHost: null } }));
    expect(mapped.message).toBe("::ffff:7f00:1 is a loopback address; feeds are fetched from public addresses only");
    expect(requests).toBe(0);
  });

  it("times out on a slow server", async () => {
    const url = await serve((_req, res) => {
      res.write('{"rounds": [');
      setTimeout(() => res.end("]}"), 2000).unref();
    });
    const error = await sourceError(loadRoundsSource(url, { timeoutMs: 300, policy: feedUrlPolicy(IRCC_ROUNDS_URL, url) }));
    expect(error.message).toBe(`${url} timed out after 0.3 s`);
  });
});
