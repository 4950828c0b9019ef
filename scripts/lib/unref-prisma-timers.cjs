// Preloaded into the Prisma CLI: its wasm engine leaves long setTimeouts that are never cleared,
// which keep the process alive for up to a minute after the command is done (ENVIRONMENT.md
// trap 3). Unref'ing long timers created from Prisma's files lets the CLI exit when its work ends.
const originalSetTimeout = global.setTimeout;
global.setTimeout = function patchedSetTimeout(fn, delay, ...args) {
  const timer = originalSetTimeout(fn, delay, ...args);
  if (typeof delay === "number" && delay >= 1000) {
    const stack = new Error().stack || "";
    if (stack.includes("prisma") && timer && typeof timer.unref === "function") timer.unref();
  }
  return timer;
};
