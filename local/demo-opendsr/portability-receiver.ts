/**
 * "Demo Receiving Association": the other controller a subject may have their portability package
 * sent to (Art. 20(2)), for the local runtime and the tests. DEMO ONLY.
 *
 *   POST /v1/portability   a ZIP (Content-Type application/zip) with an `Idempotency-Key` header:
 *                          201 the first time a key is seen, 200 when it comes again (nothing new kept)
 *
 * It keeps each package it received in `<dataDir>/demo-opendsr/portability/<key>.zip` and a list of
 * what came (key, size, when, and how often the same key came again), so a test can look at both.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { BodyTooLargeError, readBody } from '../http-util.ts';

/** A package the receiver took in. No personal data: the contents stay in the ZIP file. */
export interface ReceivedPackage {
  /** The sender's `Idempotency-Key`: the request id. */
  idempotencyKey: string;
  bytes: number;
  receivedAt: string;
  /** Where the ZIP is kept. */
  file: string;
  /** How many more times the same key came (a retry after the first answer was lost). */
  repeats: number;
}

export interface PortabilityReceiver {
  /** Answers `POST /v1/portability`. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** What it received (tests). */
  received(): ReceivedPackage[];
}

/** A portability package is a few megabytes at most. */
const MAX_PACKAGE_BYTES = 50 * 1024 * 1024;
/** The key names a file, so only plain ids are taken. */
const KEY = /^[A-Za-z0-9-]{8,64}$/;

export function portabilityReceiver(dir: string, log: (line: string) => void): PortabilityReceiver {
  const folder = join(dir, 'portability');
  mkdirSync(folder, { recursive: true });
  const listFile = join(folder, 'received.json');
  const received: ReceivedPackage[] = existsSync(listFile) ? (JSON.parse(readFileSync(listFile, 'utf8')) as ReceivedPackage[]) : [];
  const save = () => {
    writeFileSync(`${listFile}.tmp`, `${JSON.stringify(received, null, 2)}\n`);
    renameSync(`${listFile}.tmp`, listFile);
  };
  const answer = (res: ServerResponse, code: number, value: unknown) => {
    res.writeHead(code, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(value));
  };

  return {
    async handle(req, res) {
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string' || !KEY.test(key)) return answer(res, 400, { error: 'Idempotency-Key is required: the request id' });
      if (!/^application\/zip\b/i.test(req.headers['content-type'] ?? '')) return answer(res, 415, { error: 'Content-Type must be application/zip' });
      let body: Buffer;
      try {
        body = await readBody(req, MAX_PACKAGE_BYTES);
      } catch (err) {
        if (err instanceof BodyTooLargeError) return answer(res, 413, { error: `a package may be at most ${MAX_PACKAGE_BYTES} bytes` });
        throw err;
      }
      // A ZIP starts with a local file header ("PK\x03\x04").
      if (body.length < 4 || body.readUInt32LE(0) !== 0x04034b50) return answer(res, 400, { error: 'the body is not a ZIP file' });
      const known = received.find((r) => r.idempotencyKey === key);
      if (known) {
        known.repeats++;
        save();
        log(`portability package ${key} came again: already received`);
        return answer(res, 200, { idempotencyKey: key, status: 'already_received' });
      }
      const file = join(folder, `${key}.zip`);
      writeFileSync(file, body);
      received.push({ idempotencyKey: key, bytes: body.length, receivedAt: new Date().toISOString(), file, repeats: 0 });
      save();
      log(`portability package ${key} received: ${body.length} bytes`);
      answer(res, 201, { idempotencyKey: key, status: 'received' });
    },
    received: () => structuredClone(received),
  };
}
