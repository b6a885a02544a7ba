/** The committed OpenAPI document is the one the route table and schemas make today. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../shared/api';
import { OPENAPI_FILE, openApiDocument, openApiText } from '../src/http/openapi';

describe('shared/api/openapi.json', () => {
  it('is not stale (regenerate with npm run api:openapi)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(openApiText());
  });

  it('describes every route of the table with its schemas as components', () => {
    const doc = openApiDocument() as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    for (const route of Object.values(ROUTES))
      expect(doc.paths[route.path]?.[route.method], route.path).toBeDefined();
    for (const id of [
      'CaseEvent',
      'PushResponse',
      'ChangesPage',
      'ApiError',
      'EnrolmentAnswer',
      'MonitoringPage',
    ]) {
      expect(doc.components.schemas[id], id).toBeDefined();
    }
  });
});
