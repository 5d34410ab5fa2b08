// vitest globalSetup of the `portal-postgres` project: one throwaway PostgreSQL cluster for the run.
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from '../../../scripts/throwaway-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startThrowawayPostgres();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
