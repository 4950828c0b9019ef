import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./scripts/lib/migration-adapter";

// Prisma 6.19 with the JavaScript schema engine: no native binaries to download (this project
// must install and run offline). See ../shared/notes/ENVIRONMENT.md for the traps worked around.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => migrationAdapter(process.env.DATABASE_URL ?? ""),
});
