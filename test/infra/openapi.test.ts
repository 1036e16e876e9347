import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { IDENTIFIERS } from '../../functions/domain/identifiers';
import { RIGHTS } from '../../functions/domain/request';
import { buildApp } from '../../infra/app';
import { openApiDocument } from '../../infra/openapi';

/** The route keys the synthesized template declares: `GET /v1/requests/{requestId}/status`. */
function templateRoutes(): string[] {
  const { stack } = buildApp({ nag: false, appProps: { context: { 'aws:cdk:bundling-stacks': [] } } });
  const routes = Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Route');
  return Object.values(routes)
    .map((r) => r.Properties.RouteKey as string)
    .sort();
}

const SERVED = path.join(import.meta.dirname, '..', '..', 'web', 'openapi.json');

describe('the OpenAPI document', () => {
  const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, any>> };

  it('is web/openapi.json, which the function serves as it is; UPDATE_DOCS=1 rewrites it', () => {
    if (process.env.UPDATE_DOCS === '1') writeFileSync(SERVED, `${JSON.stringify(doc, null, 2)}\n`);
    expect(JSON.parse(readFileSync(SERVED, 'utf8'))).toEqual(doc);
  });

  it('describes exactly the routes the template declares, no more and no fewer', () => {
    const described = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(doc.openapi).toBe('3.1.0');
    expect(described).toEqual(templateRoutes());
  });

  it('takes its request bodies from the schemas the handlers validate with', () => {
    const intake = doc.paths['/v1/requests']!.post.requestBody.content['application/json'].schema;
    expect(intake.properties.type.enum).toEqual([...RIGHTS]);
    expect(intake.required).toContain('email');
    // The identifiers a controller's form may ask for beyond the address: each optional, described.
    for (const id of IDENTIFIERS) {
      expect(intake.required).not.toContain(id);
      expect(intake.properties[id].description).toContain('identifiers');
    }
    expect(intake.properties.phone.description).toContain('E.164');
    const decisions = doc.paths['/v1/staff/requests/{requestId}/decisions']!.post;
    const kinds = decisions.requestBody.content['application/json'].schema.oneOf.map((o: any) => o.properties.decision.const);
    expect(kinds).toContain('correct_answer');
    expect(decisions.security).toEqual([{ staffIdToken: [] }]);
    expect(doc.paths['/v1/suppression/check']!.post.requestBody.content['application/json'].schema.properties.email.format).toBe('email');
  });

  it('names every path parameter the path holds', () => {
    for (const [path, methods] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(methods)) {
        expect((op.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => p.name)).toEqual(names);
      }
    }
  });
});
