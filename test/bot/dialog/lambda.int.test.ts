/** The code hook's Lambda entry, built from environment-style config, answering Lex events against dynalite and the engine. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../../api/storage/ensure-table';
import { chatSessionsTableSpec } from '../../../bot/dialog/chat-session-store';
import { loadConfig } from '../../../api/config';
import { createDialogLambda } from '../../../bot/dialog/lambda';
import { identityAttributes } from '../../../bot/dialog/verified-caller';
import { startApiStack, type ApiStack } from '../../helpers/api-stack';
import { lexEvent } from '../../helpers/lex-event';

let stack: ApiStack;

beforeAll(async () => {
  stack = await startApiStack();
  const client = new DynamoDBClient({
    endpoint: stack.config.dynamodbEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, chatSessionsTableSpec('bot-sessions'));
  client.destroy();
});

afterAll(async () => {
  await stack.stop();
});

describe('the code hook Lambda', () => {
  it('reads its tables and endpoints from the environment and answers a Lex event', async () => {
    const config = loadConfig({
      STATECRAFT_DATA_DIR: stack.config.dataDir,
      SFN_ENDPOINT: stack.config.sfnEndpoint,
      DYNAMODB_ENDPOINT: stack.config.dynamodbEndpoint,
      CHAT_SESSIONS_TABLE: 'bot-sessions',
    });
    const handler = createDialogLambda(config, stack.catalogue);
    const caller = { user: 'fiona', groups: ['viewers', 'finance'] };
    const token = await stack.token(caller.user, caller.groups);

    const response = await handler(
      lexEvent({ intent: 'ListWorkflows', requestAttributes: identityAttributes(caller, token), source: 'FulfillmentCodeHook' }),
    );

    expect(config.tables.chatSessions).toBe('bot-sessions');
    expect(response.sessionState).toMatchObject({ dialogAction: { type: 'Close' }, intent: { name: 'ListWorkflows', state: 'Fulfilled' } });
    const text = response.messages?.[0];
    const lines = (text && 'content' in text ? (text.content ?? '') : '').split('\n');
    expect(lines[0]).toBe('You can see 6 workflows:');
    expect(lines).toContain(
      '• refund-request: Checks a refund request against the order stored in the orders table and refunds the original charge.',
    );
    expect(lines).toContain(
      "• nightly-report: Collects each region's sales for the day, two regions at a time, and aggregates them. (you may watch it, not start it)",
    );
  });
});
