/**
 * The AWS emulators of the local runtime, all in this process: dynalite (DynamoDB, data kept in
 * `<dataDir>/dynamodb`), aws-ses-v2-local (SES v2 with a mailbox page and `GET /store`; mail is
 * kept in memory) behind the SES account of `ses-account.ts` (identities, configuration sets, the
 * sandbox), and s3rver (S3, data kept in `<dataDir>/s3`). Port 0 picks a free port. Any of them
 * may be one already running instead (`external`; an outside SES still sits behind the SES
 * account's checks); DynamoDB may sit behind the index lag proxy (local/index-lag.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { closeServer, DEFAULT_HOST, listen, urlFor } from './http-util.ts';
import { startIndexLag } from './index-lag.ts';
import { LocalSesAccount, type SesAccountOptions, startSesFront } from './ses-account.ts';

export interface EmulatorPorts {
  dynamodb: number;
  /** dynalite's own, when the index lag proxy listens on `dynamodb`. */
  dynamodbDirect: number;
  ses: number;
  s3: number;
}

export interface EmulatorOptions {
  dataDir: string;
  ports?: Partial<EmulatorPorts>;
  host?: string;
  log?: (line: string) => void;
  /** The SES account sends are checked against: verified identities, configuration sets, the sandbox. */
  ses?: SesAccountOptions;
  /**
   * Milliseconds an item written stays out of global secondary indexes (local/index-lag.ts), as
   * DynamoDB's eventual consistency may keep it; 0 or undefined: dynalite's indexes as they are.
   */
  indexLagMs?: number;
  /** Tables whose indexes do not lag. */
  indexLagExcept?: readonly string[];
  /**
   * Emulators already running elsewhere (DynamoDB Local, LocalStack, MinIO, another
   * aws-ses-v2-local): each named here is used, and the embedded one is not started.
   */
  external?: Partial<Record<'dynamodb' | 'ses' | 's3', string>>;
}

export interface Emulators {
  /** Where the service reaches each (DynamoDB through the index lag proxy, if any). */
  urls: { dynamodb: string; ses: string; s3: string };
  /** The SES account's identities, configuration sets and sandbox. */
  sesAccount: LocalSesAccount;
  /** DynamoDB without the index lag: what the table holds, for the suites' reads and writes behind the service's back. */
  dynamodbDirect: string;
  /** Ends the index lag of every write so far (nothing to do without lag). */
  settleIndexes(): void;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

type SesServerFactory = (config?: { host?: string; port?: number }) => Promise<Server>;

function sesFactory(): SesServerFactory {
  const mod = require('aws-ses-v2-local') as { default?: SesServerFactory } | SesServerFactory;
  return typeof mod === 'function' ? mod : mod.default!;
}

/** Empties the SES emulator's mailbox (it is a module-level store: one per process). */
export function clearMailbox(): void {
  (require('aws-ses-v2-local/dist/store.js') as { clearStore(): void }).clearStore();
}

const S3RVER_METADATA = '._S3rver_metadata.json';

/**
 * s3rver writes an object's content, then its metadata file, neither atomically: a process killed
 * in between (SIGKILL, a power cut) leaves a metadata file that is empty or cut short. s3rver then
 * answers 500 for the object and for every listing of its bucket, and HeadBucket is a listing
 * there, so the runtime could not start again. Such an object's PUT was never answered, so it is
 * removed, as if the PUT had not happened. Returns how many were removed.
 */
export function repairS3rverStore(s3Dir: string): number {
  if (!existsSync(s3Dir)) return 0;
  let removed = 0;
  for (const entry of readdirSync(s3Dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(S3RVER_METADATA)) continue;
    const metadata = join(entry.parentPath, entry.name);
    try {
      JSON.parse(readFileSync(metadata, 'utf8'));
    } catch {
      const base = metadata.slice(0, -S3RVER_METADATA.length);
      for (const file of [metadata, `${base}._S3rver_object`, `${base}._S3rver_object.md5`]) rmSync(file, { force: true });
      removed++;
    }
  }
  return removed;
}

export async function startEmulators(opts: EmulatorOptions): Promise<Emulators> {
  const host = opts.host ?? DEFAULT_HOST;
  const dataDir = resolve(opts.dataDir);
  const external = opts.external ?? {};
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    // reverse order of start; keep going if one fails
    const errors: unknown[] = [];
    for (const stop of stops.reverse()) await stop().catch((e) => errors.push(e));
    stops.length = 0;
    if (errors.length) throw errors[0];
  };

  try {
    // DynamoDB: one already running, or dynalite
    const lagMs = opts.indexLagMs ?? 0;
    let dynamodbDirect = external.dynamodb;
    if (dynamodbDirect === undefined) {
      const dynamoDir = join(dataDir, 'dynamodb');
      mkdirSync(dynamoDir, { recursive: true });
      const dynamo = dynalite({ path: dynamoDir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
      // With index lag, dynalite listens where nobody looks and the proxy where DynamoDB is expected.
      const dynalitePort = await listen(dynamo, lagMs > 0 ? (opts.ports?.dynamodbDirect ?? 0) : (opts.ports?.dynamodb ?? 4567), host);
      stops.push(
        () =>
          new Promise<void>((res, rej) => {
            // dynalite's close also closes its LevelDB store (so the next start can open it)
            dynamo.close((err?: Error) => (err ? rej(err) : res()));
            dynamo.closeAllConnections();
          }),
      );
      dynamodbDirect = urlFor(host, dynalitePort);
    }
    let dynamodb = dynamodbDirect;
    let settleIndexes: () => void = () => undefined;
    if (lagMs > 0) {
      const lag = await startIndexLag({
        target: dynamodbDirect,
        lagMs,
        ...(opts.indexLagExcept ? { except: opts.indexLagExcept } : {}),
        port: opts.ports?.dynamodb ?? 4567,
        host,
      });
      stops.push(() => lag.stop());
      dynamodb = lag.url;
      settleIndexes = lag.settle;
    }

    // SES (its mailbox is module state: it lasts as long as this process, across restarts in it)
    // An outside SES, or aws-ses-v2-local on a port of its own; either way the SES port is the
    // front's, which checks each send as SES would and hands the rest on.
    let sesBackend = external.ses;
    if (sesBackend === undefined) {
      const ses = await sesFactory()({ host, port: 0 });
      // it resolves even when listen fails (express hands the error to its callback)
      if (!ses.listening) throw new Error(`SES emulator: cannot listen on ${host} (no free port?)`);
      stops.push(() => closeServer(ses));
      sesBackend = urlFor(host, (ses.address() as { port: number }).port);
    }
    const sesWanted = opts.ports?.ses ?? 8005;
    const sesAccount = new LocalSesAccount(opts.ses);
    const front = await startSesFront(sesAccount, sesBackend, sesWanted, host).catch((e: Error) => {
      throw new Error(`SES emulator: cannot listen on ${host}:${sesWanted} (port in use?): ${e.message}`);
    });
    stops.push(() => closeServer(front.server));
    const sesUrl = urlFor(host, front.port);

    // S3
    let s3Url = external.s3;
    if (s3Url === undefined) {
      const s3Dir = join(dataDir, 's3');
      mkdirSync(s3Dir, { recursive: true });
      const repaired = repairS3rverStore(s3Dir);
      if (repaired) opts.log?.(`s3: removed ${repaired} object(s) whose write a crash cut short`);
      const s3 = new S3rver({ address: host, port: opts.ports?.s3 ?? 4569, directory: s3Dir, silent: true });
      const s3Address = await s3.run();
      stops.push(async () => {
        if (s3.httpServer) await closeServer(s3.httpServer);
      });
      s3Url = urlFor(host, s3Address.port);
    }

    return { urls: { dynamodb, ses: sesUrl, s3: s3Url }, dynamodbDirect, settleIndexes, sesAccount, stop: stopAll };
  } catch (e) {
    await stopAll().catch(() => undefined);
    throw e;
  }
}
