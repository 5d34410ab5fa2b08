// How far the current pull has got (rows stored), from the core's progress events, for the sync badge.
import { useEffect, useState } from 'react';
import { useBridge } from '../bridge/BridgeContext';

export interface PullProgress {
  done: number;
  finished: boolean;
}

export function usePullProgress(): PullProgress | null {
  const bridge = useBridge();
  const [progress, setProgress] = useState<PullProgress | null>(null);
  useEffect(
    () =>
      bridge.subscribe('progress', (event) => {
        if (event.task === 'sync.pull') setProgress({ done: event.done, finished: event.finished });
      }),
    [bridge],
  );
  return progress;
}
