/**
 * Creates what the stack would create, in the emulators: the requests table (keys and indexes as
 * the template defines them) and the packages bucket; plus the demo controller's own stores
 * (the DynamoDB processors of config/register.json), seeded from demo-data.json when a table is
 * first created, never again (so erasures stick across restarts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { paginate } from '../functions/platform/data/paginate.ts';
import { REPO_ROOT, type TableModel } from './synth.ts';

export const REQUESTS_TABLE = 'dsr-requests';
export const PACKAGE_BUCKET = 'dsr-packages';

export interface DemoData {
  tables: Record<string, { partitionKey: string; items: Record<string, unknown>[] }>;
  subjects: { email: string; holds: string }[];
}

export function readDemoData(file = resolve(REPO_ROOT, 'local', 'demo-data.json')): DemoData {
  return JSON.parse(readFileSync(file, 'utf8')) as DemoData;
}

interface RegisterProcessor {
  id: string;
  kind: string;
  table?: string;
  lookup?: { keyAttribute?: string; indexName?: string; attribute?: string };
}

/** The DynamoDB stores the register's controllers declare, with the keys and indexes their lookups need. */
export function demoTableDefinitions(register: { controllers: { processors: RegisterProcessor[] }[] }, demo: DemoData): CreateTableCommandInput[] {
  const tables = new Map<string, { pk: string; indexes: Map<string, string> }>();
  for (const controller of register.controllers) {
    for (const p of controller.processors) {
      if (p.kind !== 'dynamodb' || !p.table) continue;
      const pk = p.lookup?.keyAttribute ?? demo.tables[p.table]?.partitionKey ?? 'id';
      const t = tables.get(p.table) ?? { pk, indexes: new Map<string, string>() };
      if (p.lookup?.indexName && p.lookup.attribute) t.indexes.set(p.lookup.indexName, p.lookup.attribute);
      tables.set(p.table, t);
    }
  }
  return [...tables].map(([TableName, t]) => {
    const attributes = new Set([t.pk, ...t.indexes.values()]);
    return {
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: t.pk, KeyType: 'HASH' }],
      AttributeDefinitions: [...attributes].map((a) => ({ AttributeName: a, AttributeType: 'S' })),
      ...(t.indexes.size
        ? {
            GlobalSecondaryIndexes: [...t.indexes].map(([IndexName, attr]) => ({
              IndexName,
              KeySchema: [{ AttributeName: attr, KeyType: 'HASH' }],
              Projection: { ProjectionType: 'ALL' },
            })),
          }
        : {}),
    } satisfies CreateTableCommandInput;
  });
}

export function requestsTableDefinition(model: TableModel, TableName = REQUESTS_TABLE): CreateTableCommandInput {
  return {
    TableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: model.KeySchema,
    AttributeDefinitions: model.AttributeDefinitions,
    ...(model.GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: model.GlobalSecondaryIndexes as any } : {}),
    ...(model.LocalSecondaryIndexes ? { LocalSecondaryIndexes: model.LocalSecondaryIndexes as any } : {}),
  };
}

/** Creates a table unless it exists; resolves true when it created it (and it is ACTIVE). */
async function ensureTable(ddb: DynamoDBClient, def: CreateTableCommandInput, log: (l: string) => void): Promise<boolean> {
  try {
    const existing = await ddb.send(new DescribeTableCommand({ TableName: def.TableName }));
    const want = (def.GlobalSecondaryIndexes ?? [])
      .map((i) => i.IndexName)
      .sort()
      .join(',');
    const have = (existing.Table?.GlobalSecondaryIndexes ?? [])
      .map((i) => i.IndexName)
      .sort()
      .join(',');
    const keys = (k: { AttributeName?: string; KeyType?: string }[] | undefined) => JSON.stringify((k ?? []).map((x) => [x.AttributeName, x.KeyType]));
    if (want !== have || keys(def.KeySchema) !== keys(existing.Table?.KeySchema)) {
      log(
        `provision: table ${def.TableName} in the data directory differs from its definition (keys or indexes); delete the data directory's dynamodb folder to recreate it`,
      );
    }
    return false;
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
  }
  try {
    await ddb.send(new CreateTableCommand(def));
  } catch (e) {
    if (e instanceof ResourceInUseException) return false;
    throw e;
  }
  for (let i = 0; i < 100; i++) {
    const d = await ddb.send(new DescribeTableCommand({ TableName: def.TableName }));
    if (d.Table?.TableStatus === 'ACTIVE') break;
    await new Promise((r) => setTimeout(r, 20));
  }
  log(`provision: created table ${def.TableName}`);
  return true;
}

export interface ProvisionOptions {
  endpoints: { dynamodb: string; s3: string };
  requestsTable: TableModel;
  registerFile?: string;
  demoData?: DemoData;
  log?: (line: string) => void;
}

export async function provision(opts: ProvisionOptions): Promise<void> {
  const log = opts.log ?? (() => undefined);
  const clientConfig = { region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } };
  const ddb = new DynamoDBClient({ ...clientConfig, endpoint: opts.endpoints.dynamodb });
  const doc = DynamoDBDocumentClient.from(ddb);
  const s3 = new S3Client({ ...clientConfig, endpoint: opts.endpoints.s3, forcePathStyle: true });
  try {
    await ensureTable(ddb, requestsTableDefinition(opts.requestsTable), log);

    try {
      await s3.send(new HeadBucketCommand({ Bucket: PACKAGE_BUCKET }));
    } catch (e) {
      if ((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404) throw e;
      await s3.send(new CreateBucketCommand({ Bucket: PACKAGE_BUCKET }));
      log(`provision: created bucket ${PACKAGE_BUCKET}`);
    }

    const register = JSON.parse(readFileSync(opts.registerFile ?? resolve(REPO_ROOT, 'config', 'register.json'), 'utf8'));
    const demo = opts.demoData ?? readDemoData();
    for (const def of demoTableDefinitions(register, demo)) {
      const created = await ensureTable(ddb, def, log);
      const seed = demo.tables[def.TableName!];
      if (!created || !seed) continue;
      const pk = def.KeySchema![0]!.AttributeName!;
      for (const item of seed.items) {
        await doc.send(
          new PutCommand({
            TableName: def.TableName,
            Item: item,
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': pk },
          }),
        );
      }
      log(`provision: seeded ${def.TableName} with ${seed.items.length} demo items`);
    }
  } finally {
    ddb.destroy();
    s3.destroy();
  }
}

/**
 * After the runtime was killed (no clean stop), writes every item of every table with a secondary
 * index back as it is. dynalite keeps an item and its index entries as separate LevelDB writes, so a
 * kill between them can leave an item whose index entry is missing: a request the open-by-due index
 * no longer lists is never swept, and would stay open for ever. Writing the item again writes its
 * entries. Runs before the gateway serves and before the first sweep, so nothing else writes.
 */
export async function reindexAfterCrash(endpoint: string, log: (l: string) => void): Promise<number> {
  const ddb = new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, endpoint });
  const doc = DynamoDBDocumentClient.from(ddb);
  let rewritten = 0;
  try {
    for (const TableName of (await ddb.send(new ListTablesCommand({}))).TableNames ?? []) {
      const { Table } = await ddb.send(new DescribeTableCommand({ TableName }));
      if (!Table?.GlobalSecondaryIndexes?.length && !Table?.LocalSecondaryIndexes?.length) continue;
      for await (const Item of paginate({ scan: { TableName, ConsistentRead: true } }, { client: doc })) {
        await doc.send(new PutCommand({ TableName, Item }));
        rewritten++;
      }
    }
  } finally {
    ddb.destroy();
  }
  log(`dynamodb: not stopped cleanly last time; wrote ${rewritten} item(s) again to repair their index entries`);
  return rewritten;
}
