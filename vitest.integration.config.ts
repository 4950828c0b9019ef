import { defineConfig } from "vitest/config";
import path from "node:path";

// Data-access tests against a real PostgreSQL: run through `npm run test:integration`, which
// creates a fresh database for the run (scripts/with-test-db.ts) and sets DATABASE_URL.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // lib/db modules `import "server-only"`, which throws outside React Server Components.
      "server-only": path.resolve(__dirname, "scripts/lib/empty-module.ts"),
    },
  },
  test: {
    include: ["lib/**/*.integration.test.ts", "scripts/**/*.integration.test.ts"],
    exclude: ["node_modules/**", "lib/generated/**"],
    environment: "node",
    // A database of its own for each test file (see the setup file).
    setupFiles: ["./vitest.integration.setup.ts"],
    // Two cores: two test files at a time, each in its own process (one Prisma pool per file).
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
