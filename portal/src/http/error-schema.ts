// The error body, declared once for the OpenAPI description of every route.
import { z } from 'zod';
import { apiErrorSchema } from '../../../src-common/portal-api/sync.api';

export const errorResponseSchema = z.object({ error: apiErrorSchema }).describe('Stable code, localised message, optional details');
export const errorResponses = { '4XX': errorResponseSchema, '5XX': errorResponseSchema } as const;
