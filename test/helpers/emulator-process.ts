/**
 * Entry point of a separate emulator process for crash tests: `tsx emulator-process.ts DATA_DIR
 * LOG_FILE`. Prints `listening PORT`. Its `record` handler appends each call to LOG_FILE and takes
 * `delayMs` of real time, so the test can kill the process while tasks are in flight.
 */
import { appendFileSync } from 'node:fs';
import { createStepFunctionsServer } from '../../workflows/emulator';

const [dataDir, logFile] = process.argv.slice(2);

const server = createStepFunctionsServer({
  dataDir,
  taskHandlers: {
    record: async (input) => {
      const { step, delayMs = 0 } = input as { step: string; delayMs?: number };
      appendFileSync(logFile, `${step}\n`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return { step };
    },
  },
});

server
  .listen(0, '127.0.0.1')
  .then((port) => process.stdout.write(`listening ${port}\n`))
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
