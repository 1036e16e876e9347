import { describe, expect, it } from 'vitest';
import { useRuntime } from '../harness';

const local = useRuntime();

describe('GET /v1/openapi.json', () => {
  it('serves the OpenAPI 3.1 document of the running API, decisions and all', async () => {
    const res = await fetch(`${local.rt.urls.gateway}/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths['/v1/requests']!)).toEqual(['post']);
    expect(JSON.stringify(doc.paths['/v1/staff/requests/{requestId}/decisions'])).toContain('correct_answer');
  });
});
