// Moved to lib/db/draws/results-store.ts (issue 14's split); this path keeps older imports working.
export * from "./draws/results-store";
