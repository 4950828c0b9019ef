// @typescript-eslint/parser for eslint-plugin-import's dependency graph only (settings
// "import/parsers" in eslint.config.mjs): import/no-cycle skips `import type` and has no option
// to count it, yet issue 14 asks that type-level cycles be kept out too. This parser reports
// every type-only import or re-export as a value one, so the rule's walk through imported files
// sees them. ESLint's own parse of the linted file (and so every other rule) is unaffected.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- eslint-plugin-import loads parsers with require()
const tsParser = require("@typescript-eslint/parser");

function countTypeImports(program) {
  for (const node of program.body) {
    if (node.type !== "ImportDeclaration" && node.type !== "ExportNamedDeclaration" && node.type !== "ExportAllDeclaration") continue;
    if (node.importKind === "type") node.importKind = "value";
    if (node.exportKind === "type" && node.source) node.exportKind = "value";
    for (const specifier of node.specifiers ?? []) {
      if (specifier.importKind === "type") specifier.importKind = "value";
      if (specifier.exportKind === "type" && node.source) specifier.exportKind = "value";
    }
  }
}

module.exports = {
  ...tsParser,
  parseForESLint(code, options) {
    const result = tsParser.parseForESLint(code, options);
    countTypeImports(result.ast);
    return result;
  },
};
