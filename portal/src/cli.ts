// `npm run portal`: the reference portal as a standalone server.
import { mkdirSync } from 'node:fs';
import { ensureSystemAdmin } from './bootstrap';
import { portalConfigFrom, usage } from './config';
import { openPortalDatabase } from './db/connection';
import { demoAccounts, demoPassword, seedDemoData } from './demo/demo-data';
import { systemClock } from './http/clock';
import { buildPortal, redactedLogPaths } from './server';
import { readTrustList } from './trust-list';

async function main(): Promise<void> {
  const config = portalConfigFrom(process.argv.slice(2), process.env);
  if (config === 'help') {
    console.log(usage);
    return;
  }
  if (config.storage.kind === 'pglite' && config.storage.dataDir) mkdirSync(config.storage.dataDir, { recursive: true });
  const database = await openPortalDatabase(config.storage);
  const { app, services } = await buildPortal({
    database,
    trustProxy: config.trustProxy,
    ...(config.trustDir ? { trustedCertificates: readTrustList(config.trustDir) } : {}),
    logger: { level: process.env.LOG_LEVEL ?? 'info', redact: { paths: redactedLogPaths, censor: '[redacted]' } },
  });
  const admin = await ensureSystemAdmin(database.db, services, config.adminUsername, config.adminPassword);
  if (admin.temporaryPassword) {
    // Printed to the console once, on purpose not through the logger.
    console.log(`First administrator: ${admin.username} / temporary password ${admin.temporaryPassword} (change it at first sign-in)`);
  }
  const seeded = await services.population.ensureSeeded(config.registry);
  if (seeded.seeded) app.log.info({ registry: config.registry }, 'population registry seeded');
  if (config.demo && (await seedDemoData(database.db, services, systemClock.now())).seeded) {
    console.log(`Demo accounts (password ${demoPassword}): ${demoAccounts.map((a) => a.username).join(', ')}`);
  }
  const address = await app.listen({ host: config.host, port: config.port });
  console.log(`LaborDesk portal (${database.kind}) is running at: ${address}  (API docs: ${address}/docs)`);

  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
