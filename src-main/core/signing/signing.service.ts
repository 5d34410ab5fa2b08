// The `token:*` and `signing:*` areas: which token library is used, its tokens and certificates, a
// test signature, and verification of any .p7s against the trust list.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SignFilesOutput, TokenCertificateView, Verdict } from '../../../src-common/contract';
import { CodedError, errorMessage, type ErrorCode } from '../../../src-common/errors';
import type { Language } from '../../../src-common/language';
import { filingSigningBytes } from '../../../src-common/signing/filing-bytes';
import { certificatesFromFile, trustListFilePattern } from '../../../src-common/signing/trust-list';
import { verifyCadesDetached, type CadesVerdict } from '../../../src-common/signing/verify-cades';
import type { EventBus } from '../events/event-bus';
import { detectModules, readCatalogue, type DetectedModule } from '../token/module-catalogue';
import { Pkcs11Library } from '../token/pkcs11-token';
import { checkSigningCertificate, signBatch, type BatchItem, type BatchOutcome } from './batch-signer';

export interface SigningServiceDeps {
  resourcesDir: string;
  /** Folder of trusted CA certificates (PEM/DER). */
  trustDir: string;
  customModulePath: () => string;
  /** Trusted TSA certificates (DER) for signature timestamps; none when no account is open. */
  timestampAuthorities?: () => Uint8Array[];
  /** The portal's timestamp on a signature (CAdES-T); throws when there is no account or no connection. */
  timestamp?: (p7s: Uint8Array) => Promise<Uint8Array>;
  now: () => Date;
  language: () => Language;
  /** Where batch signing reports its progress (never with the PIN). */
  events: EventBus;
}

const dayMs = 86_400_000;

export class SigningService {
  private library: Pkcs11Library | null = null;

  constructor(private readonly deps: SigningServiceDeps) {}

  modules(): { modules: DetectedModule[]; selected: string | null } {
    const custom = this.deps.customModulePath();
    const modules = detectModules(readCatalogue(this.deps.resourcesDir), custom ? { customPath: custom } : {});
    return { modules, selected: (custom || modules.find((m) => m.present)?.path) ?? null };
  }

  /** The loaded library for the selected module; reloaded when the selection changes. */
  private open(): Pkcs11Library {
    const path = this.modules().selected;
    if (!path) throw new CodedError('TOKEN_MODULE_NOT_FOUND', { path: null });
    if (this.library?.modulePath !== path) {
      this.library?.close();
      this.library = null;
      const library = new Pkcs11Library(path);
      library.load();
      this.library = library;
    }
    return this.library;
  }

  list() {
    const library = this.open();
    const tokens = library.tokens();
    const now = this.deps.now().getTime();
    const certificates: TokenCertificateView[] = tokens.flatMap((token) =>
      library.certificates(token.label).map(({ der: _der, ...cert }) => ({
        ...cert,
        tokenLabel: token.label,
        daysLeft: Math.floor((new Date(cert.validTo).getTime() - now) / dayMs),
      })),
    );
    return { modulePath: library.modulePath, tokens: tokens.map(({ slot: _slot, ...t }) => t), certificates };
  }

  async test(input: { tokenLabel: string; certificateId: string; pin: string; text: string }): Promise<{ p7s: string; verdict: Verdict }> {
    const library = this.open();
    const certificate = library.certificates(input.tokenLabel).find((c) => c.id === input.certificateId);
    if (!certificate) throw new CodedError('TOKEN_KEY_NOT_FOUND', { id: input.certificateId });
    // A test "filing": the text itself, signed like any filing payload.
    const payload = { test: input.text };
    const content = filingSigningBytes(payload);
    const outcome = await signBatch([{ id: 'test', content }], {
      library,
      tokenLabel: input.tokenLabel,
      certificate,
      pin: input.pin,
      now: this.deps.now,
    });
    const p7s = outcome.signed.get('test');
    if (!p7s) throw new CodedError(outcome.stoppedBy ?? 'INTERNAL_ERROR');
    return { p7s, verdict: await this.verify(p7s, Buffer.from(content).toString('base64')) };
  }

  async verify(p7sBase64: string, contentBase64: string, expectedParty?: string): Promise<Verdict> {
    const verdict = await verifyCadesDetached(Buffer.from(p7sBase64, 'base64'), Buffer.from(contentBase64, 'base64'), {
      trustedCertificates: this.trustList(),
      trustedTimestampAuthorities: this.deps.timestampAuthorities?.() ?? [],
      ...(expectedParty ? { expectedParty } : {}),
    });
    return this.describe(verdict);
  }

  private trustList(): Uint8Array[] {
    const dir = this.deps.trustDir;
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => trustListFilePattern.test(name))
      .flatMap((name) => certificatesFromFile(readFileSync(join(dir, name))));
  }

  private describe(verdict: CadesVerdict): Verdict {
    const language = this.deps.language();
    const message = verdict.valid
      ? language === 'vi'
        ? 'Chữ ký số hợp lệ.'
        : 'The digital signature is valid.'
      : errorMessage((verdict.code ?? 'SIGNATURE_INVALID') as ErrorCode, language);
    return { ...verdict, message };
  }

  close(): void {
    this.library?.close();
    this.library = null;
  }

  /** Running file batches by task id, so `signing:cancel` can stop them. */
  private readonly runningBatches = new Map<string, AbortController>();

  /**
   * Signs each file's bytes as a detached CAdES-BES .p7s with one login; progress goes out as `progress`
   * events for `taskId`. A cancel or a pulled-out token keeps the signed files and names the rest.
   */
  async signFiles(input: {
    tokenLabel: string;
    certificateId: string;
    pin: string;
    taskId: string;
    files: { name: string; content: string }[];
  }): Promise<SignFilesOutput> {
    const { files } = input;
    // Ids are positions: names are unique (the contract checks) but need no escaping this way.
    const outcome = await this.signTask(
      { ...input, task: 'signing.files' },
      files.map((file, index) => ({ id: String(index), content: Buffer.from(file.content, 'base64') })),
    );
    const signed = await this.timestamped(
      files.flatMap((file, index) => {
        const p7s = outcome.signed.get(String(index));
        return p7s ? [{ name: file.name, p7s }] : [];
      }),
    );
    const unsigned = outcome.unsigned.map((id) => files[Number(id)]!.name);
    const stoppedBy = outcome.stoppedBy ? { code: outcome.stoppedBy, message: errorMessage(outcome.stoppedBy, this.deps.language()) } : undefined;
    return { signed, unsigned, ...(stoppedBy ? { stoppedBy } : {}) };
  }

  /**
   * A batch signed after one login as a cancellable task: `progress` events for `taskId` (never the
   * PIN), `signing:cancel` stops it after the item being signed, a pulled-out token keeps what is signed.
   * Files and filings alike go through here.
   */
  async signTask(
    input: { tokenLabel: string; certificateId: string; pin: string; taskId: string; task: string },
    items: BatchItem[],
  ): Promise<BatchOutcome & { signer: { commonName: string | null; partyId: string | null } }> {
    const { taskId, task } = input;
    if (this.runningBatches.has(taskId)) throw new CodedError('VALIDATION_FAILED', { issues: [{ path: 'taskId', message: 'task already running' }] });
    const library = this.open();
    const certificate = library.certificates(input.tokenLabel).find((c) => c.id === input.certificateId);
    if (!certificate) throw new CodedError('TOKEN_KEY_NOT_FOUND', { id: input.certificateId });
    const total = items.length;
    const controller = new AbortController();
    let done = 0;
    this.runningBatches.set(taskId, controller);
    this.deps.events.emit('progress', { taskId, task, done, total, finished: false });
    try {
      const outcome = await signBatch(items, {
        library,
        tokenLabel: input.tokenLabel,
        certificate,
        pin: input.pin,
        now: this.deps.now,
        signal: controller.signal,
        onProgress: (signedSoFar) => {
          done = signedSoFar;
          this.deps.events.emit('progress', { taskId, task, done, total, finished: false });
        },
      });
      const commonName = /(?:^|\n)CN=([^\n]+)/.exec(certificate.subject)?.[1] ?? null;
      return { ...outcome, signer: { commonName, partyId: certificate.partyId } };
    } finally {
      this.runningBatches.delete(taskId);
      // Finished, whatever happened (a wrong PIN included): the dialog stops waiting.
      this.deps.events.emit('progress', { taskId, task, done, total, finished: true });
    }
  }

  /**
   * Online, each signature gets the portal's timestamp (CAdES-T). Best effort: the first failure (offline,
   * signed out, no TSA) leaves it and the rest as they are, valid CAdES-BES, rather than waiting on a bad line.
   */
  private async timestamped(signed: { name: string; p7s: string }[]): Promise<{ name: string; p7s: string; timestamped: boolean }[]> {
    const out = signed.map((file) => ({ ...file, timestamped: false }));
    const stamp = this.deps.timestamp;
    if (!stamp) return out;
    for (const file of out) {
      try {
        file.p7s = Buffer.from(await stamp(Buffer.from(file.p7s, 'base64'))).toString('base64');
        file.timestamped = true;
      } catch {
        break;
      }
    }
    return out;
  }

  /** Stops a running batch after the file being signed; false when no such batch runs. */
  cancel(taskId: string): { cancelled: boolean } {
    const controller = this.runningBatches.get(taskId);
    controller?.abort();
    return { cancelled: controller !== undefined };
  }

  /**
   * Token sign-in's signature: checks the certificate first (validity, key strength), then lets
   * `contentFor` fetch the bytes to sign (the portal's challenge) knowing whose certificate it is, then
   * signs them with one login and logs out. The PIN serves that login only.
   */
  async signChallenge(
    input: { tokenLabel: string; certificateId: string; pin: string },
    contentFor: (certificate: { partyId: string | null }) => Promise<Uint8Array>,
  ): Promise<string> {
    const library = this.open();
    const certificate = library.certificates(input.tokenLabel).find((c) => c.id === input.certificateId);
    if (!certificate) throw new CodedError('TOKEN_KEY_NOT_FOUND', { id: input.certificateId });
    checkSigningCertificate(certificate.der, this.deps.now());
    const content = await contentFor({ partyId: certificate.partyId });
    const outcome = await signBatch([{ id: 'challenge', content }], {
      library,
      tokenLabel: input.tokenLabel,
      certificate,
      pin: input.pin,
      now: this.deps.now,
    });
    const p7s = outcome.signed.get('challenge');
    if (!p7s) throw new CodedError(outcome.stoppedBy ?? 'INTERNAL_ERROR');
    return p7s;
  }
}
