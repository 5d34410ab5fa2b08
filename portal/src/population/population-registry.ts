// The simulated population registry: seeded once from the generator, answers batch verifications.
import { eq, inArray, sql } from 'drizzle-orm';
import { sameFullName, type VerifyPerson, type VerifyResult } from '../../../src-common/portal-api/population.api';
import type { PortalDb } from '../db/connection';
import { populationPeople, portalMeta } from '../db/schema';
import { registryPeople } from './registry-generator';

export interface RegistrySeed {
  seed: number;
  size: number;
}

const metaKey = 'populationRegistry';
const insertChunk = 2000;

export class PopulationRegistry {
  constructor(private readonly db: PortalDb) {}

  /** Fills the registry for `wanted`, unless it already holds exactly that seed and size. */
  async ensureSeeded(wanted: RegistrySeed): Promise<{ seeded: boolean }> {
    const [meta] = await this.db.select().from(portalMeta).where(eq(portalMeta.key, metaKey));
    const current = meta?.value as RegistrySeed | undefined;
    if (current && current.seed === wanted.seed && current.size === wanted.size) return { seeded: false };
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`truncate ${populationPeople}`);
      let chunk: (typeof populationPeople.$inferInsert)[] = [];
      for (const person of registryPeople(wanted.seed, wanted.size)) {
        chunk.push(person);
        if (chunk.length === insertChunk) {
          await tx.insert(populationPeople).values(chunk).onConflictDoNothing();
          chunk = [];
        }
      }
      if (chunk.length > 0) await tx.insert(populationPeople).values(chunk).onConflictDoNothing();
      await tx
        .insert(portalMeta)
        .values({ key: metaKey, value: wanted })
        .onConflictDoUpdate({ target: portalMeta.key, set: { value: wanted } });
    });
    return { seeded: true };
  }

  /** Per person: match, mismatch with the fields that differ, or not found. */
  async verify(people: readonly VerifyPerson[]): Promise<VerifyResult[]> {
    const ids = [...new Set(people.map((p) => p.citizenId))];
    const rows = await this.db.select().from(populationPeople).where(inArray(populationPeople.citizenId, ids));
    const byId = new Map(rows.map((row) => [row.citizenId, row]));
    return people.map((person) => {
      const found = byId.get(person.citizenId);
      if (!found) return { citizenId: person.citizenId, status: 'notFound' };
      const fields = {
        fullName: sameFullName(found.fullName, person.fullName) ? 'match' : 'mismatch',
        birthDate: found.birthDate === person.birthDate ? 'match' : 'mismatch',
        gender: found.gender === person.gender ? 'match' : 'mismatch',
      } as const;
      const allMatch = Object.values(fields).every((v) => v === 'match');
      return allMatch ? { citizenId: person.citizenId, status: 'match' } : { citizenId: person.citizenId, status: 'mismatch', fields };
    });
  }
}
