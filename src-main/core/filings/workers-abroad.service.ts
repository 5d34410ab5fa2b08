// The `workers:*` area: workers sent abroad, read from the filings kept here — each registration's
// worker list, each worker's timeline (the latest workerUpdate for that worker and registration carries
// the whole timeline), liquidations filed — with the status derived from the events and the legal
// deadlines ("due" board) computed from all of it.
import type { WorkerAbroadRow } from '../../../src-common/contract';
import { vietnamWorkingCalendar } from '../../../src-common/domain/calendar/vietnam-holidays';
import { dueItems, type DeadlineWorker, type DueItem } from '../../../src-common/domain/overseas/deadlines';
import { currentStatus, workerEventSchema, type WorkerEvent } from '../../../src-common/domain/overseas/worker-events';
import { workerContractEnd, type WorkerEntry } from '../../../src-common/domain/overseas/worker-entry';
import { CodedError } from '../../../src-common/errors';
import type { Language } from '../../../src-common/language';
import { workerAbroadMessage } from '../../../src-common/domain/overseas/worker-abroad-messages';
import { foldVietnamese } from '../../../src-common/text';
import type { SessionService } from '../session/session.service';
import type { FilingsService } from './filings.service';
import { exportWorkers } from './list-exports';

interface FilingVersion {
  filingId: string;
  version: number;
  type: string;
  title: string;
  content: Record<string, unknown>;
  /** Sent to the portal (or queued to be); false for a draft on this computer. */
  submitted: boolean;
}

const key = (registrationId: string, citizenId: string) => `${registrationId}/${citizenId}`;

export class WorkersAbroadService {
  constructor(
    private readonly session: SessionService,
    private readonly filings: FilingsService,
    private readonly language: () => Language,
    private readonly today: () => string,
  ) {}

  /** Every filing version here: the portal's records (with pending changes) and the unsubmitted drafts. */
  private versions(): FilingVersion[] {
    const sqlite = this.session.account().store.sqlite;
    const records = sqlite.prepare(`SELECT coalesce(local_data, server_data) AS data FROM records WHERE entity = 'filing'`).all() as { data: string }[];
    const drafts = sqlite
      .prepare(`SELECT filing_id AS filingId, version, type, title, content FROM filing_drafts WHERE state <> 'submitted'`)
      .all() as { filingId: string; version: number; type: string; title: string; content: string }[];
    return [
      ...records.map(({ data }) => {
        const row = JSON.parse(data) as { id: string; filingVersion: number; type: string; title: string; content: Record<string, unknown> };
        return { filingId: row.id, version: row.filingVersion, type: row.type, title: row.title, content: row.content ?? {}, submitted: true };
      }),
      ...drafts.map((d) => ({ ...d, content: JSON.parse(d.content) as Record<string, unknown>, submitted: false })),
    ];
  }

  /** The latest submitted version of each filing, and the newest draft of each, by filing id. */
  private latest(versions: FilingVersion[], submitted: boolean): Map<string, FilingVersion> {
    const byId = new Map<string, FilingVersion>();
    for (const v of versions) {
      if (v.submitted !== submitted) continue;
      const current = byId.get(v.filingId);
      if (!current || current.version < v.version) byId.set(v.filingId, v);
    }
    return byId;
  }

  private gather() {
    const versions = this.versions();
    const submitted = this.latest(versions, true);
    const drafts = this.latest(versions, false);
    const registrations = [...submitted.values()].filter((v) => v.type === 'contractRegistration' || v.type === 'internshipWorkerList');
    /** Per worker: the reported timeline (latest submitted update), and a newer unsubmitted one if any. */
    const timelines = new Map<string, { reported: WorkerEvent[]; draft: WorkerEvent[] | null; draftRef: { filingId: string; version: number } | null }>();
    const eventsOf = (content: Record<string, unknown>) =>
      (Array.isArray(content.events) ? content.events : []).flatMap((e) => {
        const parsed = workerEventSchema.safeParse(e);
        return parsed.success ? [parsed.data] : [];
      });
    for (const update of [...submitted.values()].filter((v) => v.type === 'workerUpdate')) {
      const k = key(String(update.content.registrationFilingId), String(update.content.citizenId));
      const entry = timelines.get(k) ?? { reported: [], draft: null, draftRef: null };
      entry.reported = eventsOf(update.content);
      timelines.set(k, entry);
    }
    for (const update of [...drafts.values()].filter((v) => v.type === 'workerUpdate')) {
      const k = key(String(update.content.registrationFilingId), String(update.content.citizenId));
      const entry = timelines.get(k) ?? { reported: [], draft: null, draftRef: null };
      entry.draft = eventsOf(update.content);
      entry.draftRef = { filingId: update.filingId, version: update.version };
      timelines.set(k, entry);
    }
    const liquidated = new Set(
      [...submitted.values()].filter((v) => v.type === 'liquidation').map((v) => key(String(v.content.registrationFilingId), String(v.content.citizenId))),
    );
    return { registrations, timelines, liquidated, drafts };
  }

  list(options: { search?: string; status?: WorkerAbroadRow['status'] } = {}): { rows: WorkerAbroadRow[] } {
    const { registrations, timelines, liquidated } = this.gather();
    const folded = options.search ? foldVietnamese(options.search) : '';
    const rows: WorkerAbroadRow[] = [];
    for (const registration of registrations) {
      const workers = (Array.isArray(registration.content.workers) ? registration.content.workers : []) as WorkerEntry[];
      for (const worker of workers) {
        const timeline = timelines.get(key(registration.filingId, worker.citizenId));
        const events = timeline?.draft ?? timeline?.reported ?? [];
        const status = currentStatus(events);
        if (options.status && status !== options.status) continue;
        if (folded && !foldVietnamese(`${worker.fullName} ${worker.citizenId} ${worker.passport?.number ?? ''}`).includes(folded)) continue;
        const last = [...events].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
        rows.push({
          citizenId: worker.citizenId,
          fullName: worker.fullName,
          registrationFilingId: registration.filingId,
          registrationTitle: registration.title,
          hostCountry: typeof registration.content.hostCountry === 'string' ? registration.content.hostCountry : null,
          status,
          lastEvent: last ? { type: last.type, date: last.date } : null,
          unreportedEvents: timeline?.draft ? timeline.draft.length - timeline.reported.length : 0,
          contractEndsOn: worker.plannedDeparture && worker.contractTermMonths ? workerContractEnd(worker.plannedDeparture, worker.contractTermMonths) : null,
          liquidationFiled: liquidated.has(key(registration.filingId, worker.citizenId)),
        });
      }
    }
    rows.sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
    return { rows };
  }

  /**
   * Adds an event to the worker's timeline as a workerUpdate draft (the whole timeline, as the rules
   * check it), to be signed and filed with "Ký và nộp". A second event joins the same draft.
   */
  recordEvent(input: { registrationFilingId: string; citizenId: string; event: WorkerEvent }) {
    const { registrations, timelines } = this.gather();
    const registration = registrations.find((r) => r.filingId === input.registrationFilingId);
    const worker = ((registration?.content.workers ?? []) as WorkerEntry[]).find((w) => w.citizenId === input.citizenId);
    if (!registration || !worker) throw new CodedError('NOT_FOUND', { registrationFilingId: input.registrationFilingId, citizenId: input.citizenId });
    const timeline = timelines.get(key(input.registrationFilingId, input.citizenId));
    const events = [...(timeline?.draft ?? timeline?.reported ?? []), input.event];
    const content = { registrationFilingId: input.registrationFilingId, citizenId: input.citizenId, events };
    const title = `Cập nhật NLĐ ${worker.fullName} (${worker.citizenId})`;
    if (timeline?.draftRef) return this.filings.saveDraft({ ...timeline.draftRef, type: 'workerUpdate', title, content });
    // The next version of this worker's update filing, or its first.
    const existing = this.updateFilingIdOf(input.registrationFilingId, input.citizenId);
    return this.filings.saveDraft({ ...(existing ? { filingId: existing } : {}), type: 'workerUpdate', title, content });
  }

  /** The legal deadlines due from what is recorded here, soonest first. */
  due(): DueItem[] {
    const { registrations, timelines, liquidated, drafts } = this.gather();
    const workers: DeadlineWorker[] = registrations.flatMap((registration) =>
      ((registration.content.workers ?? []) as WorkerEntry[]).map((worker) => {
        const timeline = timelines.get(key(registration.filingId, worker.citizenId));
        const reported = timeline?.reported ?? [];
        const all = timeline?.draft ?? reported;
        return {
          citizenId: worker.citizenId,
          registrationId: registration.filingId,
          ...(worker.plannedDeparture && worker.contractTermMonths ? { contractEndsOn: workerContractEnd(worker.plannedDeparture, worker.contractTermMonths) } : {}),
          events: all.map((event, index) => ({ event, reported: index < reported.length })),
          liquidationFiled: liquidated.has(key(registration.filingId, worker.citizenId)),
        };
      }),
    );
    const visaOf = (r: FilingVersion) => (typeof r.content.visaApplicationOn === 'string' ? { visaApplicationOn: r.content.visaApplicationOn } : {});
    // Registrations still being prepared here: their worker list is due before the visa application.
    const unfiled = [...drafts.values()].filter(
      (d) => (d.type === 'contractRegistration' || d.type === 'internshipWorkerList') && !registrations.some((r) => r.filingId === d.filingId),
    );
    const sqlite = this.session.account().store.sqlite;
    // A branch change not yet on the portal has not been reported (the portal is where it is notified).
    const pendingBranches = sqlite
      .prepare(`SELECT id, updated_at AS updatedAt FROM records WHERE entity = 'branch' AND local_data IS NOT NULL`)
      .all() as { id: string; updatedAt: string }[];
    const today = this.today();
    const thisYear = Number(today.slice(0, 4));
    const reportYears = [...this.latest(this.versions(), true).values()]
      .filter((v) => v.type === 'periodicReport' && typeof v.content.year === 'number')
      .map((v) => v.content.year as number);
    const items = dueItems({
      registrations: [
        ...registrations.map((r) => ({ id: r.filingId, workerListFiled: true, ...visaOf(r) })),
        ...unfiled.map((d) => ({ id: d.filingId, workerListFiled: false, ...visaOf(d) })),
      ],
      workers,
      branchChanges: pendingBranches.map((b) => ({ branchId: b.id, changedOn: vietnamToday(new Date(b.updatedAt)), reported: false })),
      // This year's annual report (earlier years are not known to this computer).
      annualReports: { firstYear: thisYear, filedYears: reportYears },
      today,
      holidays: vietnamWorkingCalendar,
    });
    return items.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  }

  /** The workers list under these filters, as .xlsx (base64). */
  async exportList(options: { search?: string; status?: WorkerAbroadRow['status'] }): Promise<{ fileName: string; content: string }> {
    return { fileName: `nguoi-lao-dong-${this.today()}.xlsx`, content: await exportWorkers(this.list(options).rows, this.language()) };
  }

  /** The due board: each item with its title and legal basis in the user's language. */
  dueView() {
    const language = this.language();
    return this.due().map((item) => ({
      kind: item.kind,
      subject: item.subject as unknown as Record<string, unknown>,
      dueOn: item.dueOn,
      overdue: item.overdue,
      title: workerAbroadMessage(`deadline.${item.kind}.title` as never, language),
      basis: workerAbroadMessage(item.basis as never, language),
    }));
  }

  private updateFilingIdOf(registrationFilingId: string, citizenId: string): string | null {
    const versions = this.versions().filter(
      (v) => v.type === 'workerUpdate' && v.content.registrationFilingId === registrationFilingId && v.content.citizenId === citizenId,
    );
    return versions[0]?.filingId ?? null;
  }
}

/** Today's date in Vietnam (UTC+7, no daylight saving), as deadlines count in local days. */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
