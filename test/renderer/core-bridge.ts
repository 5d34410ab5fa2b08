// A LaborDeskBridge straight over a real core (no transport), for renderer component tests.
import type { LaborDeskBridge } from '../../src-common/contract';
import type { Core } from '../../src-main/core/index';

export function bridgeOverCore(core: Core): LaborDeskBridge {
  return {
    // core.invoke is untyped (it validates at run time); the contract types the renderer's side.
    invoke: ((method: string, input: unknown) => core.invoke(method, input)) as LaborDeskBridge['invoke'],
    subscribe: (topic, listener) =>
      core.onEvent((eventTopic, payload) => {
        if (eventTopic === topic) listener(payload as Parameters<typeof listener>[0]);
      }),
  };
}
