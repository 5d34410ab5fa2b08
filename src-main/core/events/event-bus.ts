// In-process event bus: core services emit, the IPC and WebSocket bridges forward to the UI.
import type { Topic, TopicPayload } from '../../../src-common/contract';
import type { EventListener } from '../core.types';

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<T extends Topic>(topic: T, payload: TopicPayload<T>): void {
    for (const listener of this.listeners) {
      try {
        listener(topic, payload);
      } catch {
        // A broken listener (a closed window, a dropped socket) must not stop the others.
      }
    }
  }

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
