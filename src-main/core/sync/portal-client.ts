// The HTTP client of the central portal: timeouts on every request, answers checked with the shared
// schemas, failures turned into contract error codes (offline, portal trouble, refusals).
import type { z } from 'zod';
import { CodedError, isErrorCode } from '../../../src-common/errors';
import type { Language } from '../../../src-common/language';
import {
  sessionResponseSchema,
  tokenChallengeResponseSchema,
  type SessionResponse,
  type TokenChallengeResponse,
} from '../../../src-common/portal-api/auth.api';
import type { Mutation } from '../../../src-common/portal-api/mutations';
import { receiptKeyResponseSchema, type ReceiptKeyResponse } from '../../../src-common/portal-api/receipt-key.api';
import { pullResponseSchema, pushResponseSchema, type PullResponse, type PushResult } from '../../../src-common/portal-api/sync.api';

export interface PortalClientOptions {
  baseUrl: string;
  /** Whole-request limit, body included: a stalled portal must not hold a sync forever. */
  timeoutMs: number;
  language: () => Language;
  fetch?: typeof fetch;
}

/** What the sync engine and the session need from the portal (tests use the real one, over HTTP). */
export interface PortalClient {
  readonly baseUrl: string;
  login(username: string, password: string): Promise<SessionResponse>;
  /** Token sign-in, step 1: a one-time challenge to sign on the token. */
  tokenChallenge(): Promise<TokenChallengeResponse>;
  /** Token sign-in, step 2: the challenge and its detached CAdES signature (base64). */
  tokenLogin(challenge: string, signature: string): Promise<SessionResponse>;
  changePassword(token: string, currentPassword: string, newPassword: string): Promise<SessionResponse>;
  logout(token: string): Promise<void>;
  push(token: string, mutations: readonly Mutation[]): Promise<PushResult[]>;
  pull(token: string, cursor: string, limit: number): Promise<PullResponse>;
  /** The public key the portal signs receipts with (public, no session needed). */
  receiptKey(): Promise<ReceiptKeyResponse>;
}

export class HttpPortalClient implements PortalClient {
  readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: PortalClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? globalThis.fetch;
  }

  login(username: string, password: string) {
    return this.request('POST', '/api/v1/auth/login', sessionResponseSchema, { body: { username, password } });
  }

  tokenChallenge() {
    return this.request('POST', '/api/v1/auth/token-challenge', tokenChallengeResponseSchema, {});
  }

  tokenLogin(challenge: string, signature: string) {
    return this.request('POST', '/api/v1/auth/token-login', sessionResponseSchema, { body: { challenge, signature } });
  }

  changePassword(token: string, currentPassword: string, newPassword: string) {
    return this.request('POST', '/api/v1/auth/change-password', sessionResponseSchema, { token, body: { currentPassword, newPassword } });
  }

  async logout(token: string): Promise<void> {
    await this.request('POST', '/api/v1/auth/logout', null, { token });
  }

  async push(token: string, mutations: readonly Mutation[]): Promise<PushResult[]> {
    const answer = await this.request('POST', '/api/v1/sync/push', pushResponseSchema, { token, body: { mutations } });
    // Every mutation must be answered, by id; anything else is a broken answer, not a partial success.
    const ids = new Set(mutations.map((m) => m.id));
    if (answer.results.length !== mutations.length || answer.results.some((r) => !ids.has(r.id))) {
      throw new CodedError('PORTAL_RESPONSE_INVALID', { reason: 'push answer does not match the batch' });
    }
    return answer.results;
  }

  pull(token: string, cursor: string, limit: number) {
    return this.request('GET', `/api/v1/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=${limit}`, pullResponseSchema, { token });
  }

  receiptKey() {
    return this.request('GET', '/api/v1/portal/receipt-key', receiptKeyResponseSchema, {});
  }

  private async request<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S | null,
    options: { token?: string; body?: unknown },
  ): Promise<z.output<S>> {
    const headers: Record<string, string> = { 'accept-language': this.options.language(), accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'error',
      });
      text = await response.text();
    } catch (error) {
      // Refused, reset, DNS, TLS, timeout, or the body cut off half-way: all "cannot reach the portal".
      throw new CodedError('SYNC_OFFLINE', { reason: errorName(error) }, { cause: error });
    }
    if (response.status >= 500) throw new CodedError('PORTAL_UNAVAILABLE', { status: response.status });
    let body: unknown = null;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch (error) {
        throw new CodedError('PORTAL_RESPONSE_INVALID', { status: response.status, reason: 'not JSON' }, { cause: error });
      }
    }
    if (response.status >= 400) throw refusal(response.status, body);
    if (schema === null) return undefined as z.output<S>;
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new CodedError('PORTAL_RESPONSE_INVALID', { status: response.status, reason: 'unexpected shape' });
    return parsed.data;
  }
}

/** A 4xx answer: the portal's own code when we know it (same table on both sides). */
function refusal(status: number, body: unknown): CodedError {
  const error = (body as { error?: { code?: unknown; details?: unknown } } | null)?.error;
  if (error && isErrorCode(error.code)) return new CodedError(error.code, error.details);
  if (status === 401) return new CodedError('AUTH_REQUIRED');
  if (status === 413) return new CodedError('PAYLOAD_TOO_LARGE');
  if (status === 429) return new CodedError('RATE_LIMITED');
  return new CodedError('PORTAL_RESPONSE_INVALID', { status });
}

function errorName(error: unknown): string {
  if (error instanceof Error) return (error.cause as { code?: string } | undefined)?.code ?? error.name;
  return 'unknown';
}

/** Failures worth retrying later (the portal or the network), as opposed to refusals. */
export function isTransient(code: string): boolean {
  return code === 'SYNC_OFFLINE' || code === 'PORTAL_UNAVAILABLE' || code === 'PORTAL_RESPONSE_INVALID' || code === 'RATE_LIMITED';
}
