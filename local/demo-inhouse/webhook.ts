/**
 * The Demo Campaign Office's volunteer portal's webhook receiver (`volunteer-portal`): checks the
 * service's signature (`X-DSR-Signature: t=...,v1=...`, HMAC-SHA256 of `<t>.<body>` under the
 * shared secret, five minutes either way), answers an export at once (200 with the answer) and
 * anything else later (202, then a callback signed the same way, after `DEMO_INHOUSE_DELAY_MS`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { closeServer, DEFAULT_HOST, listen, readBody, urlFor } from '../http-util.ts';
import { type DemoEvent, demoAnswer } from './app.ts';

export interface DemoWebhook {
  url: string;
  origin: string;
  stop(): Promise<void>;
}

const sign = (secret: string, t: number, body: string | Buffer) => createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');

/** True when `header` signs `body` with `secret` within five minutes of now. */
export function signedBy(secret: string, header: string | undefined, body: Buffer): boolean {
  const parts = new Map((header ?? '').split(',').map((p) => p.trim().split('=') as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = Buffer.from(parts.get('v1') ?? '', 'hex');
  const expected = Buffer.from(sign(secret, t, body), 'hex');
  return Math.abs(Date.now() / 1000 - t) <= 300 && v1.length === expected.length && timingSafeEqual(v1, expected);
}

export async function startDemoWebhook(opts: { port: number; secret: string; callbackDelayMs?: number }): Promise<DemoWebhook> {
  const server = createServer((req, res) => {
    void readBody(req, 1024 * 1024).then(
      (raw) => {
        if (req.method !== 'POST' || !signedBy(opts.secret, req.headers['x-dsr-signature'] as string | undefined, raw)) {
          res.writeHead(401).end();
          return;
        }
        const event = JSON.parse(raw.toString('utf8')) as DemoEvent;
        if (event.type === 'withdrawal') {
          res.writeHead(204).end();
          return;
        }
        const { when, answer } = demoAnswer(event, 'volunteer-portal');
        if (when === 'now') {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
          return;
        }
        res.writeHead(202).end();
        setTimeout(
          () => {
            const body = JSON.stringify(answer);
            const t = Math.floor(Date.now() / 1000);
            void fetch(event.callback.url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-dsr-signature': `t=${t},v1=${sign(opts.secret, t, body)}` },
              body,
            }).catch(() => undefined);
          },
          opts.callbackDelayMs ?? Number(process.env.DEMO_INHOUSE_DELAY_MS ?? 2000),
        ).unref();
      },
      () => res.writeHead(400).end(),
    );
  });
  const port = await listen(server, opts.port, DEFAULT_HOST);
  const url = `${urlFor('localhost', port)}/dsr`;
  return { url, origin: new URL(url).origin, stop: () => closeServer(server, 500) };
}
