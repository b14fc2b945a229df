/**
 * Every Lambda function the deploy creates, and the module each one runs: the product's own
 * entries (API, approval request, chat code hook, live events), and one per `fn()` task handler,
 * whose entry is generated so the bundle holds that handler and what it imports, nothing else.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { taskFunctions } from '../../workflows/definitions';
import { APPROVAL_REQUEST_FUNCTION } from '../../workflows/asl/approval-contract';
import { isTaskFunction } from '../../workflows/dsl';

const ROOT = path.resolve(__dirname, '../..');

/** One function: its name (the bundle's directory), what it is for, and its entry module. */
export type DeployedFunction = {
  name: string;
  description: string;
  /** A module exporting `handler`, or the source of a generated entry. */
  entry: { file: string } | { source: string };
  /** Whether the function serves the catalogue (compiled at bundle time into catalogue.json beside it). */
  servesCatalogue: boolean;
};

/** The product's functions (the names the CDK app refers to). */
export const PRODUCT_FUNCTIONS = {
  api: 'api',
  approvalRequest: APPROVAL_REQUEST_FUNCTION,
  dialog: 'chat-dialog',
  liveAuthorizer: 'live-authorizer',
  liveRoutes: 'live-routes',
  liveStatus: 'live-status-change',
} as const;

/** All deployed functions, product functions first, then the task handlers in catalogue order. */
export function deployedFunctions(): DeployedFunction[] {
  const file = (relative: string) => ({ file: path.join(ROOT, relative) });
  const product: DeployedFunction[] = [
    {
      name: PRODUCT_FUNCTIONS.api,
      description: 'The REST API (Express through @vendia/serverless-express)',
      entry: file('api/lambda.ts'),
      servesCatalogue: true,
    },
    {
      name: PRODUCT_FUNCTIONS.approvalRequest,
      description: 'Stores a pending approval when a run reaches an approval step',
      entry: file('api/approvals/approval-request-lambda.ts'),
      servesCatalogue: false,
    },
    {
      name: PRODUCT_FUNCTIONS.dialog,
      description: "The chatbot's dialog and fulfilment code hook",
      entry: file('bot/dialog/lambda.ts'),
      servesCatalogue: true,
    },
    {
      name: PRODUCT_FUNCTIONS.liveAuthorizer,
      description: 'Verifies the bearer token of a live-events WebSocket connection',
      entry: file('api/live/aws/websocket-authorizer.ts'),
      servesCatalogue: false,
    },
    {
      name: PRODUCT_FUNCTIONS.liveRoutes,
      description: 'The live-events WebSocket routes: connect, disconnect, subscribe',
      entry: file('api/live/aws/websocket-routes.ts'),
      servesCatalogue: true,
    },
    {
      name: PRODUCT_FUNCTIONS.liveStatus,
      description: 'Pushes run status changes to subscribed connections and cancels approvals of ended runs',
      entry: file('api/live/aws/status-change-function.ts'),
      servesCatalogue: true,
    },
  ];
  const sources = taskFunctionSources();
  const tasks = taskFunctions.map((fn): DeployedFunction => {
    const source = sources.get(fn.name);
    if (!source) throw new Error(`task function '${fn.name}' is not exported by any module in workflows/definitions/handlers`);
    return {
      name: fn.name,
      description: `Task handler ${fn.name}`,
      entry: {
        source: [
          `import { ${source.exportName} as taskFunction } from ${JSON.stringify(source.file)};`,
          `import { taskFunctionLambda } from ${JSON.stringify(path.join(ROOT, 'workflows/lambda/task-function-lambda'))};`,
          'export const handler = taskFunctionLambda(taskFunction);',
        ].join('\n'),
      },
      servesCatalogue: false,
    };
  });
  return [...product, ...tasks];
}

/** Function name → the handlers module and export that declare it. */
function taskFunctionSources(): Map<string, { file: string; exportName: string }> {
  const dir = path.join(ROOT, 'workflows/definitions/handlers');
  const sources = new Map<string, { file: string; exportName: string }>();
  for (const name of fs.readdirSync(dir).filter((entry) => entry.endsWith('.ts'))) {
    const file = path.join(dir, name.replace(/\.ts$/, ''));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the handler modules are found at build time
    for (const [exportName, value] of Object.entries(require(file) as Record<string, unknown>)) {
      if (isTaskFunction(value)) sources.set(value.name, { file, exportName });
    }
  }
  return sources;
}
