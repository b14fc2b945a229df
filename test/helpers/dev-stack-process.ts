/**
 * Entry point of a separate `statecraft dev` stack for crash tests: `tsx dev-stack-process.ts
 * DATA_DIR`. Prints `ready API_URL` once listening; the test kills it with SIGKILL.
 */
import { startDevStack } from '../../cli/local/start-dev-stack';
import { silentLogger } from '../../workflows/engine';

const [dataDir] = process.argv.slice(2);

startDevStack({ dataDir, apiPort: 0, sfnPort: 0, dynamodbPort: 0, logger: silentLogger }).then(
  (stack) => process.stdout.write(`ready ${stack.apiUrl}\n`),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
