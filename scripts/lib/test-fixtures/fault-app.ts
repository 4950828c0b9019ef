// The app as scripts/lib/faults.integration.test.ts kills and starves it: the data layer and the export
// handler in a process of their own, on the embedded PostgreSQL of DRAWDESK_DATA_DIR (started and
// migrated as `npm start` does, through withDatabase), answering over HTTP as the route handlers do
// (lib/server/errors.ts turns every failure into a status and words). Prints `{"port": …}` once it
// listens; SIGTERM releases the database lease and exits.
//
//   GET /firm?firm=ID&user=ID         the firm's name (one query per request)
//   GET /roster.csv?firm=ID&user=ID   the roster CSV export, streamed (lib/server/exports/handlers.ts)
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
import { onShutdownSignal } from "../shutdown";
import { withDatabase } from "../cli";

async function respond(url: URL): Promise<Response> {
  const { getFirm } = await import("@/lib/db/firms");
  const { rosterExportResponse } = await import("@/lib/server/exports/handlers");
  const scope = { userId: url.searchParams.get("user") ?? "", firmId: url.searchParams.get("firm") ?? "", role: "owner" as const, teamIds: [] };
  if (url.pathname === "/firm") return Response.json({ name: (await getFirm(scope)).name });
  if (url.pathname === "/roster.csv") {
    const viewer = { ...scope, email: "owner@fault.example", name: "Owner", scope, sessionId: "fault-app", mustEnrolTwoFactor: false };
    return rosterExportResponse(new NextRequest(url), viewer, "csv");
  }
  return Response.json({ error: "Not found." }, { status: 404 });
}

async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const { toErrorPayload } = await import("@/lib/server/errors");
  let answer: Response;
  try {
    answer = await respond(new URL(request.url ?? "/", "http://127.0.0.1"));
  } catch (error) {
    const { status, payload } = toErrorPayload(error);
    answer = Response.json(payload, { status });
  }
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  if (!answer.body) return void response.end();
  const body = Readable.fromWeb(answer.body as import("node:stream/web").ReadableStream);
  body.on("error", () => response.destroy()); // a stream cut short reaches the reader as a cut download
  body.pipe(response);
}

async function main(): Promise<void> {
  await withDatabase(
    () =>
      new Promise<void>((resolve) => {
        const server = http.createServer((request, response) => void handle(request, response));
        server.listen(0, "127.0.0.1", () => {
          process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port, databaseUrl: process.env.DATABASE_URL })}\n`);
        });
        onShutdownSignal(() => {
          server.closeAllConnections();
          server.close(() => resolve());
        });
      }),
  );
  process.exit(0);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
