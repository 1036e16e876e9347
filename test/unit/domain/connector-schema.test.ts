import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectorSchema, parseConnector } from '../../../functions/domain/connector-schema';
import { parseRegister } from '../../../functions/domain/register-schema';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const mailchimp = () => JSON.parse(readFileSync(resolve(ROOT, 'config/connectors/mailchimp.json'), 'utf8'));

/** The smallest definition that validates. */
const minimal = () => ({
  name: 'vendor',
  title: 'Vendor',
  docs: ['https://vendor.example/docs'],
  baseUrl: 'https://api.vendor.example',
  allowedHosts: ['api.vendor.example'],
  auth: { type: 'bearer', token: { secret: 'token' } },
  secrets: { token: 'An API token' },
  identities: { email: { from: 'email', normalise: ['trim', 'lower'] } },
  steps: {
    find: { method: 'GET', path: '/users', query: { email: '{{identities.email}}' }, records: 'users', provide: { userId: 'users[*].id' } },
    remove: { method: 'DELETE', path: '/users/{{provided.userId}}', outcomes: { '404': 'not_found' } },
  },
  actions: { access: { steps: ['find'] }, erasure: { steps: ['find', 'remove'] } },
});

const problems = (input: unknown) => {
  const r = connectorSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('a connector definition', () => {
  it('validates the Mailchimp definition, with its defaults filled in', () => {
    const c = parseConnector(mailchimp(), 'config/connectors/mailchimp.json');
    expect(c.actions.erasure?.steps).toEqual(['search', 'deletePermanent']);
    expect(c.retry).toEqual({ attempts: 4, maxWaitSeconds: 30 });
    expect(c.identities.subscriberHash?.normalise).toEqual(['trim', 'lower', 'md5']);
  });

  it('validates a minimal definition', () => {
    expect(problems(minimal())).toEqual([]);
  });

  it('refuses a secret value in place of a secret name', () => {
    const d = { ...minimal(), auth: { type: 'bearer', token: 'sk_live_abc' } };
    expect(problems(d).join('\n')).toMatch(/^auth\.token/m);
  });

  it('refuses an auth secret the definition does not declare', () => {
    expect(problems({ ...minimal(), secrets: {} })).toContain('auth: secret token is not declared in secrets');
  });

  it('takes the header a vendor reads idempotency keys from, and refuses one that is no header name', () => {
    const d = minimal();
    const keyed = (idempotencyKey: string) => ({ ...d, steps: { ...d.steps, remove: { ...d.steps.remove, idempotencyKey } } });
    expect(problems(keyed('Idempotency-Key'))).toEqual([]);
    expect(problems(keyed('Idempotency Key: {{identities.email}}'))).toEqual(['steps.remove.idempotencyKey: idempotencyKey must be a header name']);
  });

  it('names every problem of shape and where it is at once', () => {
    const d = minimal();
    const bad = {
      ...d,
      identities: { email: { from: 'email', normalise: ['upper'] } },
      steps: { ...d.steps, find: { ...d.steps.find, records: 'users[?', outcomes: { '44': 'not_found' } } },
    };
    expect(problems(bad)).toEqual([
      expect.stringMatching(/^identities\.email\.normalise\.0: /),
      expect.stringMatching(/^steps\.find\.records: not a JMESPath expression/),
      expect.stringMatching(/^steps\.find\.outcomes\.44: /),
    ]);
    expect(() => parseConnector(bad, 'config/connectors/vendor.json')).toThrow(/config\/connectors\/vendor\.json is invalid:\n {2}identities/);
  });

  it('names every broken reference once the shape holds', () => {
    const d = minimal();
    const bad = {
      ...d,
      steps: { ...d.steps, remove: { ...d.steps.remove, path: '/users/{{provided.userId}}/{{settings.region}}' } },
      actions: { ...d.actions, erasure: { steps: ['find', 'gone'] }, restriction: { steps: ['remove'] } },
    };
    expect(problems(bad)).toEqual([
      'steps.remove: {{settings.region}}: setting not declared',
      'actions.erasure.steps.1: step gone is not declared',
      'actions.restriction.steps.0: step remove uses {{provided.userId}} before a step provides it',
    ]);
  });

  it('asks for a basis when a step can answer retained, and for pagination before a full scan', () => {
    const d = minimal();
    const found = problems({
      ...d,
      outcomes: { '422': 'retained' },
      steps: { ...d.steps, find: { ...d.steps.find, fullScan: true } },
    });
    expect(found).toContain('actions.erasure.retainedBasis: a step can answer retained: say on what legal basis the vendor keeps the data');
    expect(found).toContain('steps.find.fullScan: a full scan reads pages: declare its pagination and maxPages');
  });

  it('refuses pagination without a page limit, and an access action that collects nothing', () => {
    const d = minimal();
    const found = problems({
      ...d,
      steps: { ...d.steps, find: { ...d.steps.find, records: undefined, pagination: { type: 'link' } } },
    });
    expect(found).toEqual(['steps.find.pagination.maxPages: Invalid input: expected number, received undefined']);
    const noRecords = problems({ ...d, steps: { ...d.steps, find: { ...d.steps.find, records: undefined } } });
    expect(noRecords).toEqual(['actions.access: an access action needs a step that collects records']);
  });

  it('takes a cursor in the JSON body only where the step sends a JSON object body', () => {
    const d = minimal();
    const pagination = { type: 'cursor', cursor: 'paging.next.after', in: 'body', param: 'paging.after', maxPages: 5 };
    const search = { ...d.steps.find, method: 'POST', body: { filter: '{{identities.email}}' }, pagination };
    expect(problems({ ...d, steps: { ...d.steps, find: search } })).toEqual([]);
    expect(problems({ ...d, steps: { ...d.steps, find: { ...search, body: undefined } } })).toEqual([
      'steps.find.pagination.in: a cursor in the body needs a JSON object body',
    ]);
    expect(problems({ ...d, steps: { ...d.steps, find: { ...search, form: true } } })).toEqual([
      'steps.find.pagination.in: a cursor in the body needs a JSON object body',
    ]);
    const c = connectorSchema.parse({ ...d, steps: { ...d.steps, find: { ...d.steps.find, pagination: { ...pagination, in: undefined } } } });
    expect(c.steps.find?.pagination).toMatchObject({ type: 'cursor', in: 'query' });
  });

  it('lets a job start before later steps, except in an export, whose records are written at once', () => {
    const d = minimal();
    const job = { id: 'job.id', poll: { method: 'GET', path: '/jobs/{{job.id}}' }, state: 'status', done: ['complete'] };
    const steps = { ...d.steps, queue: { method: 'POST', path: '/erasures', body: { user: '{{provided.userId}}' }, job } };
    expect(problems({ ...d, steps, actions: { ...d.actions, erasure: { steps: ['find', 'queue', 'remove'] } } })).toEqual([]);
    expect(problems({ ...d, steps, actions: { ...d.actions, access: { steps: ['find', 'queue', 'find'] } } })).toEqual([
      'actions.access.steps.1: step queue starts a job: in an export it must be the last step',
    ]);
  });

  it('keeps requests and templates of a job poll to settings and the job id', () => {
    const d = minimal();
    const job = { id: 'job.id', poll: { method: 'GET', path: '/jobs/{{job.id}}?e={{identities.email}}' }, state: 'status', done: ['complete'] };
    expect(problems({ ...d, steps: { ...d.steps, remove: { ...d.steps.remove, job } } })).toContain(
      'steps.remove.job.poll: {{identities.email}}: identities cannot be used here',
    );
  });
});

describe('an http processor in the register', () => {
  const register = (processor: Record<string, unknown>) => ({
    controllers: [
      {
        id: 'acme',
        name: 'Acme',
        country: 'SE',
        dpoEmail: 'dpo@acme.example',
        locales: ['en'],
        supervisoryAuthority: { name: 'IMY', url: 'https://www.imy.se' },
        processors: [
          {
            id: 'newsletter',
            name: 'Newsletter',
            dataCategories: ['email'],
            purposes: ['news'],
            legalBasis: 'consent',
            retention: 'until unsubscribed',
            ...processor,
          },
        ],
      },
    ],
  });

  it('names its connector and the settings and secret names it needs', () => {
    const r = parseRegister(
      register({ kind: 'http', connector: 'mailchimp', settings: { dc: 'us21', listId: 'abc' }, secrets: { apiKey: 'opendsr/mailchimp' } }),
    );
    expect(r.controllers[0]?.processors[0]).toMatchObject({ kind: 'http', connector: 'mailchimp', settings: { dc: 'us21' } });
  });

  it('refuses an http processor without a connector', () => {
    expect(() => parseRegister(register({ kind: 'http' }))).toThrow(/processors\.0\.connector/);
  });
});
