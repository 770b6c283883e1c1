/**
 * `npm run bench -- ingestion`: how fast the webhook ingests, end to end over HTTP, against what
 * the same dynalite can take raw. Starts its own local system (no demo, temp dir) on a dynalite
 * it observes, loads the demo roster, then posts demo registrations in deliveries of 500.
 *
 * In three rounds of BENCH_INGESTION_EVENTS (default 20000) events, each between two runs of
 * the raw baselines on the same dynalite: events/s as a share of the raw rate of one conditional
 * PutItem per item (`attribute_not_exists`, WRITES_IN_FLIGHT at once, the concurrency ingestion
 * writes a delivery with) around it (target at least 80 % for the median round), per-delivery
 * latency (p50/p99), and DynamoDB item writes per registration (target at most 2 on average).
 * The conditional PutItem is the floor any lock-free design has: each registration is one
 * conditional write, because an unconditional one can overwrite a newer version a parallel
 * delivery wrote. The share of raw BatchWriteItem (the first target, >= 50 %, set when ingestion
 * wrote unconditional batches under a global lease) is printed beside it, as information.
 *
 * Then deliveries of 1 and of 25 events from 8 senders at once (BENCH_INGESTION_CONCURRENT
 * deliveries of each size, default 400), which no lock serializes any more: deliveries/s,
 * events/s and their share of the raw rate measured right before; and the write and read units
 * per event (consumed capacity) of the same kind of deliveries sent in process.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mapLimit } from '../../functions/store/dynamo';
import { ingestBatch } from '../../functions/usecases/ingest/ingest-batch';
import { WRITES_IN_FLIGHT } from '../../functions/usecases/ingest/write-registrations';
import type { PresenceEvent } from '../../shared/contract/events';
import { demoBatches, generateDemoSchool } from '../local/demo-school';
import { withTransactions } from '../local/dynalite-transactions';
import { postSigned } from '../local/sign';
import { startLocalSystem } from '../local/system';
import { meterCapacity } from './capacity';

const WRITE_OPERATIONS = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);

interface ObservedDynalite {
  endpoint: string;
  /** Item writes since the last reset: one per Put/Update/Delete, one per item of a batch write. */
  writes(): number;
  requests(): Map<string, number>;
  reset(): void;
  stop(): Promise<void>;
}

type DynaliteServer = import('node:http').Server;

/** dynalite on disk, with every request it receives counted. */
async function observedDynalite(path: string): Promise<ObservedDynalite> {
  const dynalite = createRequire(import.meta.url)('dynalite') as (options: object) => DynaliteServer;
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  // As the local system's own dynalite does: provisioning's transactions would fail otherwise.
  withTransactions(server, () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  let writes = 0;
  const requests = new Map<string, number>();
  server.on('request', (req: IncomingMessage) => {
    const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? 'unknown';
    requests.set(operation, (requests.get(operation) ?? 0) + 1);
    if (!WRITE_OPERATIONS.has(operation)) return;
    if (operation !== 'BatchWriteItem') {
      writes++;
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        RequestItems: Record<string, unknown[]>;
      };
      for (const items of Object.values(body.RequestItems)) writes += items.length;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    writes: () => writes,
    requests: () => new Map(requests),
    reset: () => {
      writes = 0;
      requests.clear();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const ROUNDS = 3;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** A document client on the bench's dynalite, for the raw baselines. */
const benchDoc = (endpoint: string) =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'b', secretAccessKey: 'b' },
    }),
  );

/** The raw baselines' item n: a registration's size, its student index keys spread over 40 days. */
const rawItem = (n: number) => ({
  pk: `BENCH#${Math.floor(n / 40)}`,
  sk: `REG#${n}`,
  gsi1pk: `BENCHDAY#${n % 40}`,
  gsi1sk: `REG#${n}`,
  payload: 'x'.repeat(250),
});

/** Raw BatchWriteItem throughput: items of a registration's size, 25 a request, 4 requests in flight. */
async function rawBatchWriteRate(
  endpoint: string,
  tableName: string,
  items: number,
  offset: number,
): Promise<number> {
  const doc = benchDoc(endpoint);
  const requests: Record<string, unknown>[][] = [];
  for (let i = 0; i < items; i += 25) {
    requests.push(Array.from({ length: Math.min(25, items - i) }, (_, k) => rawItem(offset + i + k)));
  }
  const started = performance.now();
  await mapLimit(requests, 4, async (batch) => {
    let pending: Record<string, unknown>[] = batch.map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const out = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (out.UnprocessedItems?.[tableName] ?? []) as Record<string, unknown>[];
    }
  });
  const seconds = (performance.now() - started) / 1000;
  doc.destroy();
  return items / seconds;
}

/**
 * Raw conditional PutItem throughput: the same items, one request each, conditional on the item
 * being new (`attribute_not_exists`), WRITES_IN_FLIGHT at once. The target's baseline: one
 * conditional write per registration is what lock-free ingestion needs for its correctness (a
 * BatchWriteItem cannot be conditional), and this is what it costs on this dynalite by itself.
 */
async function rawConditionalPutRate(
  endpoint: string,
  tableName: string,
  items: number,
  offset: number,
): Promise<number> {
  const doc = benchDoc(endpoint);
  const ns = Array.from({ length: items }, (_, i) => offset + i);
  const started = performance.now();
  await mapLimit(ns, WRITES_IN_FLIGHT, (n) =>
    doc.send(
      new PutCommand({
        TableName: tableName,
        Item: rawItem(n),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  doc.destroy();
  return items / seconds;
}

export async function run(): Promise<void> {
  const wanted = Number(process.env.BENCH_INGESTION_EVENTS ?? 20_000);
  const dir = await mkdtemp(join(tmpdir(), 'presentie-bench-'));
  const dynamo = await observedDynalite(join(dir, 'dynamodb'));
  const system = await startLocalSystem({ dataDir: dir, demo: false, dynamoEndpoint: dynamo.endpoint });
  try {
    if (system.handlers.webhook.state !== 'ready') {
      console.log(`webhook handler ${system.handlers.webhook.state}: nothing to measure`);
      return;
    }
    const generating = performance.now();
    const school = generateDemoSchool({ today: '2026-11-28' });
    const generated = performance.now() - generating;
    console.log(
      `demo school generated: ${school.roster.length + school.activity.length} events in ${generated.toFixed(0)} ms`,
    );
    const batches = demoBatches(school);
    const rosterBatches = Math.ceil(school.roster.length / 500);
    for (const batch of batches.slice(0, rosterBatches)) {
      const answer = await postSigned(system.webhookUrl, system.secret, JSON.stringify({ events: batch }));
      if (answer.status !== 200) throw new Error(`roster refused: ${answer.status} ${answer.body}`);
    }

    // Rounds of `wanted` events, each between two raw runs: dynalite's rate drifts by a fifth as
    // its files grow and compact, so each round is set against the mean of the raw runs around
    // it, and the median round is the figure.
    const perRound = Math.ceil(wanted / 500);
    const rounds: Array<{ rate: number; raw: number; ratio: number; puts: number; ofPuts: number }> = [];
    const putItems = Math.min(wanted, 4000);
    // Apart from the batch runs' items ((round + 1) million on): a conditional put of an item a
    // batch wrote fails its condition, and a failed put is no write to measure.
    const putRate = (round: number) =>
      rawConditionalPutRate(dynamo.endpoint, system.tableName, putItems, 100_000_000 + round * putItems);
    let puts = await putRate(0);
    const latencies: number[] = [];
    let writes = 0;
    let registrations = 0;
    let seconds = 0;
    let requests = new Map<string, number>();
    let raw = await rawBatchWriteRate(dynamo.endpoint, system.tableName, wanted, 0);
    for (let round = 0; round < ROUNDS; round++) {
      const from = rosterBatches + round * perRound;
      const slice = batches.slice(from, from + perRound);
      const events = slice.reduce((n, b) => n + b.length, 0);
      registrations += slice.reduce(
        (n, b) => n + b.filter((e) => e.type === 'registration.upserted').length,
        0,
      );
      const bodies = slice.map((events) => JSON.stringify({ events }));
      dynamo.reset();
      const started = performance.now();
      for (const body of bodies) {
        const answer = await postSigned(system.webhookUrl, system.secret, body);
        if (answer.status !== 200)
          throw new Error(`delivery refused: ${answer.status} ${answer.body.slice(0, 300)}`);
        latencies.push(answer.ms);
      }
      const took = (performance.now() - started) / 1000;
      seconds += took;
      writes += dynamo.writes();
      requests = new Map([...dynamo.requests()].map(([op, n]) => [op, n + (requests.get(op) ?? 0)]));
      const after = await rawBatchWriteRate(
        dynamo.endpoint,
        system.tableName,
        wanted,
        (round + 1) * 1_000_000,
      );
      const putsAfter = await putRate(round + 1);
      const rate = events / took;
      rounds.push({
        rate,
        raw: (raw + after) / 2,
        ratio: rate / ((raw + after) / 2),
        puts: (puts + putsAfter) / 2,
        ofPuts: rate / ((puts + putsAfter) / 2),
      });
      raw = after;
      puts = putsAfter;
    }
    latencies.sort((a, b) => a - b);
    const medianOf = (ratio: (r: (typeof rounds)[number]) => number) =>
      ratio(
        [...rounds].sort((a, b) => ratio(a) - ratio(b))[Math.floor(ROUNDS / 2)] as (typeof rounds)[number],
      );
    const ofPuts = medianOf((r) => r.ofPuts);
    const ofBatches = medianOf((r) => r.ratio);
    const perRegistration = writes / registrations;
    console.log(
      `webhook over HTTP: ${ROUNDS} rounds of ${perRound} deliveries of 500 (${registrations} registrations), ${seconds.toFixed(1)} s`,
    );
    console.log(
      `  per delivery p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`,
    );
    for (const [i, r] of rounds.entries())
      console.log(
        `  round ${i + 1}: ${r.rate.toFixed(0)} events/s against raw conditional PutItem ${r.puts.toFixed(0)} items/s (1 per request, ${WRITES_IN_FLIGHT} in flight) = ${(r.ofPuts * 100).toFixed(0)} %; raw BatchWriteItem ${r.raw.toFixed(0)} items/s (25 per request, 4 in flight) = ${(r.ratio * 100).toFixed(0)} %`,
      );
    console.log(
      `ingestion against raw conditional PutItem of the same items on the same dynalite, median round: ${(ofPuts * 100).toFixed(0)} % (target >= 80 %) ${ofPuts >= 0.8 ? 'OK' : 'BELOW TARGET'}`,
    );
    console.log(
      `  against raw BatchWriteItem, median round: ${(ofBatches * 100).toFixed(0)} % (information: the first target, >= 50 %, assumed unconditional batches under a global lease; a BatchWriteItem cannot be conditional, and lock-free ingestion needs one conditional write per registration)`,
    );
    console.log(
      `DynamoDB item writes per registration: ${perRegistration.toFixed(3)} (target <= 2) ${perRegistration <= 2 ? 'OK' : 'ABOVE TARGET'}`,
    );
    console.log(
      `  requests to DynamoDB while ingesting: ${[...requests].map(([op, n]) => `${op} ${n}`).join(', ')}`,
    );
    const unused = batches.slice(rosterBatches + ROUNDS * perRound).flat();
    await concurrentSenders(dynamo.endpoint, system, unused);
  } finally {
    await system.stop();
    await dynamo.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

const SENDERS = 8;
const SIZES = [1, 25] as const;

/** Up to `n` deliveries of `size` events each, taken from `events` from `at` on. */
function deliveriesOf(events: PresenceEvent[], at: number, size: number, n: number): PresenceEvent[][] {
  const out: PresenceEvent[][] = [];
  for (let i = at; out.length < n && i + size <= events.length; i += size)
    out.push(events.slice(i, i + size));
  return out;
}

/** Sends every delivery with `senders` at once, each taking the next one; the seconds it took. */
async function sendAll<T>(deliveries: T[], senders: number, send: (d: T) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (next < deliveries.length) await send(deliveries[next++] as T);
    }),
  );
  return (performance.now() - started) / 1000;
}

/**
 * Deliveries of 1 and of 25 events from 8 senders at once, over HTTP, against the raw
 * BatchWriteItem rate of the same dynalite measured just before; then the same sizes in process
 * through a capacity meter for the units per event (dynalite counts the table's units only: a
 * live registration also writes its student-day index entry, one more unit per event).
 */
async function concurrentSenders(
  endpoint: string,
  system: { webhookUrl: string; secret: string; tableName: string },
  events: PresenceEvent[],
): Promise<void> {
  const wanted = Number(process.env.BENCH_INGESTION_CONCURRENT ?? 400);
  let at = 0;
  console.log(`deliveries from ${SENDERS} senders at once (no lock between them):`);
  for (const size of SIZES) {
    const deliveries = deliveriesOf(events, at, size, wanted);
    at += deliveries.length * size;
    if (deliveries.length === 0) {
      console.log(`  deliveries of ${size}: no demo events left to send`);
      continue;
    }
    const raw = await rawBatchWriteRate(endpoint, system.tableName, 5000, 5_000_000 + at);
    const bodies = deliveries.map((batch) => JSON.stringify({ events: batch }));
    const latencies: number[] = [];
    const seconds = await sendAll(bodies, SENDERS, async (body) => {
      const answer = await postSigned(system.webhookUrl, system.secret, body);
      if (answer.status !== 200)
        throw new Error(`delivery refused: ${answer.status} ${answer.body.slice(0, 300)}`);
      latencies.push(answer.ms);
    });
    latencies.sort((a, b) => a - b);
    const eventsPerSecond = (deliveries.length * size) / seconds;
    console.log(
      `  deliveries of ${size}: ${deliveries.length} in ${seconds.toFixed(1)} s = ${(deliveries.length / seconds).toFixed(0)} deliveries/s, ${eventsPerSecond.toFixed(0)} events/s = ${((eventsPerSecond / raw) * 100).toFixed(0)} % of raw BatchWriteItem ${raw.toFixed(0)} items/s; per delivery p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`,
    );
  }
  const doc = benchDoc(endpoint);
  const meter = meterCapacity(doc);
  const deps = { store: { doc, tableName: system.tableName }, retentionYears: 5, now: () => new Date() };
  for (const size of SIZES) {
    const deliveries = deliveriesOf(events, at, size, Math.max(1, Math.floor(wanted / 4)));
    at += deliveries.length * size;
    if (deliveries.length === 0) continue;
    meter.reset();
    let n = 0;
    await sendAll(deliveries, SENDERS, async (batch) => {
      await ingestBatch(deps, { deliveryId: `bench-units-${size}-${n++}`, events: batch });
    });
    const count = deliveries.length * size;
    console.log(
      `  capacity, deliveries of ${size} (${deliveries.length}, in process): ${(meter.writeUnits / count).toFixed(2)} write units and ${(meter.readUnits / count).toFixed(2)} read units per event (table only)`,
    );
  }
  meter.detach();
  doc.destroy();
}
