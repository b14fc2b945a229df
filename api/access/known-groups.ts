/** Every group the product's access rule can name: the global roles and each group a workflow's access or approval steps name. */
import type { CatalogueEntry } from '../catalogue/workflow-catalogue';
import { ROLE_GROUPS } from './access-rule';

/** The groups, without repeats: offered by the local sign-in, created in the Cognito user pool by the deploy. */
export function knownGroups(entries: readonly Pick<CatalogueEntry, 'access'>[]): string[] {
  const named = entries.flatMap((entry) => [
    ...(entry.access.read.groups ?? []),
    ...(entry.access.operate.groups ?? []),
    ...(entry.access.approvers.groups ?? []),
  ]);
  return [...new Set([...ROLE_GROUPS.read, ...ROLE_GROUPS.operate, ...named])];
}
