// Where in the filings screens the hash points: #/contracts (list), #/contracts/new, #/contracts/<filingId>/<version>.
import { useCallback, useSyncExternalStore } from 'react';

/** The navigation area that holds the enterprise's filings (see AppLayout). */
export const filingsArea = 'contracts';

export type FilingRoute = { view: 'list' } | { view: 'new' } | { view: 'filing'; filingId: string; version: number };

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

// A string snapshot: useSyncExternalStore compares snapshots with Object.is.
const readHash = () => window.location.hash;

export function parseFilingRoute(hash: string): FilingRoute {
  const [, sub, version] = hash.replace(/^#\/?/, '').split('?')[0]!.split('/');
  if (sub === 'new') return { view: 'new' };
  const number = Number(version);
  if (sub && /^[0-9a-f-]{36}$/i.test(sub) && Number.isInteger(number) && number >= 1) return { view: 'filing', filingId: sub, version: number };
  return { view: 'list' };
}

export function filingHref(route: FilingRoute): string {
  if (route.view === 'new') return `#/${filingsArea}/new`;
  if (route.view === 'filing') return `#/${filingsArea}/${route.filingId}/${route.version}`;
  return `#/${filingsArea}`;
}

export function useFilingRoute(): [FilingRoute, (route: FilingRoute) => void] {
  const hash = useSyncExternalStore(subscribe, readHash);
  const navigate = useCallback((route: FilingRoute) => {
    window.location.hash = filingHref(route);
  }, []);
  return [parseFilingRoute(hash), navigate];
}
