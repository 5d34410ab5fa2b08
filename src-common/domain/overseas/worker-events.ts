// What happens to an overseas worker while abroad: the events, the status they lead to, and a workerUpdate filing.
//
// A `workerUpdate` filing carries the worker's whole timeline as known when it is filed, not only what
// is new: each version is then checkable on its own and replaces the one before, so a wrongly entered
// event is corrected by the next version (filings are append-only; events inside them need not be).
import { z } from 'zod';
import { countryCodeSchema, isoDateSchema } from '../organisation';
import type { ValidationIssue } from '../../validation';
import { citizenIdSchema } from './worker-entry';

const text = (max: number) => z.string().trim().min(1).max(max);

export const incidentKinds = ['accident', 'illness', 'labourDispute', 'other'] as const;
export const incidentKindSchema = z.enum(incidentKinds);
export type IncidentKind = z.infer<typeof incidentKindSchema>;

export const disputePartyKinds = ['employer', 'enterprise', 'broker', 'coworker', 'other'] as const;
export const disputePartySchema = z.enum(disputePartyKinds);

export const earlyReturnReasons = ['contractTerminated', 'health', 'employerBreach', 'workerBreach', 'forceMajeure', 'other'] as const;
export const earlyReturnReasonSchema = z.enum(earlyReturnReasons);
export type EarlyReturnReason = z.infer<typeof earlyReturnReasonSchema>;

export const departedEventSchema = z.strictObject({
  type: z.literal('departed'),
  date: isoDateSchema,
  /** IATA flight designator, e.g. VN310; optional (some leave by land or sea). */
  flightNumber: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2}\d{1,4}[A-Z]?$/, { message: 'overseas.event.flightNumber' }).optional(),
  arrivalCountry: countryCodeSchema,
});

export const employerChangedEventSchema = z.strictObject({
  type: z.literal('employerChanged'),
  date: isoDateSchema,
  newEmployerId: z.uuid(),
  reason: text(1000),
});

export const incidentEventSchema = z.strictObject({
  type: z.literal('incident'),
  date: isoDateSchema,
  kind: incidentKindSchema,
  description: text(4000),
});

export const disputeEventSchema = z.strictObject({
  type: z.literal('dispute'),
  date: isoDateSchema,
  /** Who the worker is in dispute with. */
  withParty: disputePartySchema,
  description: text(4000),
});

/** The worker left the workplace without permission ("bỏ trốn"). */
export const leftWorkplaceEventSchema = z.strictObject({
  type: z.literal('leftWorkplace'),
  date: isoDateSchema,
  /** Who reported it (employer, the enterprise's representative abroad, the embassy's labour section ...). */
  reportedBy: text(300),
});

export const returnedOnTermEventSchema = z.strictObject({
  type: z.literal('returnedOnTerm'),
  date: isoDateSchema,
});

export const returnedEarlyEventSchema = z.strictObject({
  type: z.literal('returnedEarly'),
  date: isoDateSchema,
  reason: earlyReturnReasonSchema,
  note: text(2000).optional(),
});

export const deceasedEventSchema = z.strictObject({
  type: z.literal('deceased'),
  date: isoDateSchema,
  cause: text(1000),
  /** Repatriation of the remains or ashes, as arranged. */
  repatriationNote: text(2000).optional(),
});

export const workerEventSchema = z.discriminatedUnion('type', [
  departedEventSchema,
  employerChangedEventSchema,
  incidentEventSchema,
  disputeEventSchema,
  leftWorkplaceEventSchema,
  returnedOnTermEventSchema,
  returnedEarlyEventSchema,
  deceasedEventSchema,
]);
export type WorkerEvent = z.infer<typeof workerEventSchema>;
export type WorkerEventType = WorkerEvent['type'];
export const workerEventTypes = workerEventSchema.options.map((option) => option.shape.type.value) as WorkerEventType[];

export const workerStatuses = ['notDeparted', 'abroad', 'absconded', 'returned', 'returnedEarly', 'deceased'] as const;
export type WorkerStatus = (typeof workerStatuses)[number];

/** Stable keys of the sequence rules (texts in worker-abroad-messages.ts). */
export const eventSequenceKeys = {
  afterDeath: 'overseas.event.afterDeath',
  alreadyAbroad: 'overseas.event.alreadyAbroad',
  returnBeforeDeparture: 'overseas.event.returnBeforeDeparture',
  notAbroad: 'overseas.event.notAbroad',
  whileAbsconded: 'overseas.event.whileAbsconded',
} as const;
export type EventSequenceKey = (typeof eventSequenceKeys)[keyof typeof eventSequenceKeys];

const isAway = (status: WorkerStatus) => status === 'abroad' || status === 'absconded';

/** The status after `event`, or the rule it breaks in `status`. */
function transition(status: WorkerStatus, event: WorkerEvent): WorkerStatus | EventSequenceKey {
  if (status === 'deceased') return eventSequenceKeys.afterDeath;
  switch (event.type) {
    case 'departed':
      return isAway(status) ? eventSequenceKeys.alreadyAbroad : 'abroad';
    case 'employerChanged':
      if (status === 'absconded') return eventSequenceKeys.whileAbsconded;
      return status === 'abroad' ? status : eventSequenceKeys.notAbroad;
    case 'leftWorkplace':
      if (status === 'absconded') return eventSequenceKeys.whileAbsconded;
      return status === 'abroad' ? 'absconded' : eventSequenceKeys.notAbroad;
    case 'incident':
    case 'dispute':
      return isAway(status) ? status : eventSequenceKeys.notAbroad;
    case 'returnedOnTerm':
      return isAway(status) ? 'returned' : eventSequenceKeys.returnBeforeDeparture;
    case 'returnedEarly':
      return isAway(status) ? 'returnedEarly' : eventSequenceKeys.returnBeforeDeparture;
    case 'deceased':
      return isAway(status) ? 'deceased' : eventSequenceKeys.notAbroad;
  }
}

const isStatus = (value: WorkerStatus | EventSequenceKey): value is WorkerStatus =>
  (workerStatuses as readonly string[]).includes(value);

export interface EventRuleBreach {
  /** Position of the refused event in the list as given. */
  index: number;
  key: EventSequenceKey;
}

export interface EventReplay {
  /** The status after every acceptable event, in date order. */
  status: WorkerStatus;
  /** One per refused event; a refused event does not change the status. */
  breaches: EventRuleBreach[];
}

/**
 * Replays the events in date order (same-day events in the order given) from 'notDeparted'. Rules:
 * nothing after a death; no departure while abroad or absconded (return first); no return unless
 * abroad or absconded; events that happen abroad need the worker abroad; no change of employer
 * and no second absconding while absconded.
 */
export function replayEvents(events: readonly WorkerEvent[]): EventReplay {
  const order = events
    .map((_, index) => index)
    .sort((a, b) => (events[a]!.date < events[b]!.date ? -1 : events[a]!.date > events[b]!.date ? 1 : a - b));
  let status: WorkerStatus = 'notDeparted';
  const breaches: EventRuleBreach[] = [];
  for (const index of order) {
    const next = transition(status, events[index]!);
    if (isStatus(next)) status = next;
    else breaches.push({ index, key: next });
  }
  return { status, breaches };
}

export function currentStatus(events: readonly WorkerEvent[]): WorkerStatus {
  return replayEvents(events).status;
}

/** The refused events as VALIDATION_FAILED details (`events.<index>`), for forms and the portal. */
export function eventSequenceIssues(events: readonly WorkerEvent[]): ValidationIssue[] {
  return replayEvents(events).breaches.map(({ index, key }) => ({ path: `events.${index}`, message: key, code: 'custom' }));
}

/** The content of a `workerUpdate` filing: one worker's timeline under one contract registration. */
export const workerUpdateSchema = z
  .strictObject({
    registrationFilingId: z.uuid(),
    citizenId: citizenIdSchema,
    events: z.array(workerEventSchema).min(1).max(500),
  })
  .superRefine(
    (update, ctx) => {
      for (const { index, key } of replayEvents(update.events).breaches) {
        ctx.addIssue({ code: 'custom', message: key, path: ['events', index] });
      }
    },
    // The sequence is judged only on well-formed events: a malformed one is reported as such, not as a rule breach.
    { when: (payload) => payload.issues.every((issue) => issue.code === 'custom') },
  );
export type WorkerUpdate = z.infer<typeof workerUpdateSchema>;
