/**
 * The functions Step Functions adds to JSONata: $partition, $range, $hash, $random, $uuid, $parse.
 * https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html#jsonata-functions
 */
import { createHash, randomUUID } from 'node:crypto';
import { JsonataFunctionError } from '../errors';

const HASH_ALGORITHMS: Record<string, string> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

function partition(array: unknown, size: unknown): unknown[][] {
  if (!Array.isArray(array)) throw new JsonataFunctionError('$partition', 'the first argument must be an array');
  if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0) {
    throw new JsonataFunctionError('$partition', 'the chunk size must be a positive integer');
  }
  const out: unknown[][] = [];
  for (let i = 0; i < array.length; i += size) out.push(array.slice(i, i + size));
  return out;
}

function range(start: unknown, end: unknown, step: unknown): number[] {
  if (![start, end, step].every((n) => typeof n === 'number' && Number.isInteger(n))) {
    throw new JsonataFunctionError('$range', 'start, end and step must be integers');
  }
  const [from, to, by] = [start, end, step] as number[];
  if (by === 0) throw new JsonataFunctionError('$range', 'step must not be 0');
  const out: number[] = [];
  for (let n = from; by > 0 ? n <= to : n >= to; n += by) out.push(n);
  return out;
}

function hash(data: unknown, algorithm: unknown): string {
  const name = typeof algorithm === 'string' ? HASH_ALGORITHMS[algorithm] : undefined;
  if (!name) throw new JsonataFunctionError('$hash', `unsupported algorithm ${String(algorithm)}`);
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  return createHash(name).update(text).digest('hex');
}

/** A deterministic generator for `$random(seed)`: mulberry32 over the seed's integer part. */
function seededRandom(seed: number): number {
  let t = (Math.trunc(seed) + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function random(seed?: unknown): number {
  if (seed === undefined) return Math.random();
  if (typeof seed !== 'number') throw new JsonataFunctionError('$random', 'the seed must be a number');
  return seededRandom(seed);
}

function parse(text: unknown): unknown {
  if (typeof text !== 'string') throw new JsonataFunctionError('$parse', 'the argument must be a string');
  try {
    return JSON.parse(text);
  } catch {
    throw new JsonataFunctionError('$parse', 'the argument is not valid JSON');
  }
}

/** Name → implementation of every AWS-specific JSONata function. */
export const AWS_JSONATA_FUNCTIONS: Readonly<Record<string, (...args: unknown[]) => unknown>> = {
  partition: (array, size) => partition(array, size),
  range: (start, end, step) => range(start, end, step),
  hash: (data, algorithm) => hash(data, algorithm),
  random: (seed) => random(seed),
  uuid: () => randomUUID(),
  parse: (text) => parse(text),
};

/** Whether a JSONata expression may evaluate differently each time (so its result must be memoised). */
export function isNondeterministicJsonata(text: string): boolean {
  return /\$(random|uuid|now|millis)\s*\(/.test(text);
}
