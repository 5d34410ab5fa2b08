// Benchmark: signing filings on a PKCS#11 token (SoftHSM2) and verifying them.
// - sign-batch-overhead: `signBatch` of 1,000 filings' bytes (one CAdES-BES per filing) over the time of 1,000 raw
//   `TokenSession.sign` (C_SignInit + C_Sign) calls on bytes of the same size, in the same run.
// - cms-verify: one `CadesVerifier` checking 1,000 of those signatures, one after another, in this thread.
// - portal-push-signed: signed `filing.submit` mutations accepted per second by a portal (own process,
//   durable PostgreSQL) that trusts the test CA and verifies every signature.
import { X509Certificate, createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signBatch, type BatchItem } from '../src-main/core/signing/batch-signer';
import { createCadesBes } from '../src-main/core/signing/cades';
import { Pkcs11Library, type TokenCertificate } from '../src-main/core/token/pkcs11-token';
import { filingSigningBytes } from '../src-common/signing/filing-bytes';
import { CadesVerifier } from '../src-common/signing/verify-cades';
import { uuidv7 } from '../src-common/domain/uuidv7';
import type { Mutation } from '../src-common/portal-api/mutations';
import { startThrowawayPostgres } from '../scripts/throwaway-postgres';
import { fixtureEmployerId, validContractRegistration } from '../test/fixtures/overseas-filings';
import { createTestToken } from '../test/fixtures/softhsm-token.mjs';
import { median, writeResult, type BenchResult } from './machine';
import { pushAll, signInAdmin } from './portal-fixtures';
import { startPortalProcess } from './portal-process';

const SIGNATURES = 1_000;
const PUSHED = 2_000;
const BATCH = 200;
/** Batches pushed first and not counted (JIT, pool, plan caches); they are signed and verified too. */
const WARMUP_BATCHES = 1;
/** Raw and batch are each run this many times, alternately; the median of each is compared. */
const ROUNDS = 3;
/** Tax code of the enterprise and the MST on the test certificates (valid check digit). */
const TAX_CODE = '0100684378';
const OVERHEAD_TARGET = 1.1;
const PUSH_TARGET = 400;

const round = (n: number) => Math.round(n);

/** Four small PDFs: the attachments every registration names (uploaded once to the portal, by hash). */
const attachmentFiles = (['registrationLetter', 'contractCopy', 'certifiedTranslation', 'employerLegalStatus'] as const).map((kind) => {
  const bytes = Buffer.from(`%PDF-1.4\n% ${kind} — tệp đính kèm của hồ sơ đo hiệu năng\n%%EOF\n`);
  return { kind, bytes, attachment: { kind, name: `${kind}.pdf`, mime: 'application/pdf' as const, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') } };
});

/** A contract registration as enterprises file them: 3 workers, the Art. 19 terms, four attachments. */
function filingPayload(n: number, employerId = fixtureEmployerId) {
  return {
    filingId: uuidv7(),
    version: 1,
    type: 'contractRegistration',
    title: `Đăng ký hợp đồng cung ứng ${String(n).padStart(4, '0')}/2026`,
    content: validContractRegistration({ employerId, contractNumber: `HĐ-${n}/2026`, attachments: attachmentFiles.map((f) => f.attachment) }, 3),
  };
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const root = mkdtempSync(join(tmpdir(), 'labordesk-bench-signing-'));
  try {
    const token = await createTestToken(join(root, 'token'), { mst: TAX_CODE });
    Object.assign(process.env, token.env);
    const library = new Pkcs11Library(token.module);
    library.load();
    try {
      const certificate: TokenCertificate = library.certificates(token.tokenLabel).find((c) => c.id === token.certs.valid!.id)!;
      const batchOptions = { library, tokenLabel: token.tokenLabel, certificate, pin: token.userPin, now: () => new Date() };
      const items = (count: number, from = 0, employerId = fixtureEmployerId) =>
        Array.from({ length: count }, (_, i) => ({ id: randomUUID(), payload: filingPayload(from + i, employerId) }));
      // Each filing's canonical bytes (RFC 8785) are made when "Ký và nộp" checks the drafts, before the
      // PIN is asked (FilingsService.signAndSubmit); their cost is reported beside the ratio.
      const canonicalMs: number[] = [];
      const toSign = (list: { id: string; payload: unknown }[]): BatchItem[] => {
        const started = performance.now();
        const prepared = list.map((item) => ({ id: item.id, content: filingSigningBytes(item.payload) }));
        canonicalMs.push(performance.now() - started);
        return prepared;
      };

      // The size of what the token signs in a batch: the DER of the signed attributes (not the filing).
      let signedBytes = 0;
      await createCadesBes({
        content: filingSigningBytes(filingPayload(0)),
        certificateDer: certificate.der,
        keyAlgorithm: 'rsa',
        signingTime: new Date(),
        sign: async (bytes) => {
          signedBytes = bytes.length;
          return new Uint8Array(256);
        },
      });
      const rawInput = randomBytes(signedBytes);

      const rawOnce = async (): Promise<number> => {
        const session = library.login(token.tokenLabel, token.userPin);
        try {
          const started = performance.now();
          for (let i = 0; i < SIGNATURES; i += 1) await session.sign(certificate.id, rawInput, 'SHA256_RSA_PKCS');
          return performance.now() - started;
        } finally {
          session.logout();
        }
      };
      let signatures: { payload: unknown; p7s: string }[] = [];
      const batchOnce = async (): Promise<number> => {
        const list = items(SIGNATURES);
        const prepared = toSign(list);
        const started = performance.now(); // login, certificate check, 1,000 CAdES, logout
        const outcome = await signBatch(prepared, batchOptions);
        const elapsed = performance.now() - started;
        if (outcome.unsigned.length > 0) throw new Error(`signBatch left ${outcome.unsigned.length} unsigned (${outcome.stoppedBy})`);
        signatures = list.map((item) => ({ payload: item.payload, p7s: outcome.signed.get(item.id)! }));
        return elapsed;
      };
      // Warm-up of both paths (JIT, pkijs, the token's key cache), not counted.
      await rawOnce();
      await batchOnce();
      const rawMs: number[] = [];
      const batchMs: number[] = [];
      for (let r = 0; r < ROUNDS; r += 1) {
        rawMs.push(await rawOnce());
        batchMs.push(await batchOnce());
      }
      const raw = median(rawMs);
      const batch = median(batchMs);
      const ratio = batch / raw;
      const perRaw = raw / SIGNATURES;
      const perOurs = (batch - raw) / SIGNATURES;
      results.push(
        writeResult({
          name: 'sign-batch-overhead',
          value: Number(ratio.toFixed(2)),
          unit: 'batch time / raw C_Sign time',
          baseline: Number(raw.toFixed(0)),
          ratio: Number(ratio.toFixed(2)),
          target: `<= ${OVERHEAD_TARGET}`,
          notes:
            `SoftHSM2 ${token.certs.valid!.keyType.toUpperCase()}-2048 key on the token, one process. Batch: signBatch of ${SIGNATURES} contract registrations ` +
            `(3 workers, Art. 19 terms, 4 attachments; their RFC 8785 canonical bytes made beforehand, as "Ký và nộp" makes them with the content checks before ` +
            `asking the PIN: median ${median(canonicalMs).toFixed(0)} ms for ${SIGNATURES}, not in the ratio) ` +
            `(certificate check, one C_Login, per filing: SHA-256, signed attributes, C_SignInit + C_Sign of their ${signedBytes}-byte DER, ` +
            `CMS SignedData DER, base64), median of ${ROUNDS} runs: ${round(batch)} ms (${ms(batchMs)}). Raw: ${SIGNATURES} TokenSession.sign ` +
            `(key lookup + C_SignInit + C_Sign, CKM_SHA256_RSA_PKCS) of ${signedBytes} random bytes in one logged-in session, median of ${ROUNDS}: ` +
            `${round(raw)} ms (${ms(rawMs)}), i.e. ${perRaw.toFixed(2)} ms per C_Sign. Our per-filing overhead on top of C_Sign: ${perOurs.toFixed(2)} ms. ` +
            `SoftHSM signs in software in well under a millisecond, so this overhead weighs heavily here; a real USB token or smart card takes ` +
            `100 ms–1 s per signature, against which the same ${perOurs.toFixed(2)} ms would make the ratio ${(1 + perOurs / 100).toFixed(3)}–${(1 + perOurs / 1000).toFixed(4)}`,
        }),
      );

      // CMS verification, one after another in this thread (the bench's own, not the portal's).
      const trusted = [new Uint8Array(new X509Certificate(readFileSync(token.caCertPem)).raw)];
      const verifyOptions = { expectedParty: `MST:${TAX_CODE}` };
      const prepared = signatures.map((s) => ({ signature: Buffer.from(s.p7s, 'base64'), content: filingSigningBytes(s.payload) }));
      // One verifier for the run, as each portal worker keeps one: certificates, keys and chains are remembered.
      const verifier = new CadesVerifier(trusted);
      for (const s of prepared.slice(0, 100)) await verifier.verify(s.signature, s.content, verifyOptions); // warm-up
      const verifyStarted = performance.now();
      for (const s of prepared) {
        const verdict = await verifier.verify(s.signature, s.content, verifyOptions);
        if (!verdict.valid) throw new Error(`verification failed: ${verdict.code}`);
      }
      const verifyRate = prepared.length / ((performance.now() - verifyStarted) / 1000);
      results.push(
        writeResult({
          name: 'cms-verify',
          value: round(verifyRate),
          unit: 'verifications/s',
          target: 'report only',
          notes:
            `CadesVerifier.verify of ${prepared.length} CAdES-BES signatures (RSA-2048, SHA-256) made by sign-batch-overhead, one after another on one thread, ` +
            `one verifier for the run as each portal worker keeps one: strict DER walk of the CMS, message digest, ESS signingCertificateV2 hash, RSA signature ` +
            `(WebCrypto), validity, key usage, chain to the test CA (RSA-3072; the path is found by pkijs once per signer certificate and its validity periods ` +
            `rechecked at each signing time), signer MST; each valid; after 100 not counted`,
        }),
      );

      // The portal: own process, durable PostgreSQL, trust list = the test CA.
      const server = await startThrowawayPostgres({ durable: true });
      try {
        const portal = await startPortalProcess(server.url, { trustFile: token.caCertPem });
        try {
          const enterpriseId = await portal.enterprise(TAX_CODE);
          const adminToken = await signInAdmin(portal, await portal.admin(enterpriseId, 'bench.signer'));
          // The registrations name a foreign employer of the enterprise and four attachments the portal holds.
          const employerId = randomUUID();
          await pushAll(portal, adminToken, [
            {
              id: uuidv7(),
              kind: 'employer.upsert',
              payload: { id: employerId, fields: { name: 'Tanaka Seiki Co., Ltd.', country: 'JP', address: 'Osaka', registrationNumber: 'OS-1', sector: 'Cơ khí', contact: {} } },
            },
          ]);
          for (const file of attachmentFiles) {
            const put = await fetch(`${portal.url}/api/v1/attachments/${file.attachment.sha256}`, {
              method: 'PUT',
              headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/pdf' },
              body: file.bytes,
            });
            if (!put.ok) throw new Error(`attachment upload failed: ${put.status} ${await put.text()}`);
          }
          // Signed before the timing starts (the client's work, measured above).
          const total = PUSHED + WARMUP_BATCHES * BATCH;
          const list = items(total, 10_000, employerId);
          const outcome = await signBatch(toSign(list), batchOptions);
          if (outcome.unsigned.length > 0) throw new Error(`signBatch left ${outcome.unsigned.length} unsigned`);
          const mutations: Mutation[] = list.map((item) => ({
            id: uuidv7(),
            kind: 'filing.submit',
            payload: item.payload as Mutation['payload'],
            signature: outcome.signed.get(item.id)!,
          }));
          const batches = Array.from({ length: total / BATCH }, (_, i) => mutations.slice(i * BATCH, (i + 1) * BATCH));
          for (const b of batches.slice(0, WARMUP_BATCHES)) await pushAll(portal, adminToken, b);
          const perBatch: number[] = [];
          const started = performance.now();
          for (const b of batches.slice(WARMUP_BATCHES)) {
            const t = performance.now();
            await pushAll(portal, adminToken, b); // throws unless every one is applied
            perBatch.push(performance.now() - t);
          }
          const rate = PUSHED / ((performance.now() - started) / 1000);
          results.push(
            writeResult({
              name: 'portal-push-signed',
              value: round(rate),
              unit: 'signed filings/s',
              target: `>= ${PUSH_TARGET} signed filings/s`,
              notes:
                `${PUSHED} filing.submit mutations, each with its CAdES-BES signature (SoftHSM2, RSA-2048, MST:${TAX_CODE} = the enterprise's tax code), ` +
                `pushed in ${PUSHED / BATCH} batches of ${BATCH}, one request at a time over HTTP on 127.0.0.1, after ${WARMUP_BATCHES} warm-up batch not counted, ` +
                `to a portal in its own process (trust list: the test CA, signatures required) on PostgreSQL 15 (throwaway cluster, fsync on, synchronous_commit on); ` +
                `every filing verified (signature, ESS, chain, MST) and answered applied. Per batch: median ${median(perBatch).toFixed(1)} ms, max ${Math.max(...perBatch).toFixed(1)} ms`,
            }),
          );
        } finally {
          await portal.close();
        }
      } finally {
        server.stop();
      }
    } finally {
      library.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return results;
}

function ms(values: number[]): string {
  return values.map((v) => `${round(v)}`).join(', ') + ' ms';
}
