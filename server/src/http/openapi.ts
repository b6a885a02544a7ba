/**
 * The OpenAPI 3.1 document of the contract, generated from the same route table and schemas the
 * server validates with, and committed as shared/api/openapi.json (`npm run api:openapi`; a test
 * fails when the committed one is stale).
 */
import type { Database } from '../db/types';
import { createApp, OPENAPI_INFO } from './app';

/** Describing the routes touches no database: one that refuses every query proves it. */
const NO_DATABASE: Database = {
  kind: 'pglite',
  query: () => Promise.reject(new Error('the OpenAPI document needs no database')),
  exec: () => Promise.reject(new Error('the OpenAPI document needs no database')),
  transaction: () => Promise.reject(new Error('the OpenAPI document needs no database')),
  close: () => Promise.resolve(),
};

export const OPENAPI_FILE = new URL('../../../shared/api/openapi.json', import.meta.url);

export function openApiDocument(): unknown {
  return createApp({ db: NO_DATABASE, allowedOrigins: '*' }).getOpenAPI31Document(OPENAPI_INFO);
}

/** The committed file's exact text: two-space JSON and a final newline. */
export function openApiText(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}
