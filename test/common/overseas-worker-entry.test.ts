// One worker of an overseas-worker list: field forms, citizen ID against birth year and gender, age 18 at departure,
// passport past the worker's contract end, Vietnamese names in NFC or NFD.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { isVietnameseMobile, workerContractEnd, workerEntrySchema } from '../../src-common/domain/overseas/worker-entry';
import { validWorker } from '../fixtures/overseas-filings';

function issuesOf(schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('worker entry', () => {
  it('accepts the fixture worker and normalises the passport number', () => {
    const parsed = workerEntrySchema.parse(validWorker(0, { passport: { number: 'c7654321', expiresOn: '2036-01-31' } }));
    expect(parsed.passport.number).toBe('C7654321');
  });

  it('checks the citizen ID’s century/gender digit and year against the birth date and gender', () => {
    // 001 095 …: born 1995 (digit 0 = 1900s male).
    expect(issuesOf(workerEntrySchema, validWorker(0, { birthDate: '1996-05-12' }))).toEqual([{ path: 'citizenId', message: 'citizenIdBirthMismatch' }]);
    expect(issuesOf(workerEntrySchema, validWorker(0, { gender: 'female' }))).toEqual([{ path: 'citizenId', message: 'citizenIdGenderMismatch' }]);
    // Same two year digits, other century: 2095 is not 1995.
    expect(issuesOf(workerEntrySchema, validWorker(0, { citizenId: '001295000000' }))).toEqual([{ path: 'citizenId', message: 'citizenIdBirthMismatch' }]);
    // A woman born in 2005: century/gender digit 3.
    const born2005 = validWorker(1, { citizenId: '079305000001', birthDate: '2005-03-01', gender: 'female' });
    expect(issuesOf(workerEntrySchema, born2005)).toEqual([]);
    expect(issuesOf(workerEntrySchema, { ...born2005, citizenId: '079205000001' })).toEqual([{ path: 'citizenId', message: 'citizenIdGenderMismatch' }]);
  });

  it('refuses a malformed citizen ID as a field error, without also reporting a mismatch', () => {
    for (const bad of ['00109500000', '0010950000001', '001095OOOOOO', '999095000000']) {
      expect(issuesOf(workerEntrySchema, validWorker(0, { citizenId: bad })), bad).toEqual([{ path: 'citizenId', message: 'citizenId' }]);
    }
  });

  it('needs the worker to be 18 on the planned departure: the 18th birthday itself is enough', () => {
    const eighteenOnDeparture = validWorker(0, { citizenId: '001208000001', birthDate: '2008-07-01', plannedDeparture: '2026-07-01' });
    expect(issuesOf(workerEntrySchema, eighteenOnDeparture)).toEqual([]);
    expect(issuesOf(workerEntrySchema, { ...eighteenOnDeparture, birthDate: '2008-07-02' })).toEqual([{ path: 'birthDate', message: 'workerUnderage' }]);
  });

  it('needs the passport to outlast the worker’s own contract (departure + term)', () => {
    // 36 months from 2026-07-01: the last day is 2029-06-30.
    expect(workerContractEnd('2026-07-01', 36)).toBe('2029-06-30');
    expect(issuesOf(workerEntrySchema, validWorker(0, { passport: { number: 'C1234567', expiresOn: '2029-07-01' } }))).toEqual([]);
    expect(issuesOf(workerEntrySchema, validWorker(0, { passport: { number: 'C1234567', expiresOn: '2029-06-30' } }))).toEqual([
      { path: 'passport.expiresOn', message: 'passportExpiresBeforeContractEnd' },
    ]);
  });

  it('accepts a Vietnamese name typed in NFD and keeps it in NFC', () => {
    const nfc = 'Nguyễn Thị Hương Đào';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const fromNfd = workerEntrySchema.parse(validWorker(1, { fullName: `  ${nfd}  ` }));
    expect(fromNfd.fullName).toBe(nfc);
    expect(workerEntrySchema.parse(validWorker(1, { fullName: nfc })).fullName).toBe(nfc);
    expect(workerEntrySchema.parse(validWorker(1, { fullName: "H'Hen Niê" })).fullName).toBe("H'Hen Niê");
    for (const bad of ['Nguyễn Văn 2', 'Nguyễn <b>An</b>', '   ', '-An']) {
      expect(new Set(issuesOf(workerEntrySchema, validWorker(0, { fullName: bad })).map((i) => i.path)), bad).toEqual(new Set(['fullName']));
    }
  });

  it('checks the mobile number, the wage currency and the term', () => {
    for (const good of ['0912345678', '+84912345678', '091 234 5678', '0387.654.321']) expect(isVietnameseMobile(good), good).toBe(true);
    for (const bad of ['0212345678', '091234567', '84912345678', '+8491234567a']) expect(isVietnameseMobile(bad), bad).toBe(false);
    expect(issuesOf(workerEntrySchema, validWorker(0, { phone: '0243123456' }))).toEqual([{ path: 'phone', message: 'vietnameseMobile' }]);
    expect(issuesOf(workerEntrySchema, validWorker(0, { wage: { amount: 180_000, currency: 'jpy' } }))).toEqual([{ path: 'wage.currency', message: 'currencyCode' }]);
    expect(issuesOf(workerEntrySchema, validWorker(0, { wage: { amount: 0, currency: 'JPY' } })).map((i) => i.path)).toEqual(['wage.amount']);
    expect(issuesOf(workerEntrySchema, validWorker(0, { contractTermMonths: 0 })).map((i) => i.path)).toEqual(['contractTermMonths']);
  });

  it('reports a malformed date as a field error only, not as an age or passport mismatch', () => {
    expect(issuesOf(workerEntrySchema, validWorker(0, { birthDate: '1995-13-40' })).map((i) => i.path)).toEqual(['birthDate']);
    expect(issuesOf(workerEntrySchema, validWorker(0, { plannedDeparture: 'soon' })).map((i) => i.path)).toEqual(['plannedDeparture']);
  });

  it('refuses unknown fields and a missing one', () => {
    expect(issuesOf(workerEntrySchema, { ...validWorker(0), nickname: 'Tí' }).map((i) => i.path)).toEqual(['']);
    const { trade: _trade, ...withoutTrade } = validWorker(0);
    expect(issuesOf(workerEntrySchema, withoutTrade).map((i) => i.path)).toEqual(['trade']);
  });
});
