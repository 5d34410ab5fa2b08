// The client of the portal's attachment routes: HEAD /api/v1/attachments/:sha256 (does the enterprise
// hold these bytes already?) and PUT (upload them). Same HTTP pattern as portal-client.ts: a timeout on
// every request (longer for a large upload) and failures as contract codes.
import { CodedError, isErrorCode } from '../../../src-common/errors';
import type { Language } from '../../../src-common/language';
import { attachmentUploadResponseSchema } from '../../../src-common/portal-api/attachments.api';

export interface AttachmentUploadClientOptions {
  baseUrl: string;
  /** Whole-request limit for a small request; an upload gets a second more per 50 kB on top. */
  timeoutMs: number;
  language: () => Language;
  fetch?: typeof fetch;
}

/** A branch office line may be slow: an upload is given time in proportion to its size. */
const uploadBytesPerSecond = 50_000;

export class AttachmentUploadClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: AttachmentUploadClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? globalThis.fetch;
  }

  /** Whether the portal holds these bytes for the account's enterprise. */
  async has(sessionToken: string, sha256: string): Promise<boolean> {
    const response = await this.send('HEAD', sha256, sessionToken, this.options.timeoutMs);
    if (response.status === 404) return false;
    await this.check(response);
    return true;
  }

  /** Uploads the bytes; the portal recomputes the hash and checks the type (its refusals come back as codes). */
  async upload(sessionToken: string, sha256: string, mime: string, bytes: Uint8Array): Promise<void> {
    const timeoutMs = this.options.timeoutMs + Math.ceil(bytes.length / uploadBytesPerSecond) * 1000;
    const response = await this.send('PUT', sha256, sessionToken, timeoutMs, { mime, bytes });
    const body = await this.check(response);
    const answer = attachmentUploadResponseSchema.safeParse(body);
    if (!answer.success || answer.data.sha256 !== sha256) throw new CodedError('PORTAL_RESPONSE_INVALID', { reason: 'unexpected upload answer' });
  }

  private async send(method: 'HEAD' | 'PUT', sha256: string, sessionToken: string, timeoutMs: number, body?: { mime: string; bytes: Uint8Array }): Promise<Response> {
    const headers: Record<string, string> = { 'accept-language': this.options.language(), accept: 'application/json', authorization: `Bearer ${sessionToken}` };
    if (body) headers['content-type'] = body.mime;
    try {
      return await this.fetchImpl(`${this.baseUrl}/api/v1/attachments/${encodeURIComponent(sha256)}`, {
        method,
        headers,
        ...(body ? { body: Uint8Array.from(body.bytes) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      // Refused, reset, DNS, TLS, timeout: all "cannot reach the portal".
      throw new CodedError('SYNC_OFFLINE', { reason: error instanceof Error ? error.name : 'unknown' }, { cause: error });
    }
  }

  /** The parsed JSON body of a 2xx answer; a coded error otherwise. */
  private async check(response: Response): Promise<unknown> {
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new CodedError('SYNC_OFFLINE', { reason: 'body cut off' }, { cause: error });
    }
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    if (response.status >= 500) throw new CodedError('PORTAL_UNAVAILABLE', { status: response.status });
    if (response.status >= 400) {
      const error = (body as { error?: { code?: unknown; details?: unknown } } | null)?.error;
      if (error && isErrorCode(error.code)) throw new CodedError(error.code, error.details);
      if (response.status === 401) throw new CodedError('AUTH_REQUIRED');
      if (response.status === 413) throw new CodedError('PAYLOAD_TOO_LARGE');
      if (response.status === 429) throw new CodedError('RATE_LIMITED');
      throw new CodedError('PORTAL_RESPONSE_INVALID', { status: response.status });
    }
    return body;
  }
}
