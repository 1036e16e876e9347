import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import mailchimp from '../../../../config/connectors/mailchimp.json' with { type: 'json' };
import { parseConnector } from '../../../../functions/domain/connector-schema';
import {
  hostAllowed,
  identitiesOf,
  nextLink,
  normalise,
  outcomeOf,
  providedValues,
  render,
  renderJson,
  retryAfterMs,
  TemplateError,
} from '../../../../functions/processors/http/template';

describe('identities', () => {
  it('normalises in order: Mailchimp subscriber hash of the lower-cased address', () => {
    expect(normalise('  Jane.Doe@Example.ORG ', ['trim', 'lower', 'md5'])).toBe(createHash('md5').update('jane.doe@example.org').digest('hex'));
    expect(normalise('jane.doe@example.org', ['md5'])).toMatch(/^[0-9a-f]{32}$/);
    expect(normalise('a', ['sha256'])).toBe('ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb');
  });

  it('makes a phone number E.164 or leaves it out, assuming no country', () => {
    expect(normalise('+46 (70) 123-45.67', ['e164'])).toBe('+46701234567');
    expect(normalise('0046 70 123 45 67', ['e164'])).toBe('+46701234567');
    expect(normalise('070-123 45 67', ['e164'])).toBeUndefined();
  });

  it("gives the connector's identities the subject has", () => {
    const c = parseConnector(mailchimp, 'mailchimp.json');
    const ids = identitiesOf(c, { email: ' Elin@Example.org' });
    expect(ids).toEqual({ email: 'elin@example.org', subscriberHash: normalise('elin@example.org', ['md5']) });
  });
});

describe('templates', () => {
  const scope = { identities: { email: 'a b@example.org' }, settings: { listId: 'l/1' }, provided: { id: '7' } };

  it('fills values, escaping path segments', () => {
    expect(render('/lists/{{settings.listId}}/members/{{ provided.id }}', scope, encodeURIComponent)).toBe('/lists/l%2F1/members/7');
    expect(renderJson({ q: ['{{identities.email}}', 3, null] }, scope)).toEqual({ q: ['a b@example.org', 3, null] });
  });

  it('names a missing value, never a present one', () => {
    expect(() => render('{{settings.dc}}-{{identities.email}}', scope)).toThrow(TemplateError);
    expect(() => render('{{settings.dc}}', scope)).toThrow(/\{\{settings\.dc\}\}/);
  });
});

describe('hosts', () => {
  it('allows exact hosts and one label under a wildcard', () => {
    expect(hostAllowed('us21.api.mailchimp.com', ['*.api.mailchimp.com'])).toBe(true);
    expect(hostAllowed('a.us21.api.mailchimp.com', ['*.api.mailchimp.com'])).toBe(false);
    expect(hostAllowed('api.mailchimp.com', ['*.api.mailchimp.com'])).toBe(false);
    expect(hostAllowed('evilapi.mailchimp.com', ['*.api.mailchimp.com'])).toBe(false);
    expect(hostAllowed('127.0.0.1:8091', ['127.0.0.1:8091'])).toBe(true);
    expect(hostAllowed('127.0.0.1:8092', ['127.0.0.1:8091'])).toBe(false);
  });
});

describe('outcomes', () => {
  it('maps a status by the step, then the connector, then the defaults; the rest is unmapped', () => {
    expect(outcomeOf(404, { '404': 'not_found' }, {})).toBe('not_found');
    expect(outcomeOf(422, {}, { '4xx': 'retained' })).toBe('retained');
    expect(outcomeOf(503, {}, {})).toBe('retry');
    expect(outcomeOf(429, {}, {})).toBe('retry');
    expect(outcomeOf(204, {}, {})).toBe('done');
    expect(outcomeOf(400, {}, {})).toBeUndefined();
    expect(outcomeOf(302, {}, {})).toBeUndefined();
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('2015-10-21T07:27:58Z'))).toBe(2000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});

describe('pages and provided values', () => {
  it('finds the next link of an RFC 8288 header', () => {
    const base = new URL('https://api.vendor.example/users?page=1');
    expect(nextLink('<https://api.vendor.example/users?page=2>; rel="next", <https://api.vendor.example/users?page=9>; rel="last"', base)?.href).toBe(
      'https://api.vendor.example/users?page=2',
    );
    expect(nextLink('</users?page=3>; rel="prev next"', base)?.href).toBe('https://api.vendor.example/users?page=3');
    expect(nextLink('<https://api.vendor.example/users?page=9>; rel="last"', base)).toBeUndefined();
  });

  it('provides strings and numbers of a list or one value', () => {
    expect(providedValues(['a', 2, null, { x: 1 }])).toEqual(['a', '2']);
    expect(providedValues('one')).toEqual(['one']);
    expect(providedValues(null)).toEqual([]);
    // A cursor such as `has_more && data[-1].id` is false on the last page: no value, no next page.
    expect(providedValues(false)).toEqual([]);
  });
});
