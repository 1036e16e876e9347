/**
 * The mailbox an email address reaches, for counting: spellings that land in one mailbox count as
 * one, so `victim+1@example.net` or `V.ictim@gmail.com` cannot escape a per-address limit. Used for
 * limits only; a request keeps the address exactly as typed, and mail goes there.
 */

/**
 * Domains whose mail service ignores dots in the local part (Gmail: `v.ictim@gmail.com` is
 * `victim@gmail.com`), with the domain they are one service under. Elsewhere dots are kept, as
 * they can tell mailboxes apart.
 */
const DOTS_IGNORED: Readonly<Record<string, string>> = { 'gmail.com': 'gmail.com', 'googlemail.com': 'gmail.com' };

/** The domain an address's mail goes to, lower-cased (Gmail's two names as one). */
export function mailDomain(email: string): string {
  const address = email.trim().toLowerCase();
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return DOTS_IGNORED[domain] ?? domain;
}

/**
 * The canonical spelling of an address's mailbox: trimmed, lower-cased, without a `+tag`
 * (sub-addressing, RFC 5233, which most providers offer), and at Gmail without dots.
 */
export function canonicalMailbox(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  const domain = mailDomain(address);
  let local = address.slice(0, at);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (domain in DOTS_IGNORED) local = local.replaceAll('.', '');
  return `${local}@${domain}`;
}
