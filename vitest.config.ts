import { defineConfig } from "vitest/config";
import path from "node:path";

// Unit tests: pure rules, no database, no network.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // lib/db modules guard against client bundles with `import "server-only"`; tests are server.
      "server-only": path.resolve(__dirname, "scripts/lib/empty-module.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"],
    exclude: ["**/*.integration.test.ts", "node_modules/**"],
    environment: "node",
  },
});
