import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Created lazily so `next build` needs no database, and kept on globalThis so hot reloads in
// development do not open a new pool each time.
const globalForPrisma = globalThis as unknown as { drawdeskPrisma?: PrismaClient };

export function prisma(): PrismaClient {
  if (!globalForPrisma.drawdeskPrisma) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE) || 10 });
    // Prisma waits 2 s by default for a pooled connection to start a transaction; 50 saves at once
    // on a 10-connection pool queue longer than that on a busy machine and failed with an internal
    // error (lib/db/clients/concurrency.integration.test.ts). Waiting longer lets them all through.
    globalForPrisma.drawdeskPrisma = new PrismaClient({ adapter, transactionOptions: { maxWait: 20_000 } });
  }
  return globalForPrisma.drawdeskPrisma;
}

export { Prisma } from "@/lib/generated/prisma/client";
