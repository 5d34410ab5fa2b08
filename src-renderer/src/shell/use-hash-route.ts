// Hash routing (#/settings, #/sync): survives reloads, needs no server routes, keeps ?token= untouched.
import { useCallback, useSyncExternalStore } from 'react';
import { areaHref, defaultAreaId, isRouteId, type RouteId } from './areas';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function readRoute(): RouteId {
  const id = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isRouteId(id) ? id : defaultAreaId;
}

export function useHashRoute(): [RouteId, (id: RouteId) => void] {
  const route = useSyncExternalStore(subscribe, readRoute);
  const navigate = useCallback((id: RouteId) => {
    window.location.hash = areaHref(id);
  }, []);
  return [route, navigate];
}
