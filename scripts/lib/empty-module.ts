// Stands in for `server-only` in Vitest (see vitest.integration.config.ts): lib/db modules import
// it to keep Prisma out of client bundles, and the real package throws outside React Server
// Components.
export {};
