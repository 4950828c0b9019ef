import pg from "pg";
import { describe, expect, it } from "vitest";
import { Prisma } from "./prisma";
import { isDatabaseUnavailable } from "./unavailable";

// The errors as the drivers raise them; scripts/faults.integration.test.ts meets them for real.
function pgError(code: string, message: string): pg.DatabaseError {
  const error = new pg.DatabaseError(message, message.length, "error");
  error.code = code;
  return error;
}

function socketError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: "connect", errno: -111 });
}

const prismaError = (code: string, meta?: Record<string, unknown>) => new Prisma.PrismaClientKnownRequestError("Invalid invocation", { code, clientVersion: "6.19.3", meta });

describe("isDatabaseUnavailable", () => {
  it("recognises an unreachable or vanishing server, from Prisma and from pg", () => {
    expect(isDatabaseUnavailable(prismaError("P1001"))).toBe(true); // can't reach the server
    expect(isDatabaseUnavailable(prismaError("P2024"))).toBe(true); // no pooled connection in time
    expect(isDatabaseUnavailable(prismaError("P2010", { driverAdapterError: { cause: { kind: "postgres", code: "57P01" } } }))).toBe(true);
    expect(isDatabaseUnavailable(pgError("57P01", "terminating connection due to administrator command"))).toBe(true);
    expect(isDatabaseUnavailable(pgError("57P03", "the database system is starting up"))).toBe(true);
    expect(isDatabaseUnavailable(socketError("ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
  });

  it("leaves a refused query or a bug alone: retrying would not help", () => {
    expect(isDatabaseUnavailable(prismaError("P2002"))).toBe(false); // unique constraint
    expect(isDatabaseUnavailable(pgError("23505", "duplicate key value violates unique constraint"))).toBe(false);
    expect(isDatabaseUnavailable(pgError("42P01", 'relation "Nope" does not exist'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
