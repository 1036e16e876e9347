/**
 * OpenDSR v2 signature checks (specification §4, §8.8): a processor signs callbacks and API
 * responses with the key of a certificate issued for its domain by a trusted CA. Here: the
 * certificate chain, its validity and its SAN, and the signature over the raw body bytes.
 * Pure functions of their inputs (no network): fetching the certificate is `certificates.ts`.
 */
import { verify as verifySignature, X509Certificate } from 'node:crypto';

/** Why a signed message was refused. Only the reason is logged: never the body or the header values. */
export type VerificationReason =
  | 'MissingHeader'
  | 'UnknownDomain'
  | 'CertificateUnavailable'
  | 'CertificateMalformed'
  | 'CertificateExpired'
  | 'CertificateNotYetValid'
  | 'CertificateDomainMismatch'
  | 'SelfSignedCertificate'
  | 'UntrustedCertificate'
  | 'SignatureMalformed'
  | 'SignatureMismatch';

/** A signed message (callback or response) that cannot be trusted; `reason` says which check failed. */
export class OpendsrVerificationError extends Error {
  override name = 'OpendsrVerificationError';
  constructor(readonly reason: VerificationReason) {
    super(`OpenDSR signature verification failed: ${reason}`);
  }
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
/** Longest chain we follow from the leaf to a trust root (leaf, intermediates, root). */
const MAX_CHAIN = 5;

/** Every certificate of a PEM bundle, in order (the leaf first, then intermediates). */
export function parsePemBundle(pem: string): X509Certificate[] {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (!blocks.length) throw new OpendsrVerificationError('CertificateMalformed');
  try {
    return blocks.map((b) => new X509Certificate(b));
  } catch {
    throw new OpendsrVerificationError('CertificateMalformed');
  }
}

function checkValidity(cert: X509Certificate, now: Date): void {
  if (now.getTime() < cert.validFromDate.getTime()) throw new OpendsrVerificationError('CertificateNotYetValid');
  if (now.getTime() > cert.validToDate.getTime()) throw new OpendsrVerificationError('CertificateExpired');
}

/** True when `issuer` names and signed `cert`. */
function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
}

/**
 * Checks a processor's certificate bundle (leaf first, intermediates after it) and returns the
 * leaf: issued for `domain` (in its subjectAltName; the CN does not count), within its validity,
 * not self-signed (§4.1), and chaining through the bundle's CA certificates to one of `trustRoots`.
 */
export function verifyCertificate(bundle: X509Certificate[], trustRoots: readonly X509Certificate[], domain: string, now = new Date()): X509Certificate {
  const [leaf, ...intermediates] = bundle;
  if (!leaf) throw new OpendsrVerificationError('CertificateMalformed');
  if (issuedBy(leaf, leaf)) throw new OpendsrVerificationError('SelfSignedCertificate');
  checkValidity(leaf, now);
  if (leaf.ca) throw new OpendsrVerificationError('CertificateMalformed');
  if (!leaf.checkHost(domain, { subject: 'never', wildcards: true, partialWildcards: false })) {
    throw new OpendsrVerificationError('CertificateDomainMismatch');
  }
  let current = leaf;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    const root = trustRoots.find((r) => issuedBy(current, r));
    if (root) {
      checkValidity(root, now);
      return leaf;
    }
    const next = intermediates.find((c) => c !== current && c.ca && issuedBy(current, c));
    if (!next) break;
    checkValidity(next, now);
    current = next;
  }
  throw new OpendsrVerificationError('UntrustedCertificate');
}

/** The signature header's bytes: base64, possibly folded over several lines as in the specification's examples. */
export function decodeSignature(header: string | undefined): Buffer {
  const compact = (header ?? '').replace(/\s+/g, '');
  if (!compact) throw new OpendsrVerificationError('MissingHeader');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0) throw new OpendsrVerificationError('SignatureMalformed');
  return Buffer.from(compact, 'base64');
}

/**
 * Checks `signature` over the raw body bytes with the certificate's key, SHA-256, RSA (PKCS#1 v1.5)
 * or ECDSA (DER, or the IEEE P1363 r||s form some signers emit).
 */
export function verifyBodySignature(cert: X509Certificate, rawBody: Uint8Array, signature: Buffer): void {
  const key = cert.publicKey;
  let ok = false;
  try {
    ok = verifySignature('sha256', rawBody, key, signature);
  } catch {
    ok = false;
  }
  if (!ok && key.asymmetricKeyType === 'ec') {
    try {
      ok = verifySignature('sha256', rawBody, { key, dsaEncoding: 'ieee-p1363' }, signature);
    } catch {
      ok = false;
    }
  }
  if (!ok) throw new OpendsrVerificationError('SignatureMismatch');
}

/** The register's trust roots, parsed once per set. */
const rootCache = new Map<string, X509Certificate[]>();
export function trustRootsOf(pems: readonly string[]): X509Certificate[] {
  const key = pems.join('\n');
  let roots = rootCache.get(key);
  if (!roots) {
    roots = pems.flatMap((p) => parsePemBundle(p));
    rootCache.set(key, roots);
  }
  return roots;
}
