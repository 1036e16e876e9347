/**
 * The subject's identities: the email address (always asked, as the verification proves it) and
 * the identifiers a controller's form may also ask for. A processor looks the subject up by one of
 * them; a lookup by one the request lacks is not run with another's value, and the branch says so.
 */

/** What a controller's form may ask for beyond the email address. */
export const IDENTIFIERS = ['phone', 'customerNumber', 'memberNumber', 'username'] as const;
/** An identifier a form may ask for beyond the email address. */
export type Identifier = (typeof IDENTIFIERS)[number];

/** Every identity a processor may look the subject up by. */
export const IDENTITIES = ['email', ...IDENTIFIERS] as const;
/** An identity a processor may look the subject up by. */
export type Identity = (typeof IDENTITIES)[number];

/** The identifiers a request carries beyond the email address, normalised. Personal data: never logged, never in workflow state. */
export type Identifiers = Partial<Record<Identifier, string>>;

/** Longest value kept of each identifier (E.164 is at most 15 digits and a plus). */
export const IDENTIFIER_MAX: Record<Identifier, number> = { phone: 40, customerNumber: 64, memberNumber: 64, username: 100 };

export const isIdentity = (value: string): value is Identity => (IDENTITIES as readonly string[]).includes(value);

/**
 * A phone number as typed, made E.164 (`+46701234567`): spaces, dots, dashes, slashes and brackets
 * go, a leading `00` becomes `+`, and a trunk `(0)` after the country code is dropped
 * (`+46 (0)70 123 45 67`). Undefined when no country code is given: a national number cannot be
 * made international without guessing the country.
 */
export function normalisePhone(typed: string): string | undefined {
  const compact = typed
    .trim()
    .replace(/\(0\)/g, '')
    .replace(/[\s\u00a0./()-]/g, '')
    .replace(/^00/, '+');
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : undefined;
}

/**
 * An identifier's value as lookups compare it: a phone number in E.164, anything else trimmed
 * (customer numbers and usernames are matched as the organisation issued them). Undefined when the
 * value cannot be one.
 */
export function normaliseIdentifier(identifier: Identifier, typed: string): string | undefined {
  if (identifier === 'phone') return normalisePhone(typed);
  const value = typed.trim();
  return value === '' ? undefined : value;
}

/** Who a lookup is about: the verified address and any identifiers the request gave. */
export interface IdentifiedSubject {
  email: string;
  identifiers?: Identifiers;
}

/** The subject's value of `identity`, or undefined when the request did not give it. */
export function identityValue(subject: IdentifiedSubject, identity: Identity): string | undefined {
  return identity === 'email' ? subject.email : subject.identifiers?.[identity];
}

/**
 * The identity a DynamoDB store's lookup holds: the one it names, else the attribute's own name
 * when that is an identity (`phone`); undefined when neither says (the register refuses that).
 */
export function lookupIdentity(
  lookup: { keyAttribute: string; identity?: Identity | undefined } | { indexName?: string; attribute: string; identity?: Identity | undefined },
): Identity | undefined {
  if (lookup.identity) return lookup.identity;
  const attribute = 'keyAttribute' in lookup ? lookup.keyAttribute : lookup.attribute;
  return isIdentity(attribute) ? attribute : undefined;
}

/**
 * Of the identities a processor can look the subject up by, the ones the request lacks, when it
 * lacks every one (nothing can be looked up); empty when at least one lookup can run.
 */
export function missingIdentities(lookups: readonly Identity[], subject: IdentifiedSubject): Identity[] {
  if (lookups.length === 0) return [];
  const missing = [...new Set(lookups)].filter((i) => identityValue(subject, i) === undefined);
  return missing.length === new Set(lookups).size ? missing : [];
}

/** A processor as far as its lookups go: a DynamoDB store's lookup, or a database's tables' matches. */
type LookingUp =
  | { kind: 'dynamodb'; lookup: Parameters<typeof lookupIdentity>[0] }
  | { kind: 'sql'; tables: readonly { match: { identity: Identity } | { references: unknown } }[] }
  | { kind: string };

/** The identities a processor the service searches itself looks the subject up by (none for those that search themselves). */
export function lookupIdentitiesOf(p: LookingUp): Identity[] {
  if (p.kind === 'dynamodb' && 'lookup' in p) {
    const identity = lookupIdentity(p.lookup);
    return identity ? [identity] : [];
  }
  if (p.kind === 'sql' && 'tables' in p) return [...new Set(p.tables.flatMap((t) => ('identity' in t.match ? [t.match.identity] : [])))];
  return [];
}

/** Where a schema check reports a problem (zod's refinement context, or a test's). */
interface IssueSink {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void;
}

/**
 * Every lookup of a controller's stores must be by an identity its form asks for: the address, or
 * one of `identifiers`. A store found by a phone number at a controller whose form never asks for
 * one could only ever be skipped, or, as before, searched with the address.
 */
export function checkLookupIdentities(c: { id: string; identifiers: readonly Identifier[]; processors: readonly LookingUp[] }, ctx: IssueSink): void {
  const asked = new Set<Identity>(['email', ...c.identifiers]);
  c.processors.forEach((p, i) => {
    if (p.kind === 'dynamodb' && 'lookup' in p) {
      const field = 'keyAttribute' in p.lookup ? 'keyAttribute' : 'attribute';
      const identity = lookupIdentity(p.lookup);
      if (identity && !asked.has(identity))
        ctx.addIssue({
          code: 'custom',
          path: ['processors', i, 'lookup', p.lookup.identity ? 'identity' : field],
          message: `looks the subject up by ${identity}, which ${c.id}'s form does not ask for: add "${identity}" to the controller's identifiers`,
        });
    }
    if (p.kind === 'sql' && 'tables' in p)
      p.tables.forEach((t, j) => {
        if ('identity' in t.match && !asked.has(t.match.identity))
          ctx.addIssue({
            code: 'custom',
            path: ['processors', i, 'tables', j, 'match', 'identity'],
            message: `matches by ${t.match.identity}, which ${c.id}'s form does not ask for: add "${t.match.identity}" to the controller's identifiers`,
          });
      });
  });
}
