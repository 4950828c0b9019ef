import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { FeedSourceError, IRCC_ROUNDS_URL, loadRoundsSource } from "./load-source";

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

  it("uses the fetch it is given", async () => {
    const calls: string[] = [];
    const fetchImpl = (async (input: string | URL | Request) => {
      calls.push(String(input));
      return new Response(JSON.stringify(FEED), { status: 200 });
    }) as typeof fetch;
    expect(await loadRoundsSource(IRCC_ROUNDS_URL, { fetchImpl })).toEqual(FEED);
    expect(calls).toEqual([IRCC_ROUNDS_URL]);
  });
});
