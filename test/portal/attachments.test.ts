// Dossier attachments on the portal: bytes uploaded under their SHA-256 (recomputed, type checked by
// magic bytes, 20 MB), kept per enterprise; read back by the uploading enterprise and by officers who
// may see a filing naming them; filing.submit refuses a filing whose attachments were never uploaded.
// Hostile paths and hashes are refused before any lookup.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validContractRegistration } from '../fixtures/overseas-filings';
import { fixtureFile, sha256Of, type FixtureFile } from '../fixtures/attachment-files';
import { createOrganisation, employerMutation, filingMutation, officerOf, push, systemAdmin, type TestOrganisation } from './helpers/org-fixtures';
import { startTestPortal, storageKind, type TestPortal } from './helpers/portal-harness';

let portal: TestPortal;
let A: TestOrganisation;
let B: TestOrganisation;
let employerA: string;
let officer01: { token: string };
let officer79: { token: string };
let central: { token: string };
let admin: { token: string };

beforeAll(async () => {
  portal = await startTestPortal({ requireAttachmentBytes: true });
  A = await createOrganisation(portal, '01', [{ code: 'A1', provinceCode: '01', functions: ['registerContracts'] }]);
  B = await createOrganisation(portal, '79');
  employerA = crypto.randomUUID();
  expect((await push(portal, A.admin.token, [employerMutation(employerA)]))[0]!.status).toBe('applied');
  officer01 = await officerOf(portal, 'province', '01');
  officer79 = await officerOf(portal, 'province', '79');
  central = await officerOf(portal, 'central');
  admin = await systemAdmin(portal);
});
afterAll(async () => {
  await portal?.close();
});

async function upload(token: string | null, sha256: string, bytes: Uint8Array, contentType: string) {
  const response = await fetch(`${portal.url}/api/v1/attachments/${sha256}`, {
    method: 'PUT',
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: Buffer.from(bytes),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
const put = (token: string, file: FixtureFile) => upload(token, file.sha256, file.bytes, file.mime);

async function download(token: string, sha256: string, method: 'GET' | 'HEAD' = 'GET') {
  const response = await fetch(`${portal.url}/api/v1/attachments/${sha256}`, { method, headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), bytes: Buffer.from(await response.arrayBuffer()) };
}

/** A request with the path sent exactly as written (fetch would normalise dot segments and escapes). */
function rawRequest(method: string, path: string, token: string, body?: Buffer): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const url = new URL(portal.url);
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/pdf' } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode ?? 0, body: text.startsWith('{') ? JSON.parse(text) : text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A contractor registration (two required attachments: registration letter and contract copy). */
function contractorFiling(files: FixtureFile[], filingId = crypto.randomUUID()) {
  const content = validContractRegistration({
    employerId: employerA,
    kind: 'contractor',
    attachments: files.map((f, i) => ({ kind: i === 0 ? 'registrationLetter' : 'contractCopy', name: `tep-${i}.${f.mime === 'application/pdf' ? 'pdf' : 'png'}`, mime: f.mime, size: f.bytes.length, sha256: f.sha256 })),
  });
  return { filingId, mutation: filingMutation(filingId, 1, { content }) };
}

describe(`attachments on the portal (${storageKind})`, () => {
  it('keeps uploaded bytes, accepts the filing naming them, and shows them to the enterprise and the province officer only', async () => {
    const letter = fixtureFile('application/pdf', 30_000);
    const copy = fixtureFile('image/png', 5_000);
    const first = await put(A.admin.token, letter);
    expect(first).toEqual({ status: 201, body: { sha256: letter.sha256, size: letter.bytes.length, mime: 'application/pdf', created: true } });
    // Content-addressed: the same bytes again change nothing (a branch uploads for its enterprise too).
    expect((await put(A.branches.A1!.staff.token, letter)).body.created).toBe(false);
    expect((await put(A.branches.A1!.staff.token, copy)).status).toBe(201);

    const { filingId, mutation } = contractorFiling([letter, copy]);
    expect((await push(portal, A.admin.token, [mutation]))[0]).toMatchObject({ status: 'applied' });
    expect((await portal.call('GET', `/api/v1/filings/${filingId}`, { token: officer01.token })).status).toBe(200);

    for (const token of [A.admin.token, officer01.token, central.token]) {
      const got = await download(token, letter.sha256);
      expect(got.status).toBe(200);
      expect(got.type).toBe('application/pdf');
      expect(got.disposition).toMatch(/^attachment/);
      expect(got.bytes.equals(letter.bytes)).toBe(true);
    }
    expect((await download(officer01.token, copy.sha256)).bytes.equals(copy.bytes)).toBe(true);
    // Another enterprise, another province's officer, the system administrator: as if it did not exist.
    for (const token of [B.admin.token, officer79.token, admin.token]) {
      expect((await download(token, letter.sha256)).status).toBe(404);
      expect((await download(token, letter.sha256, 'HEAD')).status).toBe(404);
    }
    const head = await download(A.admin.token, copy.sha256, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.bytes.length).toBe(0);
  });

  it('keeps bytes per enterprise: B naming A’s hash, or uploading the same file, never reads or uses A’s copy', async () => {
    const shared = fixtureFile('application/pdf');
    expect((await put(A.admin.token, shared)).status).toBe(201);
    expect((await download(B.admin.token, shared.sha256)).status).toBe(404);
    // B's filing cannot lean on A's upload: B must hold the bytes itself.
    const employerB = crypto.randomUUID();
    await push(portal, B.admin.token, [employerMutation(employerB)]);
    const content = validContractRegistration({
      employerId: employerB,
      kind: 'contractor',
      attachments: [
        { kind: 'registrationLetter', name: 'a.pdf', mime: 'application/pdf', size: shared.bytes.length, sha256: shared.sha256 },
        { kind: 'contractCopy', name: 'a.pdf', mime: 'application/pdf', size: shared.bytes.length, sha256: shared.sha256 },
      ],
    });
    const [refused] = await push(portal, B.admin.token, [filingMutation(crypto.randomUUID(), 1, { content })]);
    expect(refused).toMatchObject({ status: 'rejected', error: { code: 'ATTACHMENT_MISSING', details: { missing: [shared.sha256] } } });
    expect((await put(B.admin.token, shared)).body.created).toBe(true);
    expect((await push(portal, B.admin.token, [filingMutation(crypto.randomUUID(), 1, { content })]))[0]!.status).toBe('applied');
  });

  it('refuses a filing naming bytes never uploaded (ATTACHMENT_MISSING), or describing them wrongly', async () => {
    const uploaded = fixtureFile('application/pdf');
    const never = fixtureFile('image/png');
    await put(A.admin.token, uploaded);
    const [missing] = await push(portal, A.admin.token, [contractorFiling([uploaded, never]).mutation]);
    expect(missing).toMatchObject({ status: 'rejected', error: { code: 'ATTACHMENT_MISSING', details: { missing: [never.sha256] } } });
    expect((missing!.error as { message?: string }).message).toMatch(/tệp đính kèm/);

    const { mutation } = contractorFiling([uploaded, uploaded]);
    (mutation.payload as any).content.attachments[1].size += 1;
    const [misdescribed] = await push(portal, A.admin.token, [mutation]);
    expect(misdescribed).toMatchObject({ status: 'rejected', error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'content.attachments.1.size' }] } } });
  });

  it('refuses tampered bytes, a wrong type, oversized files and callers who are not an enterprise', async () => {
    const file = fixtureFile('application/pdf');
    const tampered = Buffer.from(file.bytes);
    tampered[100] = tampered[100]! ^ 0xff;
    const answer = await upload(A.admin.token, file.sha256, tampered, 'application/pdf');
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'ATTACHMENT_HASH_MISMATCH' } } });
    expect((await download(A.admin.token, file.sha256, 'HEAD')).status).toBe(404);

    const png = fixtureFile('image/png');
    expect((await upload(A.admin.token, png.sha256, png.bytes, 'application/pdf')).body.error.code).toBe('ATTACHMENT_TYPE_MISMATCH');
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const asHtml = await upload(A.admin.token, fixtureFile('application/pdf').sha256, html, 'text/html');
    expect(asHtml.status).toBe(415);
    expect(asHtml.body.error.code).toBe('VALIDATION_FAILED');
    // Declared a PDF, named by its own (correct) hash, but not a PDF: the magic bytes decide.
    expect((await upload(A.admin.token, sha256Of(html), html, 'application/pdf')).body.error.code).toBe('ATTACHMENT_TYPE_MISMATCH');

    const big = fixtureFile('application/pdf', 20 * 1024 * 1024 + 1);
    const tooBig = await upload(A.admin.token, big.sha256, big.bytes, 'application/pdf');
    expect(tooBig).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });

    for (const token of [officer01.token, admin.token]) expect((await put(token, file)).status).toBe(403);
    expect((await upload(null, file.sha256, file.bytes, file.mime)).status).toBe(401);
  });

  it('refuses path traversal and malformed hashes with a 400, before any lookup', async () => {
    const file = fixtureFile('application/pdf');
    await put(A.admin.token, file);
    const hostile = [
      '..%2F..%2F..%2Fetc%2Fpasswd',
      '%2e%2e%2f%2e%2e%2fportal%2fdata',
      `..%2F${file.sha256}`,
      `${file.sha256}%2F..`,
      `${file.sha256}%00`,
      `${file.sha256}.pdf`,
      file.sha256.toUpperCase(),
      file.sha256.slice(1),
      `${file.sha256}0`,
      `${file.sha256.slice(0, 63)}g`,
      '%252e%252e%252f',
      "'%20OR%201=1--",
      '..%5C..%5Cwindows',
    ];
    for (const param of hostile) {
      for (const method of ['GET', 'PUT']) {
        const answer = await rawRequest(method, `/api/v1/attachments/${param}`, A.admin.token, method === 'PUT' ? file.bytes : undefined);
        expect(answer.status, `${method} ${param}`).toBe(400);
        expect(answer.body.error.code).toBe('VALIDATION_FAILED');
      }
    }
    // Literal dot segments or extra segments are not this route at all.
    for (const path of [`/api/v1/attachments/../../etc/passwd`, `/api/v1/attachments/${file.sha256}/../x`, `/api/v1/attachments/a/b`]) {
      const answer = await rawRequest('GET', path, A.admin.token);
      expect(answer.status, path).toBe(404);
      expect(answer.body.error.code).toBe('NOT_FOUND');
    }
    // The well-formed hash still works.
    expect((await rawRequest('GET', `/api/v1/attachments/${file.sha256}`, A.admin.token)).status).toBe(200);
  });
});
