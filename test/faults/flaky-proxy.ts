/**
 * An HTTP proxy in front of an emulator, for the fault and crash suites: the handlers reach SES or
 * S3 through it (the runtime's `handlerEndpoints`, i.e. their `AWS_ENDPOINT_URL_*`), so an outage is
 * seen exactly as an outage of the service would be, with no test branch in functions/. While
 * `down`, every call is answered 503 before anything reaches the emulator. Every call that the
 * emulator answered is recorded with its body: for SES that is the record of every email sent,
 * which outlives the emulator's in-memory mailbox when the runtime is killed.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import { closeServer, listen } from '../../local/http-util.ts';

export interface Forwarded {
  method: string;
  path: string;
  status: number;
  body: string;
  /** When the emulator's answer came back (ms since the epoch; 0 until then). */
  answeredAt: number;
}

export interface FlakyProxy {
  url: string;
  port: number;
  /** Answer 503 to everything while true. */
  down: boolean;
  /** Calls refused while down. */
  refused: number;
  /** Calls the emulator answered (any status). */
  forwarded: Forwarded[];
  /** Calls forwarded whose answer never came back (the emulator went away mid-call). */
  unanswered: Forwarded[];
  stop(): Promise<void>;
}

/** `target` is a function so a restarted emulator on another port can be followed (it is asked per call). */
export async function startFlakyProxy(target: () => string, port = 0, record = false): Promise<FlakyProxy> {
  const proxy = { down: false, refused: 0, forwarded: [] as Forwarded[], unanswered: [] as Forwarded[] } as FlakyProxy;
  const server: Server = createServer((req, res) => {
    if (proxy.down) {
      proxy.refused++;
      req.resume();
      res.writeHead(503, { 'content-type': 'application/json', 'x-amzn-errortype': 'ServiceUnavailable' }).end('{"message":"Service Unavailable"}');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const to = new URL(req.url ?? '/', target());
      const headers = { ...req.headers, host: to.host };
      const entry: Forwarded = { method: req.method ?? 'GET', path: req.url ?? '/', status: 0, body: record ? body.toString('utf8') : '', answeredAt: 0 };
      const out = httpRequest(to, { method: req.method, headers }, (up) => {
        entry.status = up.statusCode ?? 0;
        entry.answeredAt = Date.now();
        proxy.forwarded.push(entry);
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      out.on('error', () => {
        if (record) proxy.unanswered.push(entry);
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
      });
      out.end(body);
    });
  });
  proxy.port = await listen(server, port);
  proxy.url = `http://127.0.0.1:${proxy.port}`;
  proxy.stop = () => closeServer(server);
  return proxy;
}

/** The SES v2 SendEmail calls the proxy saw the emulator accept: recipients and the whole body (text, html, attachments). */
export function sentEmails(proxy: FlakyProxy): { to: string[]; subject: string; raw: string; at: number }[] {
  return proxy.forwarded
    .filter((f) => f.method === 'POST' && f.path.startsWith('/v2/email/outbound-emails') && f.status === 200)
    .map((f) => {
      const b = JSON.parse(f.body) as { Destination?: { ToAddresses?: string[] }; Content?: { Simple?: { Subject?: { Data?: string } } } };
      return { to: b.Destination?.ToAddresses ?? [], subject: b.Content?.Simple?.Subject?.Data ?? '', raw: f.body, at: f.answeredAt };
    });
}
