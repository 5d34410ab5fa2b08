// Every failure leaves as `{ error: { code, message, details? } }` with a stable code; never a stack.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { hasErrorCode } from '../../../src-common/errors';
import { errorBody, httpStatusOf, languageOf } from './portal-error';

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const language = languageOf(request.headers['accept-language']);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({ path: `${error.validationContext ?? ''}${v.instancePath.replaceAll('/', '.')}`, message: v.message }));
    return reply.code(400).send(errorBody('VALIDATION_FAILED', language, { issues }));
  }
  if (hasErrorCode(error)) {
    const status = httpStatusOf(error.code);
    if (error.code === 'RATE_LIMITED' || error.code === 'AUTH_ACCOUNT_LOCKED') {
      const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retry !== undefined) void reply.header('retry-after', String(retry));
    }
    return reply.code(status).send(errorBody(error.code, language, error.details));
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send(errorBody('PAYLOAD_TOO_LARGE', language));
  // Malformed JSON, wrong content type, empty body: the client's input, not our fault.
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return reply.code(error.statusCode).send(errorBody('VALIDATION_FAILED', language, { reason: error.code }));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.code(500).send(errorBody('INTERNAL_ERROR', language));
}
