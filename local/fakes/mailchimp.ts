/**
 * A local Mailchimp Marketing API (v3.0), the endpoints config/connectors/mailchimp.json uses, as
 * documented at mailchimp.com/developer/marketing/api:
 * - `GET /3.0/search-members?query=&list_id=`: `exact_matches.members` (an address, whatever its case);
 * - `GET /3.0/lists/{list_id}/members?offset=&count=` and `.../members/{subscriber_hash}/notes`:
 *   offset pagination, `count` at most 1000 (default 10), with `total_items`;
 * - `GET|PATCH /3.0/lists/{list_id}/members/{subscriber_hash}`: one member; `status` changes;
 * - `POST /3.0/lists/{list_id}/members/{subscriber_hash}/actions/delete-permanent`: 204, gone for good;
 * - errors as `application/problem+json`, 404 for an unknown member, 401 for a wrong key;
 * - the subscriber hash is the MD5 of the lower-cased address; auth is HTTP Basic, any user name
 *   and the API key as the password (or a bearer token);
 * - a rate limit (Mailchimp allows 10 simultaneous connections; the fake counts calls per second)
 *   answering 429 with `Retry-After`.
 * Not emulated: the other 300 endpoints, merge fields' validation, batch operations, webhooks.
 */
import { createHash } from 'node:crypto';
import { type FakeAnswer, type FakeCall, FakeServer } from './fake-server.ts';

/** The key the demo register's secret holds; the fake accepts no other. */
export const DEMO_MAILCHIMP_KEY = 'demo0000000000000000000000000000-us21';
/** The demo audience. */
export const DEMO_LIST_ID = 'demo-list';

interface Member {
  id: string;
  email_address: string;
  status: 'subscribed' | 'unsubscribed' | 'cleaned' | 'pending' | 'transactional';
  merge_fields: Record<string, string>;
  list_id: string;
  timestamp_signup: string;
  notes: { id: number; note: string; created_at: string }[];
}

/** The subscriber hash Mailchimp keys members by. */
export const subscriberHash = (email: string) => createHash('md5').update(email.trim().toLowerCase()).digest('hex');

/** The fictitious demo subscribers. */
const SEED: { email: string; name: string; notes: number }[] = [
  { email: 'elin@example.org', name: 'Elin', notes: 3 },
  { email: 'ada@example.org', name: 'Ada', notes: 0 },
];

export class MailchimpFake extends FakeServer {
  readonly lists = new Map<string, Map<string, Member>>();

  constructor(
    readonly apiKey = DEMO_MAILCHIMP_KEY,
    log?: (line: string) => void,
  ) {
    super('mailchimp', log);
    for (const s of SEED) this.subscribe(DEMO_LIST_ID, s.email, s.name, s.notes);
    const api = '/3.0';
    this.route('GET', `${api}/search-members`, (c) => this.authed(c, () => this.search(c)));
    this.route('GET', `${api}/lists/:list/members`, (c) => this.authed(c, () => this.page(c, [...this.list(c.params.list!).values()].map(view), 'members')));
    this.route('GET', `${api}/lists/:list/members/:hash`, (c) => this.authed(c, () => this.member(c, (m) => ({ status: 200, body: view(m) }))));
    this.route('PATCH', `${api}/lists/:list/members/:hash`, (c) =>
      this.authed(c, () =>
        this.member(c, (m) => {
          const status = (c.body as { status?: string } | undefined)?.status;
          if (status !== undefined && !['subscribed', 'unsubscribed', 'cleaned', 'pending', 'transactional'].includes(status))
            return { status: 400, body: { title: 'Invalid Resource', status: 400, detail: 'status is not one of the allowed values' } };
          if (status) m.status = status as Member['status'];
          return { status: 200, body: view(m) };
        }),
      ),
    );
    this.route('GET', `${api}/lists/:list/members/:hash/notes`, (c) => this.authed(c, () => this.member(c, (m) => this.page(c, m.notes, 'notes'))));
    this.route('POST', `${api}/lists/:list/members/:hash/actions/delete-permanent`, (c) =>
      this.authed(c, () =>
        this.member(c, (m) => {
          this.list(c.params.list!).delete(m.id);
          return { status: 204 };
        }),
      ),
    );
  }

  /** Adds (or re-adds) a subscriber with `notes` notes. */
  subscribe(listId: string, email: string, name = '', notes = 0): string {
    const id = subscriberHash(email);
    const at = '2024-03-01T10:00:00+00:00';
    const list = this.list(listId);
    list.set(id, {
      id,
      email_address: email.trim().toLowerCase(),
      status: 'subscribed',
      merge_fields: { FNAME: name },
      list_id: listId,
      timestamp_signup: at,
      notes: Array.from({ length: notes }, (_, i) => ({ id: i + 1, note: `Note ${i + 1}`, created_at: at })),
    });
    return id;
  }

  /** Whether a member is on a list (by address). */
  has(listId: string, email: string): Member | undefined {
    return this.list(listId).get(subscriberHash(email));
  }

  private list(listId: string): Map<string, Member> {
    let list = this.lists.get(listId);
    if (!list) this.lists.set(listId, (list = new Map()));
    return list;
  }

  private authed(c: FakeCall, then: () => FakeAnswer): FakeAnswer {
    const auth = c.headers.authorization ?? '';
    const basic = /^Basic (.+)$/i.exec(auth);
    const key = basic ? Buffer.from(basic[1]!, 'base64').toString('utf8').split(':').slice(1).join(':') : /^Bearer (.+)$/i.exec(auth)?.[1];
    if (key !== this.apiKey)
      return {
        status: 401,
        body: { title: 'API Key Invalid', status: 401, detail: "Your API key may be invalid, or you've attempted to access the wrong datacenter." },
      };
    return then();
  }

  private search(c: FakeCall): FakeAnswer {
    const query = (c.url.searchParams.get('query') ?? '').trim().toLowerCase();
    const listId = c.url.searchParams.get('list_id');
    const lists = listId ? [this.list(listId)] : [...this.lists.values()];
    const members = lists.flatMap((l) => [...l.values()]).filter((m) => m.email_address === query);
    return { status: 200, body: { exact_matches: { members: members.map(view), total_items: members.length }, full_search: { members: [], total_items: 0 } } };
  }

  private member(c: FakeCall, then: (m: Member) => FakeAnswer): FakeAnswer {
    const m = this.list(c.params.list!).get(c.params.hash!.toLowerCase());
    if (!m) return { status: 404, body: { type: 'https://mailchimp.com/developer/marketing/docs/errors/', title: 'Resource Not Found', status: 404 } };
    return then(m);
  }

  private page(c: FakeCall, items: unknown[], key: string): FakeAnswer {
    const offset = Number(c.url.searchParams.get('offset') ?? 0);
    const count = Math.min(Number(c.url.searchParams.get('count') ?? 10), 1000);
    return { status: 200, body: { [key]: items.slice(offset, offset + count), total_items: items.length } };
  }
}

/** A member as the API shows it (its notes are a resource of their own). */
function view(m: Member) {
  const { notes: _notes, ...rest } = m;
  return { ...rest, unique_email_id: m.id.slice(0, 10) };
}

/** Starts the fake on `port` (0: any free one). */
export async function startMailchimpFake(opts: { port?: number; apiKey?: string; log?: (line: string) => void } = {}): Promise<MailchimpFake> {
  const fake = new MailchimpFake(opts.apiKey, opts.log);
  await fake.start(opts.port ?? 0);
  return fake;
}
