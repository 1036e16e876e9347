import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The address every local part listens on: this machine only. */
export const DEFAULT_HOST = '127.0.0.1';

/** Listens on `port` (0: a free port) and resolves with the port actually bound. */
export function listen(server: Server, port: number, host = DEFAULT_HOST): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolvePort((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Stops accepting connections and resolves when the server is closed. Idle keep-alive
 * connections close at once; requests under way get `graceMs` to finish, then are cut.
 */
export function closeServer(server: Server, graceMs = 0): Promise<void> {
  return new Promise((resolveClose) => {
    if (!server.listening) return resolveClose();
    let timer: NodeJS.Timeout | undefined;
    server.close(() => {
      clearTimeout(timer);
      resolveClose();
    });
    server.closeIdleConnections();
    if (graceMs > 0) timer = setTimeout(() => server.closeAllConnections(), graceMs);
    else server.closeAllConnections();
  });
}

export function urlFor(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}`;
}

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/** Reads a request body, failing past `limit` bytes (without buffering the rest). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      return reject(new BodyTooLargeError());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolveBody(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) {
        failed = true;
        reject(e);
      }
    });
  });
}
