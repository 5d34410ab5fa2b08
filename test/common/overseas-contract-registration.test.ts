// Contract registration and short-internship worker list: the 90-day boundary both ways, the term, fees against the
// caps, required attachments, the worker list against the contract end; the filing-type map and every key's texts.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  contractEndOf,
  contractRegistrationSchema,
  internshipWorkerListSchema,
  makeContractRegistrationSchema,
  registrationFilingTypeFor,
  termDaysOf,
} from '../../src-common/domain/overseas/contract-registration';
import { defaultFeeCaps } from '../../src-common/domain/overseas/fee-caps';
import { filingContentSchemas, registryReferencesOf } from '../../src-common/domain/overseas/filing-content';
import { isOverseasRuleKey, overseasRuleMessage, overseasRuleMessages } from '../../src-common/domain/overseas/messages';
import { filingTypes } from '../../src-common/portal-api/filings';
import { attachment, validContractRegistration, validInternshipWorkerList, validWorker, validWorkerUpdate } from '../fixtures/overseas-filings';

function issuesOf(schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

const internship = (term: { start: string; months?: number; days?: number }) =>
  validContractRegistration({
    kind: 'internship',
    term,
    fees: { currency: 'JPY', serviceFeePerWorker: 0, brokerCommissionPerWorker: 0 },
    attachments: [attachment('registrationLetter'), attachment('contractCopy')],
  });

describe('contract term', () => {
  it('ends the day before the same date `months` later, or on the `days`-th day', () => {
    expect(contractEndOf({ start: '2026-07-01', months: 36 })).toBe('2029-06-30');
    expect(contractEndOf({ start: '2026-07-01', days: 1 })).toBe('2026-07-01');
    expect(termDaysOf({ start: '2026-01-01', months: 3 })).toBe(90);
    expect(termDaysOf({ start: '2026-02-01', months: 3 })).toBe(89);
  });
  it('takes months or days, not both and not neither', () => {
    expect(issuesOf(contractRegistrationSchema, validContractRegistration({ term: { start: '2026-07-01', months: 36, days: 10 } }))).toEqual([
      { path: 'term', message: 'termMonthsOrDays' },
    ]);
    expect(issuesOf(contractRegistrationSchema, validContractRegistration({ term: { start: '2026-07-01' } }))).toEqual([{ path: 'term', message: 'termMonthsOrDays' }]);
  });
});

describe('contract registration', () => {
  it('accepts the fixture (supply contract, 3 workers, fees under the caps)', () => {
    expect(issuesOf(contractRegistrationSchema, validContractRegistration())).toEqual([]);
    expect(issuesOf(contractRegistrationSchema, validContractRegistration({ kind: 'contractor', attachments: [attachment('registrationLetter'), attachment('contractCopy')] }))).toEqual([]);
  });

  it('refuses an internship under 90 days (file a worker list) and accepts one of 90 days', () => {
    expect(issuesOf(contractRegistrationSchema, internship({ start: '2026-07-01', days: 90 }))).toEqual([]);
    expect(issuesOf(contractRegistrationSchema, internship({ start: '2026-07-01', days: 89 }))).toEqual([{ path: 'term', message: 'internshipUnder90DaysFileWorkerList' }]);
    // Three calendar months from 1 February are 89 days; from 1 January, 90.
    expect(issuesOf(contractRegistrationSchema, internship({ start: '2027-02-01', months: 3 }))).toEqual([{ path: 'term', message: 'internshipUnder90DaysFileWorkerList' }]);
    expect(issuesOf(contractRegistrationSchema, internship({ start: '2027-01-01', months: 3 }))).toEqual([]);
    // Only internships: a 30-day supply contract is still a registration.
    expect(issuesOf(contractRegistrationSchema, validContractRegistration({ term: { start: '2026-07-01', days: 30 } })).map((i) => i.message)).not.toContain(
      'internshipUnder90DaysFileWorkerList',
    );
  });

  it('refuses a worker whose passport ends before the contract does, exactly at the end included', () => {
    // The contract runs 2026-07-01 .. 2029-06-30; this worker's own contract is only 12 months.
    const shortWorker = (expiresOn: string) => validWorker(2, { contractTermMonths: 12, passport: { number: 'C7000002', expiresOn } });
    const withWorker = (expiresOn: string) => validContractRegistration({ workers: [validWorker(0), validWorker(1), shortWorker(expiresOn)] });
    expect(issuesOf(contractRegistrationSchema, withWorker('2029-07-01'))).toEqual([]);
    expect(issuesOf(contractRegistrationSchema, withWorker('2029-06-30'))).toEqual([{ path: 'workers.2.passport.expiresOn', message: 'passportExpiresBeforeContractEnd' }]);
    // Short of the worker's own contract too: reported once.
    expect(issuesOf(contractRegistrationSchema, withWorker('2027-01-01'))).toEqual([{ path: 'workers.2.passport.expiresOn', message: 'passportExpiresBeforeContractEnd' }]);
  });

  it('refuses fees over the caps, allows them exactly at the caps, and takes an agency’s caps', () => {
    const withFees = (serviceFeePerWorker: number, brokerCommissionPerWorker: number, brokerId?: string) =>
      validContractRegistration({ fees: { currency: 'JPY', serviceFeePerWorker, brokerCommissionPerWorker }, ...(brokerId ? { brokerId } : {}) });
    const broker = crypto.randomUUID();
    // 180,000 JPY a month for 36 months: service fee up to 540,000, commission up to 378,000 (2.1 months).
    expect(issuesOf(contractRegistrationSchema, withFees(540_000, 378_000, broker))).toEqual([]);
    expect(issuesOf(contractRegistrationSchema, withFees(540_001, 378_001, broker))).toEqual([
      { path: 'fees.serviceFeePerWorker', message: 'serviceFeeExceedsCap' },
      { path: 'fees.brokerCommissionPerWorker', message: 'brokerCommissionExceedsCap' },
    ]);
    const capped = contractRegistrationSchema.safeParse(withFees(540_001, 0));
    expect(capped.error?.issues[0]).toMatchObject({ params: { cap: 540_000, capMonths: 3, currency: 'JPY' } });
    expect(issuesOf(contractRegistrationSchema, withFees(0, 1_000))).toEqual([{ path: 'brokerId', message: 'brokerCommissionWithoutBroker' }]);
    expect(issuesOf(contractRegistrationSchema, validContractRegistration({ fees: { currency: 'USD', serviceFeePerWorker: 1, brokerCommissionPerWorker: 0 } }))).toEqual([
      { path: 'fees.currency', message: 'feeCurrencyMismatch' },
    ]);
    const agency = makeContractRegistrationSchema({ ...defaultFeeCaps, serviceFeeMaxMonths: 1 });
    expect(issuesOf(agency, withFees(180_000, 0))).toEqual([]);
    expect(issuesOf(agency, withFees(180_001, 0))).toEqual([{ path: 'fees.serviceFeePerWorker', message: 'serviceFeeExceedsCap' }]);
  });

  it('requires the registration letter and contract copy, and for a supply contract the translation and the employer’s legal status', () => {
    expect(issuesOf(contractRegistrationSchema, validContractRegistration({ attachments: [attachment('registrationLetter'), attachment('contractCopy')] }))).toEqual([
      { path: 'attachments', message: 'attachmentCertifiedTranslationMissing' },
      { path: 'attachments', message: 'attachmentEmployerLegalStatusMissing' },
    ]);
    expect(issuesOf(contractRegistrationSchema, validContractRegistration({ kind: 'contractor', attachments: [attachment('other')] })).map((i) => i.message)).toEqual([
      'attachmentRegistrationLetterMissing',
      'attachmentContractCopyMissing',
    ]);
    const bad = { ...attachment('contractCopy'), mime: 'application/zip', sha256: 'ABC', size: 0 };
    expect(issuesOf(contractRegistrationSchema, validContractRegistration({ attachments: [bad as never] })).map((i) => i.path)).toEqual([
      'attachments.0.mime',
      'attachments.0.size',
      'attachments.0.sha256',
    ]);
  });

  it('checks signing date, host country, the demand and the worker list', () => {
    expect(issuesOf(contractRegistrationSchema, validContractRegistration({ signedOn: '2026-07-02' }))).toEqual([{ path: 'term.start', message: 'contractStartsBeforeSigning' }]);
    expect(issuesOf(contractRegistrationSchema, validContractRegistration({ signedOn: '2026-07-01' }))).toEqual([]);
    expect(issuesOf(contractRegistrationSchema, validContractRegistration({ hostCountry: 'VN' }))).toEqual([{ path: 'hostCountry', message: 'hostCountryIsVietnam' }]);
    expect(issuesOf(contractRegistrationSchema, validContractRegistration({ hostCountry: 'Japan' })).map((i) => i.path)).toEqual(['hostCountry']);
    const demand = (min: number, max: number, workerCount = 3) => validContractRegistration({ demand: { workerCount, trades: ['Hàn'], ageRange: { min, max } } });
    expect(issuesOf(contractRegistrationSchema, demand(17, 30))).toEqual([{ path: 'demand.ageRange.min', message: 'demandMinimumAgeUnder18' }]);
    expect(issuesOf(contractRegistrationSchema, demand(30, 25))).toEqual([{ path: 'demand.ageRange.max', message: 'ageRangeInverted' }]);
    expect(issuesOf(contractRegistrationSchema, demand(18, 35, 2))).toEqual([{ path: 'workers', message: 'workersExceedDemand' }]);
    expect(issuesOf(contractRegistrationSchema, validContractRegistration({ workers: [validWorker(0), validWorker(0)] }))).toEqual([
      { path: 'workers.1.citizenId', message: 'duplicateWorker' },
    ]);
    expect(issuesOf(contractRegistrationSchema, validContractRegistration({ workers: [] })).map((i) => i.path)).toEqual(['workers']);
    expect(issuesOf(contractRegistrationSchema, validContractRegistration({ employerId: 'Tanaka' })).map((i) => i.path)).toEqual(['employerId']);
    // A worker's own rule (age, citizen ID) is reported at its place in the list, with the contract's rules.
    const minor = validWorker(1, { birthDate: '2009-01-01', citizenId: '001309000001' });
    expect(issuesOf(contractRegistrationSchema, validContractRegistration({ workers: [validWorker(0), minor], hostCountry: 'VN' }))).toEqual([
      { path: 'workers.1.birthDate', message: 'workerUnderage' },
      { path: 'hostCountry', message: 'hostCountryIsVietnam' },
    ]);
  });

  it('accepts up to 10,000 workers and refuses more', () => {
    const many = (n: number) => validContractRegistration({ demand: { workerCount: 10_000, trades: ['Hàn'], ageRange: { min: 18, max: 35 } }, workers: Array.from({ length: n }, (_, i) => validWorker(i)) });
    expect(issuesOf(contractRegistrationSchema, many(10_000))).toEqual([]);
    expect(issuesOf(contractRegistrationSchema, many(10_001)).map((i) => i.path)).toEqual(['workers']);
  });
});

describe('internship worker list', () => {
  it('is the filing of an internship under 90 days, and refuses one of 90 days or more', () => {
    expect(registrationFilingTypeFor('internship', 89)).toBe('internshipWorkerList');
    expect(registrationFilingTypeFor('internship', 90)).toBe('contractRegistration');
    expect(registrationFilingTypeFor('supply', 30)).toBe('contractRegistration');
    expect(issuesOf(internshipWorkerListSchema, validInternshipWorkerList())).toEqual([]);
    expect(issuesOf(internshipWorkerListSchema, validInternshipWorkerList({ term: { start: '2026-07-01', days: 89 } }))).toEqual([]);
    expect(issuesOf(internshipWorkerListSchema, validInternshipWorkerList({ term: { start: '2026-07-01', days: 90 } }))).toEqual([
      { path: 'term', message: 'internship90DaysOrMoreFileRegistration' },
    ]);
  });
  it('checks the workers against the internship’s end', () => {
    const workers = [validWorker(0, { contractTermMonths: 2, passport: { number: 'B1000000', expiresOn: '2026-08-29' } })];
    // 60 days from 2026-07-01 end on 2026-08-29; the worker's own 2 months end on 2026-08-31.
    expect(issuesOf(internshipWorkerListSchema, validInternshipWorkerList({ workers })).map((i) => i.message)).toEqual(['passportExpiresBeforeContractEnd']);
  });
});

describe('filing content schemas', () => {
  it('has a schema for every filing type: registrations, worker lists, worker updates and liquidations are checked', () => {
    expect(Object.keys(filingContentSchemas).sort()).toEqual([...filingTypes].sort());
    expect(filingContentSchemas.contractRegistration.safeParse({ workerCount: 3, hostCountry: 'JP' }).success).toBe(false);
    expect(filingContentSchemas.internshipWorkerList.safeParse(validInternshipWorkerList()).success).toBe(true);
    expect(filingContentSchemas.workerUpdate.safeParse({ anything: 1 }).success).toBe(false);
    expect(filingContentSchemas.workerUpdate.safeParse(validWorkerUpdate(0)).success).toBe(true);
    expect(filingContentSchemas.liquidation.safeParse({ anything: 1 }).success).toBe(false);
  });
  it('names the employer and broker a content refers to', () => {
    const brokerId = crypto.randomUUID();
    const content = validContractRegistration({ brokerId });
    expect(registryReferencesOf('contractRegistration', content)).toEqual({ employerIds: [content.employerId], brokerIds: [brokerId] });
    expect(registryReferencesOf('internshipWorkerList', validInternshipWorkerList())).toMatchObject({ brokerIds: [] });
    expect(registryReferencesOf('workerUpdate', { employerId: 'x' })).toEqual({ employerIds: [], brokerIds: [] });
  });
});

describe('messages', () => {
  it('has a Vietnamese and an English text for every key the rules produce', () => {
    const produced = new Set<string>();
    const collect = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.forEach((i) => produced.add(i.message));
    const w = (o: object) => validWorker(0, o as never);
    collect(contractRegistrationSchema, validContractRegistration({ kind: 'internship', term: { start: '2026-07-01', days: 30 }, signedOn: '2026-08-01', hostCountry: 'VN', brokerId: undefined, fees: { currency: 'JPY', serviceFeePerWorker: 1e9, brokerCommissionPerWorker: 1e9 }, attachments: [], demand: { workerCount: 1, trades: ['x'], ageRange: { min: 16, max: 15 } }, workers: [w({ birthDate: '1996-05-12', gender: 'female' }), w({ passport: { number: 'C1234567', expiresOn: '2026-01-01' } })] }));
    collect(contractRegistrationSchema, validContractRegistration({ kind: 'supply', attachments: [], fees: { currency: 'USD', serviceFeePerWorker: 0, brokerCommissionPerWorker: 0 }, workers: [w({ birthDate: '2010-01-01', citizenId: '001210000000' })] }));
    collect(contractRegistrationSchema, validContractRegistration({ term: { start: '2026-07-01', months: 1, days: 1 }, workers: [w({ citizenId: '1', fullName: '1', phone: '1', passport: { number: '1', expiresOn: '2036-01-01' }, wage: { amount: 1, currency: 'x' } })], attachments: [{ ...attachment('other'), sha256: 'x' }] }));
    collect(internshipWorkerListSchema, validInternshipWorkerList({ term: { start: '2026-07-01', days: 120 } }));
    for (const key of produced) {
      if (!isOverseasRuleKey(key)) continue; // zod's own codes (too_small, invalid_format ...) are worded by the UI per field
      expect(overseasRuleMessage(key, 'vi').length, key).toBeGreaterThan(10);
      expect(overseasRuleMessage(key, 'en').length, key).toBeGreaterThan(10);
    }
    // Every key is produced by some rule above: none is dead text, none is missing.
    expect([...produced].filter(isOverseasRuleKey).sort()).toEqual(Object.keys(overseasRuleMessages).sort());
  });
});
