/** nextToken/maxResults paging over in-memory lists, with opaque tokens. */
import { StepFunctionsError } from './errors';

/** AWS's default page size for list and history calls. */
export const DEFAULT_PAGE_SIZE = 100;

/** One page of `items` and the token of the next one. */
export function paginate<T>(items: T[], maxResults: number | undefined, nextToken: string | undefined): { page: T[]; nextToken?: string } {
  const size = maxResults && maxResults > 0 ? maxResults : DEFAULT_PAGE_SIZE;
  let offset = 0;
  if (nextToken !== undefined) {
    const decoded = /^o(\d+)$/.exec(Buffer.from(nextToken, 'base64url').toString('utf8'));
    if (!decoded) throw new StepFunctionsError('ValidationException', `Invalid Token: '${nextToken}'`);
    offset = Number(decoded[1]);
  }
  const page = items.slice(offset, offset + size);
  const next = offset + size < items.length ? Buffer.from(`o${offset + size}`, 'utf8').toString('base64url') : undefined;
  return next ? { page, nextToken: next } : { page };
}
