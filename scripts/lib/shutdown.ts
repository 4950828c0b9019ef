const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Installs the one handler for Ctrl-C / SIGTERM / SIGHUP, replacing any installed before (an
 * orderly shutdown — stop the app or drop the test database first, then release the embedded
 * database's lease, then exit with our own code — must not race another handler's exit).
 */
export function onShutdownSignal(handler: (signal: NodeJS.Signals) => void): void {
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, handler);
  }
}
