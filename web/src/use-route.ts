/** The console's routes, in the URL hash (#/workflows/deploy-service), so a reload or a shared link opens the same page. */
import { useEffect, useState } from 'react';

/** A page and its parameter. */
export type Route =
  { page: 'catalogue' } | { page: 'workflow'; name: string } | { page: 'runs' } | { page: 'run'; runId: string } | { page: 'approvals' };

/** Reads a hash. */
export function parseRoute(hash: string): Route {
  const [first, second] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (first === 'workflows' && second) return { page: 'workflow', name: second };
  if (first === 'runs' && second) return { page: 'run', runId: second };
  if (first === 'runs') return { page: 'runs' };
  if (first === 'approvals') return { page: 'approvals' };
  return { page: 'catalogue' };
}

/** The hash of a route. */
export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'workflow':
      return `#/workflows/${encodeURIComponent(route.name)}`;
    case 'run':
      return `#/runs/${encodeURIComponent(route.runId)}`;
    case 'runs':
      return '#/runs';
    case 'approvals':
      return '#/approvals';
    default:
      return '#/';
  }
}

/** The current route, following hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}
