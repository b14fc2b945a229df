/** Resolves on the first Ctrl-C (SIGINT) or SIGTERM, so a long-running command can shut down cleanly. */

/** Waits for SIGINT or SIGTERM, removing both listeners once either arrives. */
export function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
