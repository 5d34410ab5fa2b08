// Hash routing (#/settings): survives reloads, needs no server routes, keeps ?token= untouched.
import { useCallback, useSyncExternalStore } from 'react';
import { areaHref, defaultAreaId, isAreaId, type AreaId } from './areas';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function readArea(): AreaId {
  const id = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isAreaId(id) ? id : defaultAreaId;
}

export function useHashRoute(): [AreaId, (id: AreaId) => void] {
  const area = useSyncExternalStore(subscribe, readArea);
  const navigate = useCallback((id: AreaId) => {
    window.location.hash = areaHref(id);
  }, []);
  return [area, navigate];
}
