/**
 * `definition-too-large`: AWS refuses definitions over 1 MiB of UTF-8
 * (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html).
 */
import { MAX_DEFINITION_BYTES } from '../../asl';
import type { Check } from './check';
import { finding } from './finding';

/** Reports a definition whose compact JSON is already over AWS's size limit. */
export const checkDefinitionSize: Check = (machine) => {
  const bytes = jsonBytes(machine.definition);
  if (bytes === undefined || bytes <= MAX_DEFINITION_BYTES) return [];
  const size = (n: number): string => n.toLocaleString('en-US');
  return [
    finding(
      'definition-too-large',
      [],
      `Definition is ${size(bytes)} bytes of JSON, over the ${size(MAX_DEFINITION_BYTES)}-byte (1 MiB) limit of AWS Step Functions`,
    ),
  ];
};

function jsonBytes(definition: unknown): number | undefined {
  try {
    const json = JSON.stringify(definition);
    return json === undefined ? undefined : Buffer.byteLength(json, 'utf8');
  } catch {
    return undefined;
  }
}
