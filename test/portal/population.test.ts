// Population-registry simulator: deterministic seeding, and per-field verdicts for a batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryPerson, registryPeople } from '../../portal/src/population/registry-generator';
import { parseCitizenId } from '../../src-common/domain/identifiers';
import { createOrganisation, type TestOrganisation } from './helpers/org-fixtures';
import { startTestPortal, storageKind, type TestPortal } from './helpers/portal-harness';

let portal: TestPortal;
let org: TestOrganisation;
const seed = 77;
const size = 3000;
beforeAll(async () => {
  portal = await startTestPortal();
  expect(await portal.services.population.ensureSeeded({ seed, size })).toEqual({ seeded: true });
  org = await createOrganisation(portal, '01');
});
afterAll(async () => {
  await portal?.close();
});

const verify = (people: unknown[], token = org.admin.token) => portal.call('POST', '/api/v1/population/verify', { token, body: { people } });

describe('registry generator', () => {
  it('is deterministic and makes valid, unique citizen IDs consistent with birth year and gender', () => {
    expect(registryPerson(seed, 123)).toEqual(registryPerson(seed, 123));
    expect(registryPerson(seed, 123)).not.toEqual(registryPerson(seed + 1, 123));
    const people = [...registryPeople(seed, 20_000)];
    expect(new Set(people.map((p) => p.citizenId)).size).toBe(20_000);
    for (const person of people.slice(0, 2000)) {
      const parts = parseCitizenId(person.citizenId);
      expect(parts, person.citizenId).not.toBeNull();
      expect(parts!.birthYear).toBe(Number(person.birthDate.slice(0, 4)));
      expect(parts!.gender).toBe(person.gender);
      expect(person.fullName).toBe(person.fullName.normalize('NFC'));
    }
  });
});

describe(`population verify (${storageKind})`, () => {
  it('does not re-seed a registry that already has this seed and size', async () => {
    expect(await portal.services.population.ensureSeeded({ seed, size })).toEqual({ seeded: false });
  });

  it('answers match, mismatch per field, and not found', async () => {
    const known = registryPerson(seed, 10);
    const other = registryPerson(seed, 11);
    const beyond = registryPerson(seed, size + 5); // generated, but not in a registry of this size
    const wrongName = { ...other, fullName: `${other.fullName}x`, birthDate: '1999-12-31' };
    const answer = await verify([
      { citizenId: known.citizenId, fullName: `  ${known.fullName.toUpperCase()} `, birthDate: known.birthDate, gender: known.gender },
      { citizenId: wrongName.citizenId, fullName: wrongName.fullName, birthDate: wrongName.birthDate, gender: other.gender },
      { citizenId: beyond.citizenId, fullName: beyond.fullName, birthDate: beyond.birthDate, gender: beyond.gender },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([
      { citizenId: known.citizenId, status: 'match' },
      { citizenId: other.citizenId, status: 'mismatch', fields: { fullName: 'mismatch', birthDate: 'mismatch', gender: 'match' } },
      { citizenId: beyond.citizenId, status: 'notFound' },
    ]);
  });

  it('treats diacritics as significant and Unicode forms as equal', async () => {
    const person = registryPerson(seed, 42);
    const decomposed = person.fullName.normalize('NFD');
    const folded = person.fullName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd');
    const answer = await verify([
      { citizenId: person.citizenId, fullName: decomposed, birthDate: person.birthDate, gender: person.gender },
      { citizenId: person.citizenId, fullName: folded, birthDate: person.birthDate, gender: person.gender },
    ]);
    expect(answer.body.results[0].status).toBe('match');
    if (folded !== person.fullName) expect(answer.body.results[1].status).toBe('mismatch');
  });

  it('refuses malformed citizen IDs and oversized batches with VALIDATION_FAILED', async () => {
    const person = registryPerson(seed, 1);
    for (const citizenId of ['12345678901', '0010900000012', '999090000001', '00109000000a']) {
      const answer = await verify([{ ...person, citizenId }]);
      expect(answer.status, citizenId).toBe(400);
      expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    }
    const tooMany = Array.from({ length: 1001 }, (_, i) => registryPerson(seed, i));
    expect((await verify(tooMany)).status).toBe(400);
    const full = Array.from({ length: 1000 }, (_, i) => registryPerson(seed, i));
    const answer = await verify(full.map(({ provinceCode: _p, ...p }) => p));
    expect(answer.body.results.every((r: { status: string }) => r.status === 'match')).toBe(true);
  });
});
