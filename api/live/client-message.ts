/** Parses what a live client sends: auth, subscribe, unsubscribe, ping. Anything else is an error message, never a throw. */
import type { LiveTopic } from './live-event';

/** A parsed client message. */
export type ClientMessage =
  | { type: 'auth'; token: string }
  | { type: 'subscribe'; topic: LiveTopic; since?: number }
  | { type: 'unsubscribe'; topic: LiveTopic }
  | { type: 'ping' };

/** The parsed message, or the reason it is malformed. */
export type ParsedClientMessage = { ok: true; message: ClientMessage } | { ok: false; reason: string };

const NAME = /^[A-Za-z0-9_-]{1,80}$/;

/** Parses one text frame. */
export function parseClientMessage(text: string): ParsedClientMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'messages are JSON objects' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'messages are JSON objects' };
  const fields = value as Record<string, unknown>;
  switch (fields.type) {
    case 'auth':
      return typeof fields.token === 'string' && fields.token !== ''
        ? { ok: true, message: { type: 'auth', token: fields.token } }
        : { ok: false, reason: 'auth needs a token' };
    case 'ping':
      return { ok: true, message: { type: 'ping' } };
    case 'subscribe':
    case 'unsubscribe': {
      const topic = topicOf(fields);
      if (typeof topic === 'string') return { ok: false, reason: topic };
      if (fields.type === 'unsubscribe') return { ok: true, message: { type: 'unsubscribe', topic } };
      const { since } = fields;
      if (since !== undefined && (typeof since !== 'number' || !Number.isSafeInteger(since) || since < 0))
        return { ok: false, reason: 'since is a sequence number (an integer >= 0)' };
      return { ok: true, message: { type: 'subscribe', topic, ...(since === undefined ? {} : { since }) } };
    }
    default:
      return { ok: false, reason: 'type is one of auth, subscribe, unsubscribe, ping' };
  }
}

function topicOf(fields: Record<string, unknown>): LiveTopic | string {
  const given = [fields.all === true, fields.workflow !== undefined, fields.runId !== undefined].filter(Boolean).length;
  if (given !== 1) return 'name exactly one of all: true, workflow or runId';
  if (fields.all === true) return { kind: 'all' };
  if (fields.workflow !== undefined)
    return typeof fields.workflow === 'string' && NAME.test(fields.workflow)
      ? { kind: 'workflow', workflow: fields.workflow }
      : 'workflow is a workflow name';
  return typeof fields.runId === 'string' && NAME.test(fields.runId)
    ? { kind: 'run', runId: fields.runId }
    : 'runId is 1 to 80 letters, digits, - or _';
}
