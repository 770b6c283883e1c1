import { z } from 'zod';
import { ApiError } from './common';
import { API_ROUTES, type RouteSpec } from './routes';

function schema(type: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(type, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  });
  return rest;
}

/** The OpenAPI 3.1 document of the dashboard API, generated from the zod schemas. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = { content: { 'application/json': { schema: schema(ApiError, 'output') } } };
  for (const [name, spec] of Object.entries(API_ROUTES) as [string, RouteSpec][]) {
    const params = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = (spec.query ?? []).map((q) => ({
      name: q,
      in: 'query',
      required: false,
      schema: { type: 'string' },
    }));
    const ok =
      spec.response === 'csv'
        ? { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } }
        : { description: 'OK', content: { 'application/json': { schema: schema(spec.response, 'output') } } };
    const operation: Record<string, unknown> = {
      operationId: name,
      summary: spec.summary,
      parameters: [...params, ...query],
      responses: {
        '200': ok,
        ...(spec.body ? { '400': { description: 'Invalid body', ...error } } : {}),
        ...(spec.roles === 'public'
          ? {}
          : {
              '401': { description: 'Not signed in', ...error },
              '403': {
                description:
                  'Your role may not use this route, or the id is outside your scope (or does not exist)',
                ...error,
              },
              // An id outside one's scope is answered exactly like one that does not exist.
              ...(params.length > 0 || spec.query?.includes('unitId') || spec.query?.includes('teamId')
                ? {
                    '404': {
                      description: 'Not found (for a role that sees the whole institution)',
                      ...error,
                    },
                  }
                : {}),
            }),
      },
      ...(spec.roles === 'public' ? { security: [] } : { 'x-roles': spec.roles }),
    };
    if (spec.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: schema(spec.body, 'input') } },
      };
    }
    const path = paths[spec.path] ?? {};
    path[spec.method.toLowerCase()] = operation;
    paths[spec.path] = path;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Presentie dashboard API', version: '1' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
