// Overseas workers' events: the schema, the sequence rules (with their message keys), the derived status, workerUpdate content.
import { describe, expect, it } from 'vitest';
import {
  currentStatus,
  eventSequenceIssues,
  eventSequenceKeys,
  replayEvents,
  workerEventSchema,
  workerEventTypes,
  workerStatuses,
  workerUpdateSchema,
  type WorkerEvent,
} from '../../src-common/domain/overseas/worker-events';
import { isOverseasRuleKey } from '../../src-common/domain/overseas/messages';
import { isWorkerAbroadMessageKey, workerAbroadMessages } from '../../src-common/domain/overseas/worker-abroad-messages';

const employerId = '0190a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b';
const registrationFilingId = '0190a1b2-c3d4-7e5f-8a6b-000000000001';
const citizenId = '001090012345';

const departed = (date: string): WorkerEvent => ({ type: 'departed', date, flightNumber: 'VN310', arrivalCountry: 'JP' });
const incident = (date: string): WorkerEvent => ({ type: 'incident', date, kind: 'accident', description: 'Ngã giàn giáo' });
const dispute = (date: string): WorkerEvent => ({ type: 'dispute', date, withParty: 'employer', description: 'Nợ lương' });
const employerChanged = (date: string): WorkerEvent => ({ type: 'employerChanged', date, newEmployerId: employerId, reason: 'Chủ cũ phá sản' });
const leftWorkplace = (date: string): WorkerEvent => ({ type: 'leftWorkplace', date, reportedBy: 'Đại diện doanh nghiệp tại Nhật Bản' });
const returnedOnTerm = (date: string): WorkerEvent => ({ type: 'returnedOnTerm', date });
const returnedEarly = (date: string): WorkerEvent => ({ type: 'returnedEarly', date, reason: 'health' });
const deceased = (date: string): WorkerEvent => ({ type: 'deceased', date, cause: 'Tai nạn lao động', repatriationNote: 'Hồi hương tro cốt' });

const keysOf = (events: WorkerEvent[]) => eventSequenceIssues(events).map((i) => [i.path, i.message]);

describe('worker event schema', () => {
  it('accepts each of the eight event types', () => {
    const all = [departed('2025-01-05'), employerChanged('2025-02-01'), incident('2025-03-01'), dispute('2025-04-01'), leftWorkplace('2025-05-01'), returnedOnTerm('2025-06-01'), returnedEarly('2025-07-01'), deceased('2025-08-01')];
    for (const event of all) expect(workerEventSchema.safeParse(event).success, event.type).toBe(true);
    expect(workerEventTypes).toEqual(all.map((e) => e.type));
  });

  it('refuses an unknown type, a bad date, a missing field, a lower-case country and an unknown reason', () => {
    expect(workerEventSchema.safeParse({ type: 'vanished', date: '2025-01-01' }).success).toBe(false);
    expect(workerEventSchema.safeParse({ ...departed('2025-01-01'), date: '2025-13-01' }).success).toBe(false);
    expect(workerEventSchema.safeParse({ type: 'incident', date: '2025-01-01', kind: 'accident' }).success).toBe(false);
    expect(workerEventSchema.safeParse({ ...departed('2025-01-01'), arrivalCountry: 'jp' }).success).toBe(false);
    expect(workerEventSchema.safeParse({ type: 'returnedEarly', date: '2025-01-01', reason: 'homesick' }).success).toBe(false);
    expect(workerEventSchema.safeParse({ ...incident('2025-01-01'), description: '   ' }).success).toBe(false);
  });

  it('reads a flight number in upper case and refuses a malformed one with its key', () => {
    expect(workerEventSchema.parse({ ...departed('2025-01-01'), flightNumber: 'vn310' })).toMatchObject({ flightNumber: 'VN310' });
    const bad = workerEventSchema.safeParse({ ...departed('2025-01-01'), flightNumber: 'flight 1' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('overseas.event.flightNumber');
    expect(workerEventSchema.safeParse({ type: 'departed', date: '2025-01-01', arrivalCountry: 'KR' }).success).toBe(true);
  });
});

describe('status derivation', () => {
  it('is notDeparted with no events', () => {
    expect(currentStatus([])).toBe('notDeparted');
  });
  it('follows departure, events abroad and a return on term', () => {
    const events = [departed('2025-01-05'), employerChanged('2025-06-01'), incident('2025-07-01'), dispute('2025-08-01')];
    expect(currentStatus(events)).toBe('abroad');
    expect(currentStatus([...events, returnedOnTerm('2028-01-04')])).toBe('returned');
  });
  it('reaches absconded, returnedEarly and deceased', () => {
    expect(currentStatus([departed('2025-01-05'), leftWorkplace('2025-03-01')])).toBe('absconded');
    expect(currentStatus([departed('2025-01-05'), returnedEarly('2025-03-01')])).toBe('returnedEarly');
    expect(currentStatus([departed('2025-01-05'), leftWorkplace('2025-03-01'), returnedEarly('2025-09-01')])).toBe('returnedEarly');
    expect(currentStatus([departed('2025-01-05'), leftWorkplace('2025-03-01'), incident('2025-04-01'), deceased('2025-05-01')])).toBe('deceased');
  });
  it('sorts by date whatever the order given, and allows a new departure after a return', () => {
    const events = [returnedOnTerm('2026-01-04'), departed('2025-01-05')];
    expect(eventSequenceIssues(events)).toEqual([]);
    expect(currentStatus(events)).toBe('returned');
    expect(currentStatus([departed('2025-01-05'), returnedEarly('2025-03-01'), departed('2025-10-01')])).toBe('abroad');
  });
  it('names every status there is', () => {
    expect(workerStatuses).toEqual(['notDeparted', 'abroad', 'absconded', 'returned', 'returnedEarly', 'deceased']);
  });
});

describe('sequence rules (issues at events.<index as given>, stable keys)', () => {
  it('no event after a death, including later the same day', () => {
    expect(keysOf([departed('2025-01-05'), deceased('2025-06-01'), incident('2025-07-01')])).toEqual([['events.2', eventSequenceKeys.afterDeath]]);
    expect(keysOf([departed('2025-01-05'), deceased('2025-06-01'), returnedEarly('2025-06-01')])).toEqual([['events.2', 'overseas.event.afterDeath']]);
    expect(keysOf([departed('2025-01-05'), deceased('2025-06-01'), deceased('2025-06-02')])).toEqual([['events.2', 'overseas.event.afterDeath']]);
    // An event listed first but dated after the death is still after it.
    expect(keysOf([incident('2025-07-01'), departed('2025-01-05'), deceased('2025-06-01')])).toEqual([['events.0', 'overseas.event.afterDeath']]);
  });

  it('cannot depart twice without a return, nor while absconded', () => {
    expect(keysOf([departed('2025-01-05'), departed('2025-02-05')])).toEqual([['events.1', 'overseas.event.alreadyAbroad']]);
    expect(keysOf([departed('2025-01-05'), leftWorkplace('2025-02-01'), departed('2025-03-05')])).toEqual([['events.2', 'overseas.event.alreadyAbroad']]);
  });

  it('refuses a return before any departure, a return dated before the departure, and a second return', () => {
    expect(keysOf([returnedOnTerm('2025-01-05')])).toEqual([['events.0', 'overseas.event.returnBeforeDeparture']]);
    expect(keysOf([departed('2025-03-01'), returnedEarly('2025-02-01')])).toEqual([['events.1', 'overseas.event.returnBeforeDeparture']]);
    expect(keysOf([departed('2025-01-05'), returnedOnTerm('2026-01-04'), returnedEarly('2026-02-01')])).toEqual([['events.2', 'overseas.event.returnBeforeDeparture']]);
  });

  it('refuses events that happen abroad while the worker is not abroad', () => {
    for (const event of [incident('2025-01-01'), dispute('2025-01-01'), employerChanged('2025-01-01'), leftWorkplace('2025-01-01'), deceased('2025-01-01')]) {
      expect(keysOf([event]), event.type).toEqual([['events.0', 'overseas.event.notAbroad']]);
    }
    expect(keysOf([departed('2025-01-05'), returnedOnTerm('2026-01-04'), incident('2026-02-01')])).toEqual([['events.2', 'overseas.event.notAbroad']]);
  });

  it('refuses a change of employer or a second absconding while absconded', () => {
    expect(keysOf([departed('2025-01-05'), leftWorkplace('2025-02-01'), employerChanged('2025-03-01')])).toEqual([['events.2', 'overseas.event.whileAbsconded']]);
    expect(keysOf([departed('2025-01-05'), leftWorkplace('2025-02-01'), leftWorkplace('2025-03-01')])).toEqual([['events.2', 'overseas.event.whileAbsconded']]);
  });

  it('skips a refused event and goes on judging the rest from the state before it', () => {
    const replay = replayEvents([returnedOnTerm('2025-01-01'), departed('2025-01-05'), departed('2025-02-01'), returnedEarly('2025-05-01')]);
    expect(replay.breaches).toEqual([
      { index: 0, key: 'overseas.event.returnBeforeDeparture' },
      { index: 2, key: 'overseas.event.alreadyAbroad' },
    ]);
    expect(replay.status).toBe('returnedEarly');
  });
});

describe('workerUpdate filing content', () => {
  const update = { registrationFilingId, citizenId, events: [departed('2025-01-05'), incident('2025-03-01')] };

  it('accepts a worker timeline', () => {
    expect(workerUpdateSchema.parse(update)).toEqual(update);
  });

  it('needs at least one event, a real citizen ID and a filing id', () => {
    expect(workerUpdateSchema.safeParse({ ...update, events: [] }).success).toBe(false);
    const badId = workerUpdateSchema.safeParse({ ...update, citizenId: '12345' });
    expect(badId.error?.issues.map((i) => i.message)).toEqual(['citizenId']);
    expect(workerUpdateSchema.safeParse({ ...update, registrationFilingId: 'reg-1' }).success).toBe(false);
    expect(workerUpdateSchema.safeParse({ ...update, extra: true }).success).toBe(false);
  });

  it('reports a broken sequence at the event, with the rule key', () => {
    const result = workerUpdateSchema.safeParse({ ...update, events: [departed('2025-01-05'), departed('2025-02-01')] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => ({ path: i.path, message: i.message, code: i.code }))).toEqual([
      { path: ['events', 1], message: 'overseas.event.alreadyAbroad', code: 'custom' },
    ]);
  });

  it('reports a malformed event as such, not also as a rule breach', () => {
    const result = workerUpdateSchema.safeParse({ ...update, events: [returnedOnTerm('2025-02-30')] });
    expect(result.error?.issues.map((i) => i.code)).toEqual(['invalid_format']);
  });

  it('still judges the sequence when only a rule (custom) issue came before', () => {
    const result = workerUpdateSchema.safeParse({ ...update, citizenId: '12345', events: [returnedOnTerm('2025-02-01')] });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['citizenId', 'overseas.event.returnBeforeDeparture']);
  });
});

describe('messages', () => {
  it('has Vietnamese and English text for every key the events produce', () => {
    const keys = [
      ...Object.values(eventSequenceKeys),
      'overseas.event.flightNumber',
      ...workerStatuses.map((s) => `overseas.status.${s}`),
      ...workerEventTypes.map((t) => `overseas.eventType.${t}`),
    ];
    for (const key of keys) {
      expect(isWorkerAbroadMessageKey(key), key).toBe(true);
      if (!isWorkerAbroadMessageKey(key)) continue;
      expect(workerAbroadMessages[key].vi.length).toBeGreaterThan(0);
      expect(workerAbroadMessages[key].en.length).toBeGreaterThan(0);
      expect(workerAbroadMessages[key].vi).not.toBe(workerAbroadMessages[key].en);
    }
    // The citizen ID key is shared with the worker list and worded there.
    expect(isOverseasRuleKey('citizenId')).toBe(true);
  });
});
