// The client of the portal's RFC 3161 TSA: fetches the TSA certificate and turns a CAdES-BES .p7s into
// a CAdES-T (the portal's timestamp over the signature value, added as an unsigned attribute), checked
// against the TSA certificate before it is kept. Same HTTP pattern as portal-client.ts: a timeout on
// every request and failures as contract codes (SYNC_OFFLINE, PORTAL_UNAVAILABLE, the portal's own).
import { X509Certificate } from 'node:crypto';
import { CodedError, isErrorCode } from '../../../src-common/errors';
import type { Language } from '../../../src-common/language';
import {
  addSignatureTimestamp,
  createSignatureTimestampRequest,
  timestampTokenFromResponse,
  TimestampError,
  verifySignatureTimestamp,
} from '../../../src-common/signing/timestamp';

export interface TimestampClientOptions {
  baseUrl: string;
  /** Whole-request limit, body included. */
  timeoutMs: number;
  language: () => Language;
  fetch?: typeof fetch;
}

export class TimestampClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: TimestampClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? globalThis.fetch;
  }

  /** The portal TSA's certificate, DER (GET /api/v1/tsa/certificate; public). */
  async certificate(): Promise<Uint8Array> {
    const pem = new TextDecoder().decode(await this.request('GET', '/api/v1/tsa/certificate', { accept: 'application/x-pem-file' }));
    try {
      return new Uint8Array(new X509Certificate(pem).raw);
    } catch (error) {
      throw new CodedError('PORTAL_RESPONSE_INVALID', { reason: 'TSA certificate is not a PEM certificate' }, { cause: error });
    }
  }

  /**
   * `p7s` with the portal's signature timestamp (CAdES-T), verified against `tsaCertificates` (DER).
   * Throws TIMESTAMP_UNAVAILABLE when the TSA refuses, SIGNATURE_TIMESTAMP_INVALID / _UNTRUSTED when
   * its token does not check out, and the transport codes of `request`.
   */
  async timestamp(sessionToken: string, p7s: Uint8Array, tsaCertificates: Uint8Array[]): Promise<Uint8Array> {
    try {
      const request = await createSignatureTimestampRequest(p7s);
      const reply = await this.request('POST', '/api/v1/tsa', {
        accept: 'application/timestamp-reply',
        sessionToken,
        body: request.der,
        contentType: 'application/timestamp-query',
      });
      const stamped = addSignatureTimestamp(p7s, timestampTokenFromResponse(reply, request));
      const verdict = await verifySignatureTimestamp(stamped, tsaCertificates);
      if (!verdict.valid) throw new CodedError(verdict.code ?? 'SIGNATURE_TIMESTAMP_INVALID');
      return stamped;
    } catch (error) {
      if (error instanceof TimestampError) throw new CodedError(error.code, { reason: error.message }, { cause: error });
      throw error;
    }
  }

  private async request(
    method: string,
    path: string,
    options: { accept: string; sessionToken?: string; body?: Uint8Array; contentType?: string },
  ): Promise<Uint8Array> {
    const headers: Record<string, string> = { 'accept-language': this.options.language(), accept: `${options.accept}, application/json` };
    if (options.sessionToken) headers.authorization = `Bearer ${options.sessionToken}`;
    if (options.contentType) headers['content-type'] = options.contentType;
    let response: Response;
    let body: Uint8Array;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(options.body ? { body: Uint8Array.from(options.body) } : {}),
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'error',
      });
      body = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      // Refused, reset, DNS, TLS, timeout, or the body cut off half-way: all "cannot reach the portal".
      throw new CodedError('SYNC_OFFLINE', { reason: error instanceof Error ? error.name : 'unknown' }, { cause: error });
    }
    if (response.status >= 500) throw new CodedError('PORTAL_UNAVAILABLE', { status: response.status });
    if (response.status >= 400) throw refusal(response.status, body);
    return body;
  }
}

/** A 4xx answer: the portal's own code when it sent one (a portal without a TSA answers NOT_FOUND). */
function refusal(status: number, body: Uint8Array): CodedError {
  let error: { code?: unknown; details?: unknown } | undefined;
  try {
    error = (JSON.parse(new TextDecoder().decode(body)) as { error?: typeof error }).error;
  } catch {
    error = undefined;
  }
  if (error && isErrorCode(error.code)) return new CodedError(error.code, error.details);
  if (status === 401) return new CodedError('AUTH_REQUIRED');
  if (status === 404) return new CodedError('NOT_FOUND');
  if (status === 429) return new CodedError('RATE_LIMITED');
  return new CodedError('PORTAL_RESPONSE_INVALID', { status });
}
