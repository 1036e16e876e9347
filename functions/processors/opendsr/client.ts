/**
 * The controller side of the OpenDSR v2 API (§6-9): create a request, read its status, cancel it.
 * Every answer the processor signs is checked like a callback before it is believed.
 * Errors carry the processor id and an HTTP status at most: never the identities sent.
 */
import type { OpendsrProcessor } from '../../platform/register';
import { verifySigned } from './certificates';
import { badResponse, endpoint, fetchFrom, readLimited, rejected, unavailable } from './http';
import { type OpendsrRequest, type OpendsrStatusReport, requestResponseSchema, statusResponseSchema } from './types';

const JSON_HEADERS = { accept: 'application/json' };

async function signedJson(p: OpendsrProcessor, res: Response): Promise<unknown> {
  let raw: Buffer;
  try {
    raw = await readLimited(res);
  } catch {
    throw badResponse(p.id, 'a body that is too large');
  }
  await verifySigned(p, res.headers, raw);
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw badResponse(p.id, 'a body that is not JSON');
  }
}

function failed(p: OpendsrProcessor, res: Response): Error {
  void res.body?.cancel().catch(() => undefined);
  return res.status >= 500 || res.status === 429 ? unavailable(p.id, `answered ${res.status}`) : rejected(p.id, res.status);
}

/** What the processor said to a new request. */
export type SubmitAnswer =
  | { outcome: 'created'; expectedCompletionAt?: string }
  /** Refused with 4xx: perhaps because it already has this id (a retry). The caller checks with `getStatus`. */
  | { outcome: 'refused'; status: number };

/** `POST /requests` (§7). */
export async function createRequest(p: OpendsrProcessor, body: OpendsrRequest): Promise<SubmitAnswer> {
  const res = await fetchFrom(p, endpoint(p.url, '/requests'), {
    method: 'POST',
    headers: { ...JSON_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status === 400 || res.status === 409 || res.status === 422) {
    void res.body?.cancel().catch(() => undefined);
    return { outcome: 'refused', status: res.status };
  }
  if (res.status !== 201 && res.status !== 200) throw failed(p, res);
  const parsed = requestResponseSchema.safeParse(await signedJson(p, res));
  if (!parsed.success) throw badResponse(p.id, 'a request receipt without the fields it must have');
  if (parsed.data.subject_request_id !== body.subject_request_id) throw badResponse(p.id, 'a receipt for another request');
  return {
    outcome: 'created',
    ...(parsed.data.expected_completion_time ? { expectedCompletionAt: new Date(parsed.data.expected_completion_time).toISOString() } : {}),
  };
}

/** `GET /requests/{id}` (§8.1); undefined when the processor does not know the id (404). */
export async function getStatus(p: OpendsrProcessor, subjectRequestId: string): Promise<OpendsrStatusReport | undefined> {
  const res = await fetchFrom(p, endpoint(p.url, `/requests/${encodeURIComponent(subjectRequestId)}`), { headers: JSON_HEADERS });
  if (res.status === 404) {
    void res.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (res.status !== 200) throw failed(p, res);
  const parsed = statusResponseSchema.safeParse(await signedJson(p, res));
  if (!parsed.success) throw badResponse(p.id, 'a status without the fields it must have');
  if (parsed.data.subject_request_id !== subjectRequestId) throw badResponse(p.id, 'the status of another request');
  return parsed.data;
}

/** `DELETE /requests/{id}` (§9): true when cancelled, false when the processor does not know the id. */
export async function cancelRequest(p: OpendsrProcessor, subjectRequestId: string): Promise<boolean> {
  const res = await fetchFrom(p, endpoint(p.url, `/requests/${encodeURIComponent(subjectRequestId)}`), { method: 'DELETE', headers: JSON_HEADERS });
  if (res.status === 404) {
    void res.body?.cancel().catch(() => undefined);
    return false;
  }
  if (res.status !== 202 && res.status !== 200) throw failed(p, res);
  await signedJson(p, res);
  return true;
}
