/**
 * Tags of state machines and activities as the API takes them: keys of 1–128 and values of 0–256
 * characters, made of Unicode letters, digits, white space and `_ . : / = + - @`, at most 50 per
 * resource. https://docs.aws.amazon.com/step-functions/latest/apireference/API_Tag.html
 * https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
 */
import type { ResourceTag } from '../engine';
import { StepFunctionsError } from './errors';
import type { RequestBody } from './request-fields';

/** Most tags one resource may have. */
export const MAX_TAGS_PER_RESOURCE = 50;
const MAX_KEY_LENGTH = 128;
const MAX_VALUE_LENGTH = 256;
const TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const TAG_PATTERN_TEXT = '^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$';

/** AWS's validation wording: "N validation error(s) detected: a; b". */
function validationError(problems: string[]): StepFunctionsError {
  const count = `${problems.length} validation error${problems.length > 1 ? 's' : ''} detected`;
  return new StepFunctionsError('ValidationException', `${count}: ${problems.join('; ')}`);
}

/** The constraint `text` (at `where`) breaks, if any. */
function problemOf(text: string, where: string, minLength: number, maxLength: number): string | undefined {
  const at = `Value '${text}' at '${where}' failed to satisfy constraint: Member must`;
  if (text.length < minLength) return `${at} have length greater than or equal to ${minLength}`;
  if (text.length > maxLength) return `${at} have length less than or equal to ${maxLength}`;
  if (!TAG_PATTERN.test(text)) return `${at} satisfy regular expression pattern: ${TAG_PATTERN_TEXT}`;
  return undefined;
}

function listOf(body: RequestBody, field: string): unknown[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new StepFunctionsError('SerializationException', `Expected list for '${field}'`);
  return value as unknown[];
}

/** The `tags` list of a request (empty when absent unless `required`), validated. */
export function tagsOf(body: RequestBody, { required = false } = {}): ResourceTag[] {
  const field = 'tags';
  const given = listOf(body, field);
  if (!given && required) throw validationError([`Value null at '${field}' failed to satisfy constraint: Member must not be null`]);
  const list = given ?? [];
  const problems: string[] = [];
  const tags = list.map((item, index): ResourceTag => {
    if (item === null || typeof item !== 'object' || Array.isArray(item))
      throw new StepFunctionsError('SerializationException', `Expected structure for '${field}'`);
    const { key, value = '' } = item as { key?: unknown; value?: unknown };
    if ((key !== undefined && key !== null && typeof key !== 'string') || (value !== null && typeof value !== 'string')) {
      throw new StepFunctionsError('SerializationException', `Expected string for the key and value of '${field}'`);
    }
    const where = `${field}.${index + 1}.member`;
    if (key === undefined || key === null)
      problems.push(`Value null at '${where}.key' failed to satisfy constraint: Member must not be null`);
    else {
      const problem = problemOf(key, `${where}.key`, 1, MAX_KEY_LENGTH);
      if (problem) problems.push(problem);
    }
    const problem = problemOf(value ?? '', `${where}.value`, 0, MAX_VALUE_LENGTH);
    if (problem) problems.push(problem);
    return { key: String(key), value: value ?? '' };
  });
  if (problems.length) throw validationError(problems);
  return tags;
}

/** The required `tagKeys` list of UntagResource, validated. */
export function tagKeysOf(body: RequestBody): string[] {
  const list = listOf(body, 'tagKeys');
  if (!list) throw validationError([`Value null at 'tagKeys' failed to satisfy constraint: Member must not be null`]);
  const problems: string[] = [];
  const keys = list.map((key, index) => {
    if (typeof key !== 'string') throw new StepFunctionsError('SerializationException', "Expected string for 'tagKeys'");
    const problem = problemOf(key, `tagKeys.${index + 1}.member`, 1, MAX_KEY_LENGTH);
    if (problem) problems.push(problem);
    return key;
  });
  if (problems.length) throw validationError(problems);
  return keys;
}

/** `current` with `added` set on top (a key given again takes the new value, in its old place). */
export function mergeTags(current: readonly ResourceTag[], added: readonly ResourceTag[]): ResourceTag[] {
  const merged = new Map(current.map((tag) => [tag.key, tag.value]));
  for (const tag of added) merged.set(tag.key, tag.value);
  return [...merged].map(([key, value]) => ({ key, value }));
}

/** Throws TooManyTags when `resourceArn` would carry more than 50 tags. */
export function checkTagCount(resourceArn: string, tags: readonly ResourceTag[]): void {
  if (tags.length <= MAX_TAGS_PER_RESOURCE) return;
  throw new StepFunctionsError(
    'TooManyTags',
    `Too many tags: '${resourceArn}' would have ${tags.length} tags; the limit is ${MAX_TAGS_PER_RESOURCE}`,
    400,
    {
      fields: { resourceName: resourceArn },
    },
  );
}
