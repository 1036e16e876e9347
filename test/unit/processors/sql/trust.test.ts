import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { describe, expect, it } from 'vitest';
import type { SqlProcessor } from '../../../../functions/domain/register-schema';
import { tlsOptions } from '../../../../functions/processors/sql/session';
import { trustedContext, trustedRoots } from '../../../../functions/processors/sql/trust';

const processor = (engine: SqlProcessor['engine'], tls: SqlProcessor['tls']) => ({ id: 'shop', engine, tls }) as unknown as SqlProcessor;

describe('the roots a verified database connection trusts', () => {
  it("holds Amazon RDS's regional roots, which Lambda's Node.js runtime no longer loads, beside the public ones", () => {
    const subjects = trustedRoots().map((pem) => new X509Certificate(pem).subject);
    expect(subjects.some((s) => /Amazon RDS eu-north-1 Root CA RSA2048 G1/.test(s))).toBe(true);
    expect(subjects.some((s) => /Amazon RDS eu-central-1 Root CA ECC384 G1/.test(s))).toBe(true);
    for (const pem of rootCertificates) expect(trustedRoots()).toContain(pem);
  });

  it('parses them once per container, not per connection', () => {
    expect(trustedContext()).toBe(trustedContext());
    expect(tlsOptions(processor('postgres', 'verify'))).toMatchObject({ rejectUnauthorized: true, secureContext: trustedContext() });
    expect(tlsOptions(processor('mysql', 'verify'))).toBe(tlsOptions(processor('mysql', 'verify')));
  });

  it("checks a MySQL server's name as well as its chain, which mysql2 does only when asked", () => {
    expect(tlsOptions(processor('mysql', 'verify'))).toMatchObject({ rejectUnauthorized: true, verifyIdentity: true });
    expect(tlsOptions(processor('mysql', 'require'))).toEqual({ rejectUnauthorized: false });
    expect(tlsOptions(processor('postgres', 'off'))).toBeUndefined();
  });
});
