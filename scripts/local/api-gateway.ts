/**
 * A local stand-in for the API Gateway HTTP API in front of the Lambdas: each request becomes
 * the same payload-v2 event the handler receives in AWS, and the handler's structured result
 * is written back as API Gateway would. What is not a route is the dashboard, served like
 * CloudFront serves it from S3.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { serveStatic } from './static-files';

export type Invoke = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;

export interface GatewayRoutes {
  /** `POST /webhooks/presence`. */
  webhook?: Invoke | undefined;
  /** Everything under `/api/`. */
  api?: Invoke | undefined;
}

export interface GatewayOptions {
  routes: GatewayRoutes;
  /** The built dashboard (`web/dist`). */
  webRoot: string;
  log?: (line: string) => void;
}

/** API Gateway's own limit on a request body; the webhook enforces the contract's 1 MiB itself. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

const TEXT_TYPES = [
  /^text\//,
  /^application\/(json|xml|javascript|x-www-form-urlencoded|graphql)/,
  /^application\/[\w.+-]+\+(json|xml)/,
];

function isTextual(contentType: string | undefined): boolean {
  if (contentType === undefined) return true;
  const type = contentType.toLowerCase().trim();
  return TEXT_TYPES.some((pattern) => pattern.test(type));
}

/** The request target as sent: `new URL` would resolve `..` segments away. */
function splitUrl(url: string | undefined): { path: string; query: string } {
  const target = url ?? '/';
  const at = target.indexOf('?');
  return at < 0 ? { path: target, query: '' } : { path: target.slice(0, at), query: target.slice(at + 1) };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

/** Builds the payload-v2 event for one request, with its body already read. */
export function toApiGatewayEvent(
  req: Pick<IncomingMessage, 'method' | 'url' | 'headers' | 'socket'>,
  body: Buffer,
  routeKey: string,
  pathParameters?: Record<string, string>,
): APIGatewayProxyEventV2 {
  const { path, query: rawQueryString } = splitUrl(req.url);
  const method = (req.method ?? 'GET').toUpperCase();

  // API Gateway lower-cases header names, joins repeated ones with commas and moves cookies out.
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    const joined = headerValue(value);
    if (joined === undefined || name === 'cookie') continue;
    headers[name.toLowerCase()] = joined;
  }
  const cookieHeader = headerValue(req.headers.cookie);
  const cookies = cookieHeader
    ?.split(';')
    .map((c) => c.trim())
    .filter((c) => c !== '');

  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawQueryString)) {
    query[key] = key in query ? `${query[key]},${value}` : value;
  }

  const textual = isTextual(headers['content-type']);
  const now = new Date();
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString,
    headers,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host?.split(':')[0] ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: body.length > 0 && !textual,
  };
  if (cookies && cookies.length > 0) event.cookies = cookies;
  if (Object.keys(query).length > 0) event.queryStringParameters = query;
  if (pathParameters) event.pathParameters = pathParameters;
  if (body.length > 0) event.body = textual ? body.toString('utf8') : body.toString('base64');
  return event;
}

/** Writes a handler result back the way API Gateway interprets it (payload v2). */
export function writeResult(res: ServerResponse, result: APIGatewayProxyResultV2): void {
  // A result without `statusCode` is taken as a 200 JSON body, as in AWS.
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
    return;
  }
  const structured = result as APIGatewayProxyStructuredResultV2;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {}))
    headers[name.toLowerCase()] = String(value);
  if (structured.cookies && structured.cookies.length > 0) headers['set-cookie'] = structured.cookies;
  const body =
    structured.body === undefined
      ? Buffer.alloc(0)
      : Buffer.from(structured.body, structured.isBase64Encoded ? 'base64' : 'utf8');
  if (body.length > 0 && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
  headers['content-length'] = String(body.length);
  res.writeHead(structured.statusCode ?? 200, headers);
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

interface Match {
  invoke: Invoke | undefined;
  routeKey: string;
  name: string;
  pathParameters?: Record<string, string>;
}

function match(method: string, path: string, routes: GatewayRoutes): Match | undefined {
  if (path === '/webhooks/presence') {
    return method === 'POST'
      ? { invoke: routes.webhook, routeKey: 'POST /webhooks/presence', name: 'webhook' }
      : { invoke: undefined, routeKey: '$default', name: 'webhook' };
  }
  if (path === '/api/openapi.json' && method === 'GET') {
    return { invoke: routes.api, routeKey: 'GET /api/openapi.json', name: 'api' };
  }
  if (path.startsWith('/api/')) {
    // As infra/constructs/http-api.ts declares them: one route per method on /api/{proxy+}.
    return {
      invoke: routes.api,
      routeKey: `${method} /api/{proxy+}`,
      name: 'api',
      pathParameters: { proxy: path.slice('/api/'.length) },
    };
  }
  return undefined;
}

/** Locally the API is on the same origin and staff sign in on the local sign-in page. */
const LOCAL_DASHBOARD_CONFIG = { apiUrl: '/', authMode: 'local' } as const;

async function handle(req: IncomingMessage, res: ServerResponse, options: GatewayOptions): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const { path } = splitUrl(req.url);
  const route = match(method, path, options.routes);
  if (!route && path === '/config.json') {
    // The dashboard's runtime config, which the site stack deploys beside index.html in AWS.
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(LOCAL_DASHBOARD_CONFIG));
    return;
  }
  if (!route) {
    await serveStatic(options.webRoot, method, path, res);
    return;
  }
  if (!route.invoke) {
    // API Gateway answers an unknown route or method like this; here it may also mean that the
    // handler is not built yet.
    json(res, 404, { message: 'Not Found' });
    return;
  }
  const body = await readBody(req);
  if (body === undefined) {
    json(res, 413, { message: 'Request Entity Too Large' });
    return;
  }
  const event = toApiGatewayEvent(req, body, route.routeKey, route.pathParameters);
  try {
    writeResult(res, await route.invoke(event));
  } catch (error) {
    // An unhandled Lambda error surfaces as a bare 500, as in AWS.
    options.log?.(
      `${route.name} handler failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    json(res, 500, { message: 'Internal Server Error' });
  }
}

export interface LocalGateway {
  server: Server;
  port: number;
  stop(): Promise<void>;
}

/** Starts the gateway on `port` (0 picks a free one), bound to loopback. */
export async function startGateway(
  options: GatewayOptions,
  port = 0,
  host = '127.0.0.1',
): Promise<LocalGateway> {
  const server = createServer((req, res) => {
    handle(req, res, options).catch((error: unknown) => {
      options.log?.(`gateway error: ${String(error)}`);
      if (!res.headersSent) json(res, 500, { message: 'Internal Server Error' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
