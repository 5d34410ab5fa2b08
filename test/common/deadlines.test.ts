// Legal deadlines of overseas-worker records (issue 6 item 7): each kind, its boundary day, and the list's shape.
import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../../src-common/domain/calendar/holiday-calendar';
import { vietnamWorkingCalendar as holidays } from '../../src-common/domain/calendar/vietnam-holidays';
import {
  contractEndedOn,
  deadlineKinds,
  dueItems,
  monthlyUpdateDueOn,
  type DeadlineWorker,
  type DueItemsInput,
} from '../../src-common/domain/overseas/deadlines';
import { isWorkerAbroadMessageKey } from '../../src-common/domain/overseas/worker-abroad-messages';
import type { WorkerEvent } from '../../src-common/domain/overseas/worker-events';

const none: Omit<DueItemsInput, 'today'> = { registrations: [], workers: [], branchChanges: [], holidays };
const departed = (date: string): WorkerEvent => ({ type: 'departed', date, arrivalCountry: 'JP' });
const incident = (date: string): WorkerEvent => ({ type: 'incident', date, kind: 'illness', description: 'Sốt xuất huyết' });
const worker = (events: { event: WorkerEvent; reported: boolean }[], extra: Partial<DeadlineWorker> = {}): DeadlineWorker => ({
  citizenId: '001090012345',
  registrationId: 'reg-1',
  events,
  liquidationFiled: false,
  ...extra,
});
const subjectWorker = { type: 'worker', citizenId: '001090012345', registrationId: 'reg-1' };

describe('worker update within 5 days of departure', () => {
  const input = (today: string, reported = false) => ({ ...none, today, workers: [worker([{ event: departed('2026-03-02'), reported }])] });

  it('is due on the 5th day after departure and overdue the day after', () => {
    expect(dueItems(input('2026-03-07'))).toEqual([
      { kind: 'workerDepartureUpdate', subject: subjectWorker, dueOn: '2026-03-07', overdue: false, basis: 'deadline.workerDepartureUpdate.basis' },
    ]);
    expect(dueItems(input('2026-03-08'))[0]?.overdue).toBe(true);
  });
  it('counts calendar days, holidays included (departure on Tết 2026)', () => {
    const items = dueItems({ ...none, today: '2026-02-20', workers: [worker([{ event: departed('2026-02-16'), reported: false }])] });
    expect(items[0]?.dueOn).toBe('2026-02-21');
  });
  it('is gone once reported', () => {
    expect(dueItems(input('2026-03-08', true))).toEqual([]);
  });
});

describe('monthly update by the 20th when anything changed', () => {
  it('puts a change of the 1st–14th in this month and one of the 15th on in the next (Decree 09/2019 cut-off)', () => {
    expect(monthlyUpdateDueOn('2026-03-01')).toBe('2026-03-20');
    expect(monthlyUpdateDueOn('2026-03-14')).toBe('2026-03-20');
    expect(monthlyUpdateDueOn('2026-03-15')).toBe('2026-04-20');
    expect(monthlyUpdateDueOn('2026-12-20')).toBe('2027-01-20');
  });

  it('is in time on the 20th and overdue on the 21st', () => {
    const workers = [worker([{ event: departed('2026-01-05'), reported: true }, { event: incident('2026-03-10'), reported: false }])];
    expect(dueItems({ ...none, workers, today: '2026-03-20' })).toEqual([
      { kind: 'workerMonthlyUpdate', subject: subjectWorker, dueOn: '2026-03-20', overdue: false, basis: 'deadline.workerMonthlyUpdate.basis' },
    ]);
    expect(dueItems({ ...none, workers, today: '2026-03-21' })[0]?.overdue).toBe(true);
  });

  it('gathers the changes of one period into one item, and reported changes into none', () => {
    const workers = [
      worker([
        { event: departed('2026-01-05'), reported: true },
        { event: incident('2026-03-02'), reported: false },
        { event: { type: 'dispute', date: '2026-03-12', withParty: 'employer', description: 'Nợ lương' }, reported: false },
        { event: incident('2026-03-16'), reported: false },
        { event: incident('2026-02-10'), reported: true },
      ]),
    ];
    expect(dueItems({ ...none, workers, today: '2026-03-17' }).map((i) => [i.kind, i.dueOn])).toEqual([
      ['workerMonthlyUpdate', '2026-03-20'],
      ['workerMonthlyUpdate', '2026-04-20'],
    ]);
  });
});

describe('branch change within 5 working days', () => {
  const change = (changedOn: string, reported = false) => ({ branchId: 'br-1', changedOn, reported });

  it('counts working days over Tết 2026: Thu 12 Feb is due Thu 26 Feb', () => {
    const items = dueItems({ ...none, branchChanges: [change('2026-02-12')], today: '2026-02-26' });
    expect(items).toEqual([
      { kind: 'branchChange', subject: { type: 'branch', branchId: 'br-1', changedOn: '2026-02-12' }, dueOn: '2026-02-26', overdue: false, basis: 'deadline.branchChange.basis' },
    ]);
    expect(dueItems({ ...none, branchChanges: [change('2026-02-12')], today: '2026-02-27' })[0]?.overdue).toBe(true);
  });

  it('skips the compensatory day and 30/4–1/5: Fri 24 Apr 2026 is due Wed 6 May', () => {
    expect(dueItems({ ...none, branchChanges: [change('2026-04-24')], today: '2026-04-24' })[0]?.dueOn).toBe('2026-05-06');
  });

  it('uses the calendar it is given, and drops reported changes', () => {
    const weekendsOnly = buildWorkingCalendar({ coveredYears: { from: 2026, to: 2026 }, holidays: [], swaps: [] });
    expect(dueItems({ ...none, holidays: weekendsOnly, branchChanges: [change('2026-02-12')], today: '2026-02-12' })[0]?.dueOn).toBe('2026-02-19');
    expect(dueItems({ ...none, branchChanges: [change('2026-02-12', true)], today: '2026-03-01' })).toEqual([]);
  });
});

describe('liquidation within 180 days after the contract ends', () => {
  const abroad = [{ event: departed('2023-01-11'), reported: true }];

  it('runs from the term end once past: day 180 is in time, day 181 overdue', () => {
    const workers = [worker(abroad, { contractEndsOn: '2026-01-10' })];
    expect(dueItems({ ...none, workers, today: '2026-07-09' })).toEqual([
      { kind: 'liquidation', subject: subjectWorker, dueOn: '2026-07-09', overdue: false, basis: 'deadline.liquidation.basis' },
    ]);
    expect(dueItems({ ...none, workers, today: '2026-07-10' })[0]?.overdue).toBe(true);
  });

  it('is not due while the contract runs, before departure, or once filed', () => {
    expect(dueItems({ ...none, workers: [worker(abroad, { contractEndsOn: '2026-01-10' })], today: '2026-01-09' })).toEqual([]);
    expect(dueItems({ ...none, workers: [worker([], { contractEndsOn: '2026-01-10' })], today: '2026-06-01' })).toEqual([]);
    expect(dueItems({ ...none, workers: [worker(abroad, { contractEndsOn: '2026-01-10', liquidationFiled: true })], today: '2026-06-01' })).toEqual([]);
  });

  it('runs from an early return or a death, which end the contract before its term', () => {
    const early = worker([...abroad, { event: { type: 'returnedEarly', date: '2026-03-01', reason: 'health' }, reported: true }], { contractEndsOn: '2026-12-31' });
    expect(contractEndedOn(early, '2026-03-02')).toBe('2026-03-01');
    expect(dueItems({ ...none, workers: [early], today: '2026-03-02' })[0]?.dueOn).toBe('2026-08-28');
    const died = worker([...abroad, { event: { type: 'deceased', date: '2025-10-01', cause: 'Đột quỵ' }, reported: true }], { contractEndsOn: '2026-12-31' });
    expect(dueItems({ ...none, workers: [died], today: '2025-10-02' })[0]?.dueOn).toBe('2026-03-30');
  });

  it('uses the return on term when no term end is known, and ignores refused events', () => {
    const back = worker([...abroad, { event: { type: 'returnedOnTerm', date: '2026-01-12' }, reported: true }]);
    expect(contractEndedOn(back, '2026-02-01')).toBe('2026-01-12');
    // A return listed before any departure is refused by the sequence rules, so it ends nothing.
    const refused = worker([{ event: { type: 'returnedEarly', date: '2026-01-12', reason: 'other' }, reported: false }]);
    expect(contractEndedOn(refused, '2026-02-01')).toBeUndefined();
  });
});

describe('annual report before 20 December', () => {
  const reports = { firstYear: 2025, filedYears: [2025] };

  it('is due on 19 December and overdue on the 20th', () => {
    expect(dueItems({ ...none, annualReports: reports, today: '2026-12-19' })).toEqual([
      { kind: 'annualReport', subject: { type: 'enterprise', year: 2026 }, dueOn: '2026-12-19', overdue: false, basis: 'deadline.annualReport.basis' },
    ]);
    expect(dueItems({ ...none, annualReports: reports, today: '2026-12-20' })[0]?.overdue).toBe(true);
  });

  it('keeps an unfiled past year overdue, and nothing once filed or without the input', () => {
    const items = dueItems({ ...none, annualReports: { firstYear: 2025, filedYears: [] }, today: '2026-01-05' });
    expect(items.map((i) => [i.subject, i.overdue])).toEqual([
      [{ type: 'enterprise', year: 2025 }, true],
      [{ type: 'enterprise', year: 2026 }, false],
    ]);
    expect(dueItems({ ...none, annualReports: { firstYear: 2025, filedYears: [2025, 2026] }, today: '2026-12-25' })).toEqual([]);
    expect(dueItems({ ...none, today: '2026-12-25' })).toEqual([]);
  });
});

describe('worker list at least 5 working days before the visa application', () => {
  const registration = (visaApplicationOn?: string, workerListFiled = false) => ({ id: 'reg-1', visaApplicationOn, workerListFiled });

  it('counts back over Tết 2026: a visa application on Mon 23 Feb needs the list by Mon 9 Feb', () => {
    const items = dueItems({ ...none, registrations: [registration('2026-02-23')], today: '2026-02-09' });
    expect(items).toEqual([
      { kind: 'workerListBeforeVisa', subject: { type: 'registration', registrationId: 'reg-1' }, dueOn: '2026-02-09', overdue: false, basis: 'deadline.workerListBeforeVisa.basis' },
    ]);
    expect(dueItems({ ...none, registrations: [registration('2026-02-23')], today: '2026-02-10' })[0]?.overdue).toBe(true);
  });

  it('counts back over the swapped Friday of New Year 2026 and works the swapped Saturday', () => {
    // Back from Wed 14 Jan: Tue 13, Mon 12, Sat 10 (worked), Fri 9, Thu 8.
    expect(dueItems({ ...none, registrations: [registration('2026-01-14')], today: '2026-01-01' })[0]?.dueOn).toBe('2026-01-08');
  });

  it('is not due without a visa date or once the list is filed', () => {
    expect(dueItems({ ...none, registrations: [registration(undefined)], today: '2026-02-09' })).toEqual([]);
    expect(dueItems({ ...none, registrations: [registration('2026-02-23', true)], today: '2026-02-09' })).toEqual([]);
  });
});

describe('the due list', () => {
  it('is sorted soonest first, ties by kind', () => {
    const items = dueItems({
      ...none,
      today: '2026-03-01',
      workers: [worker([{ event: departed('2026-03-15'), reported: false }, { event: incident('2026-03-16'), reported: false }])],
      branchChanges: [{ branchId: 'br-1', changedOn: '2026-03-13', reported: false }],
      registrations: [{ id: 'reg-2', visaApplicationOn: '2026-03-27', workerListFiled: false }],
      annualReports: { firstYear: 2026, filedYears: [] },
    });
    expect(items.map((i) => [i.kind, i.dueOn])).toEqual([
      ['workerDepartureUpdate', '2026-03-20'],
      ['branchChange', '2026-03-20'],
      ['workerListBeforeVisa', '2026-03-20'],
      ['workerMonthlyUpdate', '2026-04-20'],
      ['annualReport', '2026-12-19'],
    ]);
  });

  it('has a title and the rule text in both languages for every kind', () => {
    for (const kind of deadlineKinds) {
      expect(isWorkerAbroadMessageKey(`deadline.${kind}.title`), kind).toBe(true);
      expect(isWorkerAbroadMessageKey(`deadline.${kind}.basis`), kind).toBe(true);
    }
  });
});
