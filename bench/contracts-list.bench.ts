// Benchmark: the filings ("Hồ sơ") list over a large account store — 50,000 contract registrations
// holding 500,000 workers, as pulled from the portal (encrypted store, the same RecordsRepo the sync
// engine writes with, so the triggers keep filing_index as they do in use).
// - contracts-first-rows-ms: open the store, then the list's first page (100 rows, newest first) and
//   its total — what the user waits for when opening the page.
// - contracts-filter-ms: the same page filtered (a title search without diacritics; a type), median.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src-main/core/db/store';
import { FilingDraftsRepo } from '../src-main/core/filings/filing-drafts.repo';
import { searchTextOf } from '../src-main/core/sync/local-effects';
import { RecordsRepo } from '../src-main/core/sync/records.repo';
import { validContractRegistration } from '../test/fixtures/overseas-filings';
import { median, writeResult, type BenchResult } from './machine';

const CONTRACTS = 50_000;
const WORKERS_PER_CONTRACT = 10;
const PAGE = 100;
const ROUNDS = 15;
const migrationsDir = fileURLToPath(new URL('../src-main/core/db/migrations', import.meta.url));

const employers = ['Tanaka Seiki', 'Sato Kogyo', 'Hanwha Ocean', 'Foxconn Đài Bắc', 'Al Futtaim', 'Toyota Tsusho'];

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'labordesk-bench-contracts-'));
  const key = randomBytes(32);
  const file = join(dir, 'account.db');
  try {
    // Seed: 50k filing records in transactions of 1,000, as pulls would write them.
    const seedStarted = performance.now();
    {
      const store = openStore({ file, key, migrationsDir });
      const records = new RecordsRepo(store.sqlite);
      const template = validContractRegistration({}, WORKERS_PER_CONTRACT);
      const start = Date.parse('2024-01-01T00:00:00Z');
      for (let batch = 0; batch < CONTRACTS / 1000; batch += 1) {
        store.write(() => {
          for (let i = batch * 1000; i < (batch + 1) * 1000; i += 1) {
            const filingId = randomUUID();
            const at = new Date(start + i * 60_000).toISOString();
            const data = {
              id: filingId,
              filingVersion: 1,
              type: i % 10 === 0 ? 'internshipWorkerList' : 'contractRegistration',
              status: ['submitted', 'underReview', 'approved', 'rejected'][i % 4],
              title: `Đăng ký hợp đồng cung ứng ${String(i).padStart(5, '0')}/2026 — ${employers[i % employers.length]}`,
              content: { ...template, contractNumber: `HĐ-${i}` },
              receipt: { reference: `HS-2026-${i}`, receivedAt: at },
            };
            records.putServer('filing', `${filingId}:1`, 1, i + 1, data, searchTextOf(data), at);
          }
        });
      }
      store.close();
    }
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    // Open and first page, from a closed store each round (the page cache starts empty).
    const firstRows: number[] = [];
    for (let r = 0; r < 5; r += 1) {
      const started = performance.now();
      const store = openStore({ file, key, migrationsDir });
      const page = new FilingDraftsRepo(store.sqlite).list({ limit: PAGE, offset: 0 });
      firstRows.push(performance.now() - started);
      if (page.rows.length !== PAGE || page.total !== CONTRACTS) throw new Error(`unexpected page: ${page.rows.length} rows of ${page.total}`);
      store.close();
    }

    const store = openStore({ file, key, migrationsDir });
    const repo = new FilingDraftsRepo(store.sqlite);
    const filters = [
      { search: 'sato kogyo' },
      { search: '04512/2026' },
      { type: 'internshipWorkerList' },
      { search: 'foxconn dai bac', type: 'contractRegistration' },
    ];
    const filterMs: number[] = [];
    for (let r = 0; r < ROUNDS; r += 1) {
      for (const filter of filters) {
        const started = performance.now();
        const page = repo.list({ ...filter, limit: PAGE, offset: 0 });
        filterMs.push(performance.now() - started);
        if (page.rows.length === 0) throw new Error(`no rows for ${JSON.stringify(filter)}`);
      }
    }
    store.close();

    const machineNote = `${CONTRACTS.toLocaleString('en')} contract registrations with ${WORKERS_PER_CONTRACT} workers each (${(CONTRACTS * WORKERS_PER_CONTRACT).toLocaleString('en')} workers) in an encrypted account store, seeded in ${seedSeconds.toFixed(0)} s`;
    return [
      writeResult({
        name: 'contracts-first-rows-ms',
        value: Number(median(firstRows).toFixed(1)),
        unit: 'ms',
        target: '< 300 ms',
        notes: `${machineNote}. Open the store (key, cipher, WAL, migrations check) and read the list's first ${PAGE} rows, newest first, with the total; median of 5 opens (${firstRows.map((v) => v.toFixed(0)).join(', ')} ms)`,
      }),
      writeResult({
        name: 'contracts-filter-ms',
        value: Number(median(filterMs).toFixed(1)),
        unit: 'ms',
        target: '< 100 ms',
        notes: `${machineNote}. First page of ${filters.length} filters (title search without diacritics, type, both), ${ROUNDS} rounds each, median; max ${Math.max(...filterMs).toFixed(1)} ms`,
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
