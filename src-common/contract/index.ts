// The one contract that crosses IPC and the web host's WebSocket: every method, typed from zod.
import type { z } from 'zod';
import type { Result } from '../result';
import { appContract } from './app.contract';
import { attachmentsContract } from './attachments.contract';
import { auditContract } from './audit.contract';
import { filingsContract } from './filings.contract';
import type { Topic, TopicPayload } from './events';
import { recordsContract } from './records.contract';
import { sessionContract } from './session.contract';
import { settingsContract } from './settings.contract';
import { signingContract } from './signing.contract';
import { syncContract } from './sync.contract';
import { vaultContract } from './vault.contract';

export const contract = {
  ...appContract,
  ...vaultContract,
  ...settingsContract,
  ...auditContract,
  ...sessionContract,
  ...syncContract,
  ...recordsContract,
  ...signingContract,
  ...filingsContract,
  ...attachmentsContract,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller passes (before defaults and transforms). */
export type MethodInput<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends Method> = z.output<Contract[M]['output']>;

export const methods = Object.keys(contract) as Method[];

export function isMethod(value: unknown): value is Method {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

/** What the preload and the WebSocket bridge both give the renderer. */
export interface LaborDeskBridge {
  invoke<M extends Method>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  subscribe<T extends Topic>(topic: T, listener: (payload: TopicPayload<T>) => void): () => void;
}

/** The IPC channel main sends events on (topic, payload); methods use their own names as channels. */
export const eventChannel = 'labordesk:event';

export * from './app.contract';
export * from './attachments.contract';
export * from './audit.contract';
export * from './events';
export * from './filings.contract';
export * from './records.contract';
export * from './session.contract';
export * from './settings.contract';
export * from './signing.contract';
export * from './sync.contract';
export * from './vault.contract';
export * from './wire';
