import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import fastJson from 'fast-json-stringify';
import { z } from 'zod';

/**
 * zod marks objects `additionalProperties: false`; for writing a response that is wrong: an
 * object with more fields than declared would fail to match an `anyOf` (e.g. a nullable object)
 * instead of simply losing the undeclared fields.
 */
function allowUndeclared(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(allowUndeclared);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !(key === 'additionalProperties' && value === false))
      .map(([key, value]) => [key, allowUndeclared(value)]),
  );
}

/**
 * Responses are written by fast-json-stringify from the JSON Schema of each route's zod
 * response schema: properties the schema does not name are never sent (no accidental leak of
 * a field), and it is several times faster than validating with zod and then stringifying.
 */
export const serializerCompiler: FastifySerializerCompiler<z.ZodType> = ({ schema }) =>
  fastJson(
    allowUndeclared(z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' })) as Parameters<typeof fastJson>[0],
  );
