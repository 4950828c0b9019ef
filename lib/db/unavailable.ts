import "server-only";
import { Prisma } from "./prisma";

/**
 * Whether an error means PostgreSQL could not be reached or dropped the connection (stopped,
 * restarting, crashed, out of connections) rather than refusing a query: the request may succeed
 * if tried again, and the user is told so (lib/server/errors.ts). The pg pool under Prisma's adapter
 * discards such connections and opens new ones once the server is back, so the app recovers
 * without a restart (scripts/faults.integration.test.ts).
 */

// Prisma: can't reach the server, timed out, server closed the connection, no pooled connection in time.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// adapter-pg's names for socket failures (DriverAdapterError.cause.kind).
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// Node socket errors, from pg used directly (the exports' snapshot connection).
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]);

/** SQLSTATE: 57P01–57P03 server shutting down, crashed or starting; class 08 connection failures; 53300 too many connections. */
function unavailableSqlState(code: unknown): boolean {
  return typeof code === "string" && (/^57P0[1-3]$/.test(code) || /^08[0-9A-Z]{3}$/.test(code) || code === "53300");
}

function describes(error: unknown, depth: number): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  const { code, kind, message, cause, meta } = error as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (error instanceof Prisma.PrismaClientKnownRequestError && PRISMA_CODES.has(error.code)) return true;
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  if (kind === "postgres" && unavailableSqlState(code)) return true;
  if ((typeof code === "string" && SOCKET_CODES.has(code)) || unavailableSqlState(code)) return true;
  // pg's own words when the server goes away mid-query, or a client is used after that.
  if (typeof message === "string" && /^Connection terminated|^Client has encountered a connection error/.test(message)) return true;
  return describes(cause, depth + 1) || describes(meta?.driverAdapterError, depth + 1);
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return describes(error, 0);
}
