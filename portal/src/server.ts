// Builds the portal: Fastify with zod schemas from src-common, OpenAPI at /docs, access checks, services.
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { portalError } from './http/portal-error';
import { AdminService } from './admin/admin.service';
import { adminRoutes } from './admin/admin.routes';
import { AttachmentsService } from './attachments/attachments.service';
import { attachmentsRoutes } from './attachments/attachments.routes';
import { AuthService, defaultAuthPolicy, type AuthPolicy } from './auth/auth.service';
import { TokenSignInService } from './auth/token-sign-in.service';
import { ReceiptSigner } from './receipts/receipt-signer';
import { authRoutes, type LoginRateLimit } from './auth/auth.routes';
import type { PortalDatabase } from './db/connection';
import { accessHook, type Access } from './http/access';
import { systemClock, type Clock } from './http/clock';
import { handleError } from './http/error-handler';
import type { PortalServices } from './http/services';
import { PopulationRegistry } from './population/population-registry';
import { populationRoutes } from './population/population.routes';
import { RecordsService } from './records/records.service';
import { recordsRoutes } from './records/records.routes';
import { SyncService } from './sync/sync.service';
import { syncRoutes } from './sync/sync.routes';
import { TimestampAuthority } from './tsa/timestamp-authority';
import { TsaKey } from './tsa/tsa-key';
import { tsaRoutes } from './tsa/tsa.routes';

export const portalVersion = '0.1.0';

export interface PortalOptions {
  database: PortalDatabase;
  clock?: Clock;
  authPolicy?: AuthPolicy;
  loginRateLimit?: LoginRateLimit;
  /** Fastify/pino logger settings; false in tests that do not look at logs. */
  logger?: FastifyServerOptions['logger'];
  /** Trust X-Forwarded-For from a reverse proxy (production behind nginx); off by default. */
  trustProxy?: boolean;
  /**
   * CA certificates (DER) that filing signatures must chain to. Given: every filing must be signed by
   * its enterprise. Absent (demo, tests of other parts): unsigned filings are accepted, signed ones
   * are still verified (and fail as untrusted).
   */
  trustedCertificates?: Uint8Array[];
  /**
   * Refuse a filing naming an attachment whose bytes the enterprise has not uploaded (ATTACHMENT_MISSING).
   * Default on; tests of other parts turn it off, their fixture filings name made-up hashes.
   */
  requireAttachmentBytes?: boolean;
}

export interface PortalRoute {
  method: string;
  url: string;
  access: Access;
}

export interface Portal {
  app: FastifyInstance;
  services: PortalServices;
  /** Every API route with its declared access (the scope test checks it covers them all). */
  routes: PortalRoute[];
}

/** Headers and body fields whose values never reach the logs. */
export const redactedLogPaths = ['req.headers.authorization', 'req.headers.cookie', 'password', 'currentPassword', 'newPassword', 'token', 'temporaryPassword'];

export async function buildPortal(options: PortalOptions): Promise<Portal> {
  const clock = options.clock ?? systemClock;
  const policy = options.authPolicy ?? defaultAuthPolicy;
  const { db } = options.database;
  const auth = new AuthService(db, clock, policy);
  const receipts = await ReceiptSigner.load(db);
  const tsaKey = await TsaKey.load(db, () => clock.now());
  const services: PortalServices = {
    auth,
    tokenSignIn: new TokenSignInService(db, clock, auth, options.trustedCertificates ?? []),
    admin: new AdminService(db, clock, auth, policy.temporaryPasswordTtlMs),
    records: new RecordsService(db),
    sync: new SyncService(db, clock, {
      trustedCertificates: options.trustedCertificates ?? [],
      // Timestamps (CAdES-T) are checked against this portal's own TSA.
      trustedTimestampAuthorities: [tsaKey.certificateDer],
      requireSignedFilings: options.trustedCertificates !== undefined,
    }, receipts, { requireAttachmentBytes: options.requireAttachmentBytes ?? true }),
    population: new PopulationRegistry(db),
    tsa: new TimestampAuthority(tsaKey, clock),
    attachments: new AttachmentsService(db, clock),
  };

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 256 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Ids for log correlation; the client may not choose them.
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request) => {
    throw portalError('NOT_FOUND', { route: `${request.method} ${request.url.split('?')[0]}` });
  });
  app.decorateRequest('session', null);
  app.addHook('onClose', async () => services.sync.close());
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
    void reply.header('x-content-type-options', 'nosniff');
  });

  // The API description is public; every other route declares its access (and defaults to signed-in).
  const routes: PortalRoute[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) route.config = { ...route.config, access: 'public' };
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, access: route.config?.access ?? 'any' });
    }
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'LaborDesk reference portal', version: portalVersion, description: 'The central portal API LaborDesk syncs with.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(portalError('RATE_LIMITED', { retryAfterSeconds: Math.ceil(context.ttl / 1000) }), { statusCode: 429 }),
  });
  // onRequest: the session is checked before the body is even parsed or validated.
  app.addHook('onRequest', accessHook(auth));

  app.get(
    '/api/v1/health',
    {
      config: { access: 'public' },
      schema: { tags: ['meta'], summary: 'Liveness and storage kind', response: { 200: z.object({ status: z.literal('ok'), storage: z.string(), version: z.string() }) } },
    },
    async () => ({ status: 'ok' as const, storage: options.database.kind, version: portalVersion }),
  );
  app.get(
    '/api/v1/portal/receipt-key',
    {
      config: { access: 'public' },
      schema: { tags: ['meta'], summary: 'The public key (SPKI PEM) that signs receipts', response: { 200: z.object({ keyId: z.string(), publicKeyPem: z.string() }) } },
    },
    async () => ({ keyId: receipts.keyId, publicKeyPem: receipts.publicKeyPem }),
  );
  await app.register(authRoutes(services, options.loginRateLimit ?? { max: 20, timeWindowMs: 60_000 }));
  await app.register(adminRoutes(services));
  await app.register(recordsRoutes(services));
  await app.register(syncRoutes(services));
  await app.register(populationRoutes(services));
  await app.register(tsaRoutes(services));
  await app.register(attachmentsRoutes(services));
  await app.ready();
  return { app, services, routes };
}
