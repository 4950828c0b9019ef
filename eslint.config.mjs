import { fileURLToPath } from "node:url";
import importPlugin from "eslint-plugin-import";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Prisma stays behind lib/db (STYLE.md): everything else calls lib/db functions that take a Scope.
// zod's z comes from lib/zod, which keeps it from eval in the browser.
const RESTRICTED_IMPORTS = {
  paths: [
    {
      name: "zod",
      importNames: ["z"],
      allowTypeImports: true,
      message: 'Import { z } from "@/lib/zod": in the browser it must run without eval (Content-Security-Policy).',
    },
  ],
  patterns: [
    {
      group: ["@/lib/generated/prisma", "@/lib/generated/prisma/*", "**/generated/prisma", "**/generated/prisma/*", "@prisma/*"],
      message: "Only lib/db/ talks to Prisma: call a lib/db function that takes the caller's Scope.",
    },
  ],
};

// import/no-cycle returns early on the linted file's own `import type` lines; seen as value
// imports, a cycle made only of type imports is reported too (the graph beyond is counted by
// scripts/lib/type-imports-count-parser.cjs).
const asValueImport = (node) =>
  new Proxy(node, {
    get: (target, key) =>
      key === "importKind" ? "value" : key === "specifiers" ? target.specifiers.map((s) => ({ ...s, importKind: "value" })) : target[key],
  });
const noCycle = importPlugin.rules["no-cycle"];
const cyclesPlugin = {
  rules: {
    "no-cycle": {
      meta: noCycle.meta,
      create(context) {
        const listeners = noCycle.create(context);
        return { ...listeners, ImportDeclaration: (node) => listeners.ImportDeclaration(asValueImport(node)) };
      },
    },
  },
};

const config = [
  {
    ignores: [".next/**", "lib/generated/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "no-restricted-imports": ["error", RESTRICTED_IMPORTS],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Import cycles make modules half-initialised at load time and tangle the data layer; issue 14
  // removed the last ones (clients <-> clients-roster, draws/round <-> draws/distribution), this
  // keeps new ones out. Both were cycles through an `import type`, which import/no-cycle skips:
  // cycles/no-cycle is that rule counting type imports (asValueImport above for the linted file,
  // scripts/lib/type-imports-count-parser.cjs for the files it walks through).
  {
    files: ["lib/**/*.{ts,tsx}", "app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "scripts/**/*.{ts,tsx}"],
    settings: {
      "import/parsers": {
        "@typescript-eslint/parser": [],
        [fileURLToPath(new URL("./scripts/lib/type-imports-count-parser.cjs", import.meta.url))]: [".ts", ".mts", ".cts", ".tsx", ".d.ts"],
      },
    },
    plugins: { cycles: cyclesPlugin },
    // disableScc: the rule's strongly-connected-components precomputation walks node_modules too
    // and made `eslint .` 45 s instead of 25 s here; the plain walk still sees cycles of any length.
    rules: { "cycles/no-cycle": ["error", { ignoreExternal: true, disableScc: true }] },
  },
  {
    files: ["lib/db/**", "scripts/lib/migration-adapter.ts", "prisma.config.ts"],
    rules: { "no-restricted-imports": ["error", { paths: RESTRICTED_IMPORTS.paths }] },
  },
  {
    files: ["lib/zod.ts"],
    rules: { "no-restricted-imports": "off" },
  },
];

export default config;
