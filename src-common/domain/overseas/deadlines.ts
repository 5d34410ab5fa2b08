// The legal deadlines of an enterprise's overseas-worker records, as a "due" list: what is owed, by when, and why.
//
// Rules (issue 6 item 7; periods in days start the day after the event, Civil Code 2015 Art. 147):
// - workerDepartureUpdate: a worker's departure is reported within 5 days of it.
// - workerMonthlyUpdate: other changes are reported by the 20th of the month. Which 20th follows the
//   data cut-off of monthly reporting (Decree 09/2019/NĐ-CP Art. 12: the 15th of one month to the 14th
//   of the next): a change on the 1st–14th is due on the 20th of the same month, a change on the
//   15th or later on the 20th of the next. The 20th itself is still in time.
// - branchChange: a branch opened, changed or closed is notified within 5 working days.
// - liquidation: the worker's contract is liquidated within 180 days after it ends (the early return
//   or death ends it before its term); day 180 is still in time.
// - annualReport: the annual report is filed before 20 December, so 19 December is the last day.
// - workerListBeforeVisa: the worker list is filed at least 5 working days before the visa application.
// A due day on a weekend or holiday is shown as it is (not moved to the next working day): a
// reminder board errs on the early side.
//
// The inputs are this module's own minimal shapes, so it does not depend on how registrations and
// branches are stored; callers map their records onto them.
import { addCalendarDays } from '../calendar/day-number';
import type { WorkingCalendar } from '../calendar/holiday-calendar';
import { addWorkingDays } from '../calendar/working-days';
import { replayEvents, type WorkerEvent } from './worker-events';

export const departureUpdateDays = 5;
export const monthlyUpdateDay = 20;
/** Changes on or after this day of a month fall into the next month's report (Decree 09/2019 Art. 12). */
export const monthlyCutOffDay = 15;
export const branchChangeWorkingDays = 5;
export const liquidationDays = 180;
/** The annual report is due before this day of December. */
export const annualReportBeforeDay = 20;
export const workerListWorkingDaysBeforeVisa = 5;

export const deadlineKinds = [
  'workerDepartureUpdate',
  'workerMonthlyUpdate',
  'branchChange',
  'liquidation',
  'annualReport',
  'workerListBeforeVisa',
] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];
/** The message key of the rule's text (worker-abroad-messages.ts). */
export type DeadlineBasisKey = `deadline.${DeadlineKind}.basis`;

export interface DeadlineRegistration {
  /** The contract registration filing's id. */
  id: string;
  /** Planned day of the visa application for its workers, once known. */
  visaApplicationOn?: string;
  workerListFiled: boolean;
}

export interface TrackedWorkerEvent {
  event: WorkerEvent;
  /** Already carried by a filed workerUpdate. */
  reported: boolean;
}

export interface DeadlineWorker {
  citizenId: string;
  registrationId: string;
  /** The last day of the worker's contract term. */
  contractEndsOn?: string;
  events: readonly TrackedWorkerEvent[];
  liquidationFiled: boolean;
}

export interface DeadlineBranchChange {
  branchId: string;
  /** The day the branch was opened, changed or closed. */
  changedOn: string;
  reported: boolean;
}

export interface DeadlineAnnualReports {
  /** The first year the enterprise owes an annual report for. */
  firstYear: number;
  filedYears: readonly number[];
}

export interface DueItemsInput {
  registrations: readonly DeadlineRegistration[];
  workers: readonly DeadlineWorker[];
  branchChanges: readonly DeadlineBranchChange[];
  annualReports?: DeadlineAnnualReports;
  /** Today in Vietnam (ISO date); the caller decides the clock. */
  today: string;
  holidays: WorkingCalendar;
}

export type DueSubject =
  | { type: 'worker'; citizenId: string; registrationId: string }
  | { type: 'branch'; branchId: string; changedOn: string }
  | { type: 'registration'; registrationId: string }
  | { type: 'enterprise'; year: number };

export interface DueItem {
  kind: DeadlineKind;
  subject: DueSubject;
  /** The last day on which the obligation is met in time. */
  dueOn: string;
  overdue: boolean;
  basis: DeadlineBasisKey;
}

/** The 20th on which a change of `date` is due (Decree 09/2019 cut-off: the 15th opens the next period). */
export function monthlyUpdateDueOn(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + (day >= monthlyCutOffDay ? 1 : 0);
  const dueMonth = String((index % 12) + 1).padStart(2, '0');
  return `${Math.floor(index / 12)}-${dueMonth}-${monthlyUpdateDay}`;
}

/** The day a worker's contract ended, if it has: an early return or death, else its term once past. */
export function contractEndedOn(worker: DeadlineWorker, today: string): string | undefined {
  const events = worker.events.map((tracked) => tracked.event);
  const refused = new Set(replayEvents(events).breaches.map((breach) => breach.index));
  const accepted = events.filter((_, index) => !refused.has(index));
  const departed = accepted.some((event) => event.type === 'departed');
  if (!departed) return undefined;
  const ending = accepted
    .filter((event) => event.type === 'returnedEarly' || event.type === 'deceased')
    .map((event) => event.date)
    .sort()
    .at(-1);
  if (ending !== undefined) return ending;
  const returnedOnTerm = accepted.filter((event) => event.type === 'returnedOnTerm').map((event) => event.date).sort().at(-1);
  if (worker.contractEndsOn !== undefined && worker.contractEndsOn <= today) return worker.contractEndsOn;
  return returnedOnTerm;
}

function item(kind: DeadlineKind, subject: DueSubject, dueOn: string, today: string): DueItem {
  return { kind, subject, dueOn, overdue: today > dueOn, basis: `deadline.${kind}.basis` };
}

function workerItems(worker: DeadlineWorker, today: string): DueItem[] {
  const subject: DueSubject = { type: 'worker', citizenId: worker.citizenId, registrationId: worker.registrationId };
  const items: DueItem[] = [];
  const monthlyDueDays = new Set<string>();
  for (const { event, reported } of worker.events) {
    if (reported) continue;
    if (event.type === 'departed') items.push(item('workerDepartureUpdate', subject, addCalendarDays(event.date, departureUpdateDays), today));
    else monthlyDueDays.add(monthlyUpdateDueOn(event.date));
  }
  // One monthly item per report day, however many changes it gathers.
  for (const dueOn of monthlyDueDays) items.push(item('workerMonthlyUpdate', subject, dueOn, today));
  const endedOn = worker.liquidationFiled ? undefined : contractEndedOn(worker, today);
  if (endedOn !== undefined) items.push(item('liquidation', subject, addCalendarDays(endedOn, liquidationDays), today));
  return items;
}

export function dueItems(input: DueItemsInput): DueItem[] {
  const { today, holidays } = input;
  const items: DueItem[] = input.workers.flatMap((worker) => workerItems(worker, today));
  for (const change of input.branchChanges) {
    if (change.reported) continue;
    const subject: DueSubject = { type: 'branch', branchId: change.branchId, changedOn: change.changedOn };
    items.push(item('branchChange', subject, addWorkingDays(change.changedOn, branchChangeWorkingDays, holidays), today));
  }
  for (const registration of input.registrations) {
    if (registration.workerListFiled || registration.visaApplicationOn === undefined) continue;
    const dueOn = addWorkingDays(registration.visaApplicationOn, -workerListWorkingDaysBeforeVisa, holidays);
    items.push(item('workerListBeforeVisa', { type: 'registration', registrationId: registration.id }, dueOn, today));
  }
  if (input.annualReports !== undefined) {
    const filed = new Set(input.annualReports.filedYears);
    const thisYear = Number(today.slice(0, 4));
    for (let year = input.annualReports.firstYear; year <= thisYear; year += 1) {
      if (filed.has(year)) continue;
      const dueOn = `${year}-12-${String(annualReportBeforeDay - 1).padStart(2, '0')}`;
      items.push(item('annualReport', { type: 'enterprise', year }, dueOn, today));
    }
  }
  // Soonest first; the kind's order settles ties so the list is stable.
  return items.sort((a, b) => (a.dueOn !== b.dueOn ? (a.dueOn < b.dueOn ? -1 : 1) : deadlineKinds.indexOf(a.kind) - deadlineKinds.indexOf(b.kind)));
}
