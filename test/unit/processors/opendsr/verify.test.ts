import { sign, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpendsrProcessor } from '../../../../functions/platform/register';
import { clearCertificateCache, verifySigned } from '../../../../functions/processors/opendsr/certificates';
import {
  decodeSignature,
  OpendsrVerificationError,
  parsePemBundle,
  type VerificationReason,
  verifyBodySignature,
  verifyCertificate,
} from '../../../../functions/processors/opendsr/verify';

const CERTS = join(import.meta.dirname, '../../../../local/demo-opendsr/certs');
const read = (name: string) => readFileSync(join(CERTS, name), 'utf8');
const bundle = (name: string) => parsePemBundle(read(name));
const root = parsePemBundle(read('demo-root-ca.pem'));
const NOW = new Date('2027-06-01T00:00:00Z');

const body = Buffer.from(JSON.stringify({ subject_request_id: 'a7551968-d5d6-44b2-9831-815ac9017798', request_status: 'completed' }));
const signWith = (keyFile: string, data: Buffer = body) => sign('sha256', data, read(keyFile));

function reasonOf(fn: () => unknown): VerificationReason | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    if (err instanceof OpendsrVerificationError) return err.reason;
    throw err;
  }
}

/** The whole check: certificate for localhost under the demo root, then the signature over the bytes. */
function check(certFile: string, signature: Buffer, data: Buffer = body, now = NOW): VerificationReason | undefined {
  return reasonOf(() => verifyBodySignature(verifyCertificate(bundle(certFile), root, 'localhost', now), data, signature));
}

describe('OpenDSR certificate and signature checks', () => {
  it('accepts a callback signed with the demo certificate (RSA)', () => {
    expect(check('demo-localhost.pem', signWith('demo-localhost.key'))).toBeUndefined();
  });

  it('accepts an ECDSA P-256 signature, DER or IEEE P1363', () => {
    expect(check('test/ec-localhost.pem', signWith('test/ec-localhost.key'))).toBeUndefined();
    const p1363 = sign('sha256', body, { key: read('test/ec-localhost.key'), dsaEncoding: 'ieee-p1363' });
    expect(check('test/ec-localhost.pem', p1363)).toBeUndefined();
  });

  it('accepts a certificate issued through an intermediate sent in the same PEM bundle', () => {
    expect(check('test/via-intermediate-bundle.pem', signWith('test/via-intermediate.key'))).toBeUndefined();
  });

  it('refuses an intermediate-issued certificate when the intermediate is not sent', () => {
    expect(check('test/via-intermediate.pem', signWith('test/via-intermediate.key'))).toBe('UntrustedCertificate');
  });

  it('refuses a callback signed by a key the certificate does not hold', () => {
    expect(check('demo-localhost.pem', signWith('test/wrong-san.key'))).toBe('SignatureMismatch');
  });

  it('refuses a body changed after signing', () => {
    const signature = signWith('demo-localhost.key');
    const tampered = Buffer.from(body.toString('utf8').replace('completed', 'cancelled'));
    expect(check('demo-localhost.pem', signature, tampered)).toBe('SignatureMismatch');
    // one byte of whitespace is a change too: the bytes are checked, not the parsed JSON
    expect(check('demo-localhost.pem', signature, Buffer.concat([body, Buffer.from(' ')]))).toBe('SignatureMismatch');
  });

  it('refuses an expired certificate', () => {
    expect(check('test/expired.pem', signWith('test/expired.key'))).toBe('CertificateExpired');
  });

  it('refuses a certificate that is not valid yet', () => {
    const cert = new X509Certificate(read('demo-localhost.pem'));
    const before = new Date(cert.validFromDate.getTime() - 1000);
    expect(check('demo-localhost.pem', signWith('demo-localhost.key'), body, before)).toBe('CertificateNotYetValid');
  });

  it('refuses a certificate whose SAN does not hold the domain', () => {
    expect(check('test/wrong-san.pem', signWith('test/wrong-san.key'))).toBe('CertificateDomainMismatch');
    // and the demo certificate is not valid for another domain either
    expect(reasonOf(() => verifyCertificate(bundle('demo-localhost.pem'), root, 'newsletter.example', NOW))).toBe('CertificateDomainMismatch');
  });

  it("refuses a certificate that does not chain to the processor's trust roots", () => {
    expect(check('test/other-root-localhost.pem', signWith('test/other-root-localhost.key'))).toBe('UntrustedCertificate');
  });

  it('refuses a self-signed certificate, even one the register would trust', () => {
    expect(check('test/self-signed.pem', signWith('test/self-signed.key'))).toBe('SelfSignedCertificate');
    expect(reasonOf(() => verifyCertificate(bundle('test/self-signed.pem'), bundle('test/self-signed.pem'), 'localhost', NOW))).toBe('SelfSignedCertificate');
  });

  it('refuses a malformed or missing signature header and a malformed certificate', () => {
    expect(reasonOf(() => decodeSignature(undefined))).toBe('MissingHeader');
    expect(reasonOf(() => decodeSignature('not base64!'))).toBe('SignatureMalformed');
    expect(reasonOf(() => parsePemBundle('hello'))).toBe('CertificateMalformed');
    // folded over lines as in the specification's examples
    const folded = signWith('demo-localhost.key')
      .toString('base64')
      .replace(/(.{76})/g, '$1\n');
    expect(check('demo-localhost.pem', decodeSignature(folded))).toBeUndefined();
  });
});

describe('verifySigned (discovery, certificate download and cache)', () => {
  let server: Server;
  let url: string;
  let certificate = read('demo-localhost.pem');
  let discoveries = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/v1/discovery') {
        discoveries++;
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            api_version: '2.0',
            supported_identities: [],
            supported_subject_request_types: ['access'],
            processor_certificate: `${url}/cert.pem`,
          }),
        );
      } else if (req.url === '/v1/cert.pem') {
        res.end(certificate);
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    // As the local runtime allows its own processors: this origin over http, on loopback.
    process.env.OPENDSR_LOCAL_ORIGINS = new URL(url).origin;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  afterEach(() => {
    vi.useRealTimers();
  });
  beforeEach(() => {
    clearCertificateCache();
    certificate = read('demo-localhost.pem');
    discoveries = 0;
  });

  const processor = (): OpendsrProcessor => ({
    id: 'newsletter',
    kind: 'opendsr',
    portable: true,
    directMarketing: false,
    name: 'Newsletter',
    url,
    domain: 'localhost',
    identityFormat: 'sha256',
    trustRoots: [read('demo-root-ca.pem')],
    pollAfterMinutes: 60,
    dataCategories: ['x'],
    purposes: ['y'],
    legalBasis: 'z',
    retention: 'r',
    recipients: [],
  });
  const headers = (signature: Buffer, domain = 'localhost') => ({ 'x-opendsr-processor-domain': domain, 'x-opendsr-signature': signature.toString('base64') });
  const reasonOfAsync = async (p: Promise<unknown>) => {
    try {
      await p;
      return undefined;
    } catch (err) {
      if (err instanceof OpendsrVerificationError) return err.reason;
      throw err;
    }
  };

  it('accepts a signed message and fetches the certificate once', async () => {
    await verifySigned(processor(), headers(signWith('demo-localhost.key')), body, NOW);
    await verifySigned(processor(), headers(signWith('demo-localhost.key')), body, NOW);
    expect(discoveries).toBe(1);
  });

  it('honours the OpenGDPR header names (§10.1)', async () => {
    await verifySigned(
      processor(),
      { 'x-opengdpr-processor-domain': 'localhost', 'x-opengdpr-signature': signWith('demo-localhost.key').toString('base64') },
      body,
      NOW,
    );
  });

  it("refuses a message that names another domain than the processor's", async () => {
    expect(await reasonOfAsync(verifySigned(processor(), headers(signWith('demo-localhost.key'), 'evil.example'), body, NOW))).toBe('UnknownDomain');
  });

  it('refuses a message signed by a key the certificate does not hold', async () => {
    expect(await reasonOfAsync(verifySigned(processor(), headers(signWith('test/other-root-localhost.key')), body, NOW))).toBe('SignatureMismatch');
  });

  it('refuses when the processor serves a certificate outside its trust roots', async () => {
    certificate = read('test/other-root-localhost.pem');
    expect(await reasonOfAsync(verifySigned(processor(), headers(signWith('test/other-root-localhost.key')), body, NOW))).toBe('UntrustedCertificate');
  });

  it('fetches the certificate again when a message fails against a cached one (key rotation), at most once a minute', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await verifySigned(processor(), headers(signWith('demo-localhost.key')), body, NOW);
    certificate = read('test/ec-localhost.pem');
    // within the minute: the cached certificate stands and the message is refused
    expect(await reasonOfAsync(verifySigned(processor(), headers(signWith('test/ec-localhost.key')), body, NOW))).toBe('SignatureMismatch');
    expect(discoveries).toBe(1);
    vi.setSystemTime(Date.now() + 2 * 60_000);
    await verifySigned(processor(), headers(signWith('test/ec-localhost.key')), body, NOW);
    expect(discoveries).toBe(2);
    // a minute on, a forged message may make it fetch once more; the next one does not
    vi.setSystemTime(Date.now() + 2 * 60_000);
    expect(await reasonOfAsync(verifySigned(processor(), headers(signWith('test/wrong-san.key')), body, NOW))).toBe('SignatureMismatch');
    expect(await reasonOfAsync(verifySigned(processor(), headers(signWith('test/wrong-san.key')), body, NOW))).toBe('SignatureMismatch');
    expect(discoveries).toBe(3);
  });

  it('refuses when the certificate cannot be fetched', async () => {
    const p = { ...processor(), url: `${url}/nowhere` };
    expect(await reasonOfAsync(verifySigned(p, headers(signWith('demo-localhost.key')), body, NOW))).toBe('CertificateUnavailable');
  });
});
