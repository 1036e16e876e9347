/**
 * DynamoDB's global secondary indexes are eventually consistent: an item written a moment ago may
 * not be in an index yet (AWS: "usually within a fraction of a second", with no bound). dynalite
 * updates its indexes with the write. This proxy stands in front of it and, for `lagMs` after an
 * item is written, leaves it out of every Query and Scan on a global secondary index, so code that
 * trusts an index to show what was just written fails locally as it would in AWS.
 *
 * Stricter than AWS in one way (an updated item is hidden, where AWS would show its previous
 * version) and not in another (a deleted item is gone at once, where AWS may still list it).
 * Base-table reads and local secondary indexes are left alone.
 */
import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { crc32 } from 'node:zlib';
import { closeServer, listen, urlFor } from './http-util.ts';

type AttributeValue = Record<string, unknown>;
type Item = Record<string, AttributeValue>;

interface TableShape {
  key: string[];
  globalIndexes: Set<string>;
}

/** A running proxy in front of a DynamoDB endpoint. */
export interface IndexLagProxy {
  url: string;
  port: number;
  /** Shows every item written so far in the indexes at once, as if the lag had passed. */
  settle(): void;
  stop(): Promise<void>;
}

export interface IndexLagOptions {
  /** The DynamoDB endpoint behind the proxy (dynalite). */
  target: string;
  lagMs: number;
  /** Tables whose indexes do not lag. */
  except?: readonly string[];
  port: number;
  host: string;
}

const TARGET_PREFIX = 'DynamoDB_20120810.';

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Starts the proxy on `port` (0: any free one). */
export async function startIndexLag(opts: IndexLagOptions): Promise<IndexLagProxy> {
  const target = new URL(opts.target);
  /** `table\0key` → when the write was answered. */
  const written = new Map<string, number>();
  const shapes = new Map<string, Promise<TableShape>>();
  const agent = new Agent({ keepAlive: true });

  /** Forwards a request to dynalite as it came; resolves with the answer. */
  const forward = (req: { method?: string; url?: string; headers: IncomingMessage['headers'] }, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
      const out = httpRequest(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host, 'content-length': String(body.length) },
        },
        (res) => readAll(res).then((b) => resolve({ status: res.statusCode ?? 500, headers: res.headers, body: b }), reject),
      );
      out.on('error', reject);
      out.end(body);
    });

  /** A table's key and global indexes, asked of dynalite with the caller's headers (it checks their form, not the signature). */
  const shapeOf = (table: string, headers: IncomingMessage['headers']): Promise<TableShape> => {
    let shape = shapes.get(table);
    if (!shape) {
      shape = forward(
        { method: 'POST', url: '/', headers: { ...headers, 'x-amz-target': `${TARGET_PREFIX}DescribeTable` } },
        Buffer.from(JSON.stringify({ TableName: table })),
      ).then((res) => {
        const t = JSON.parse(res.body.toString('utf8')).Table;
        if (!t) throw new Error(`index lag: cannot describe ${table}`);
        return {
          key: (t.KeySchema as { AttributeName: string }[]).map((k) => k.AttributeName),
          globalIndexes: new Set(((t.GlobalSecondaryIndexes ?? []) as { IndexName: string }[]).map((i) => i.IndexName)),
        };
      });
      shape.catch(() => shapes.delete(table));
      shapes.set(table, shape);
    }
    return shape;
  };

  const keyId = (table: string, key: string[], item: Item) => `${table}\0${JSON.stringify(key.map((k) => item[k]))}`;

  /** The keys a successful write touched. */
  async function recordWrites(op: string, input: Record<string, any>, headers: IncomingMessage['headers']): Promise<void> {
    const at = Date.now();
    const mark = async (table: string, keyOrItem: Item) => written.set(keyId(table, (await shapeOf(table, headers)).key, keyOrItem), at);
    if (op === 'PutItem') await mark(input.TableName, input.Item);
    else if (op === 'UpdateItem' || op === 'DeleteItem') await mark(input.TableName, input.Key);
    else if (op === 'BatchWriteItem') {
      for (const [table, writes] of Object.entries<any[]>(input.RequestItems ?? {})) {
        for (const w of writes) await mark(table, w.PutRequest?.Item ?? w.DeleteRequest?.Key);
      }
    }
    // forget what no index hides any more
    for (const [k, t] of written) if (at - t >= opts.lagMs) written.delete(k);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req);
    const op = String(req.headers['x-amz-target'] ?? '').replace(TARGET_PREFIX, '');
    const answer = await forward(req, body);
    let out = answer.body;
    if (answer.status === 200) {
      const input = JSON.parse(body.toString('utf8') || '{}') as Record<string, any>;
      if (op === 'PutItem' || op === 'UpdateItem' || op === 'DeleteItem' || op === 'BatchWriteItem') await recordWrites(op, input, req.headers);
      else if (op === 'CreateTable' || op === 'DeleteTable' || op === 'UpdateTable') shapes.delete(input.TableName);
      else if ((op === 'Query' || op === 'Scan') && input.IndexName) {
        const shape = await shapeOf(input.TableName, req.headers);
        if (shape.globalIndexes.has(input.IndexName) && !opts.except?.includes(input.TableName)) {
          const page = JSON.parse(out.toString('utf8')) as { Items?: Item[]; Count?: number };
          if (page.Items) {
            const now = Date.now();
            const visible = page.Items.filter((item) => {
              const t = written.get(keyId(input.TableName, shape.key, item));
              return t === undefined || now - t >= opts.lagMs;
            });
            if (visible.length !== page.Items.length) {
              page.Items = visible;
              page.Count = visible.length;
              out = Buffer.from(JSON.stringify(page));
            }
          }
        }
      }
    }
    const headers = { ...answer.headers, 'content-length': String(out.length), 'x-amz-crc32': String(crc32(out)) };
    res.writeHead(answer.status, headers);
    res.end(out);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: `index lag proxy: ${e.message}` }));
    });
  });
  const port = await listen(server, opts.port, opts.host);
  return {
    url: urlFor(opts.host, port),
    port,
    settle: () => written.clear(),
    stop: async () => {
      await closeServer(server);
      agent.destroy();
    },
  };
}
