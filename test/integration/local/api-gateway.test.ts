import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalGateway, startGateway } from '../../../scripts/local/api-gateway';

/** Sends a request exactly as written: `fetch` would normalise away `..` segments. */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('local API Gateway', () => {
  let root: string;
  let gateway: LocalGateway;
  let base: string;
  const seen: APIGatewayProxyEventV2[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'presentie-gw-'));
    const web = join(root, 'dist');
    await mkdir(join(web, 'assets'), { recursive: true });
    await writeFile(join(web, 'index.html'), '<!doctype html><title>Presentie</title>');
    await writeFile(join(web, 'assets', 'app-1234.js'), 'console.log("app")');
    await writeFile(join(web, 'assets', 'app-1234.css'), 'body{}');
    await writeFile(join(root, 'secret.txt'), 'outside the web root');

    gateway = await startGateway({
      webRoot: web,
      routes: {
        webhook: (event) => {
          seen.push(event);
          return Promise.resolve({
            statusCode: 200,
            headers: { 'Content-Type': 'application/json' },
            body: event.body ?? '',
          });
        },
        api: (event): Promise<APIGatewayProxyResultV2> => {
          seen.push(event);
          if (event.rawPath === '/api/binary') {
            return Promise.resolve({
              statusCode: 200,
              headers: { 'content-type': 'application/octet-stream' },
              body: Buffer.from([0, 1, 2, 255]).toString('base64'),
              isBase64Encoded: true,
            });
          }
          // A bare object, which API Gateway serialises itself.
          if (event.rawPath === '/api/plain')
            return Promise.resolve({ hello: 'world' } as unknown as APIGatewayProxyResultV2);
          return Promise.resolve({
            statusCode: 201,
            headers: { 'x-handler': 'api' },
            cookies: ['a=1; Path=/', 'b=2; HttpOnly'],
            body: JSON.stringify({ ok: true }),
          });
        },
      },
    });
    base = `http://127.0.0.1:${gateway.port}`;
  });

  afterAll(async () => {
    await gateway.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('hands the webhook handler an HTTP API v2 event with lower-cased headers and the raw body', async () => {
    const body = JSON.stringify({ events: [] });
    const res = await fetch(`${base}/webhooks/presence`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Webhook-Id': 'msg_1', 'X-Forwarded-For': '10.0.0.1' },
      body,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(body);
    const event = seen.at(-1);
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /webhooks/presence',
      rawPath: '/webhooks/presence',
      rawQueryString: '',
      body,
      isBase64Encoded: false,
      requestContext: { http: { method: 'POST', path: '/webhooks/presence', sourceIp: '127.0.0.1' } },
    });
    expect(event?.headers['webhook-id']).toBe('msg_1');
    expect(event?.headers['content-type']).toBe('application/json');
    expect(Object.keys(event?.headers ?? {}).every((name) => name === name.toLowerCase())).toBe(true);
  });

  it('passes the query string, its parameters and cookies to the API handler', async () => {
    const res = await fetch(`${base}/api/students?team=t1&week=2&week=3`, {
      headers: { cookie: 'session=abc; lang=nl' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-handler')).toBe('api');
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
    expect(await res.json()).toEqual({ ok: true });
    const event = seen.at(-1);
    expect(event?.rawPath).toBe('/api/students');
    expect(event?.rawQueryString).toBe('team=t1&week=2&week=3');
    expect(event?.queryStringParameters).toEqual({ team: 't1', week: '2,3' });
    expect(event?.cookies).toEqual(['session=abc', 'lang=nl']);
    expect(event?.headers.cookie).toBeUndefined();
    expect(event?.requestContext.http.method).toBe('GET');
    expect(event?.routeKey).toBe('GET /api/{proxy+}');
    expect(event?.pathParameters).toEqual({ proxy: 'students' });
  });

  it('base64-encodes a binary request body and decodes a base64 response', async () => {
    const bytes = Buffer.from([0xde, 0xad, 0xbe, 0xef]);
    const res = await fetch(`${base}/api/binary`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    const event = seen.at(-1);
    expect(event?.isBase64Encoded).toBe(true);
    expect(Buffer.from(event?.body ?? '', 'base64')).toEqual(bytes);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it('answers a result without statusCode as a 200 JSON body, as API Gateway does', async () => {
    const res = await fetch(`${base}/api/plain`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ hello: 'world' });
  });

  it('serves the dashboard files with their content types', async () => {
    const js = await fetch(`${base}/assets/app-1234.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(await js.text()).toBe('console.log("app")');
    const css = await fetch(`${base}/assets/app-1234.css`);
    expect(css.headers.get('content-type')).toContain('text/css');
    const home = await fetch(`${base}/`);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(await home.text()).toContain('<title>Presentie</title>');
  });

  it('answers any page path of the app with index.html, but a missing asset with 404', async () => {
    const page = await fetch(`${base}/teams/t1/reports?open=1`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Presentie</title>');
    const asset = await fetch(`${base}/assets/missing.js`);
    expect(asset.status).toBe(404);
  });

  it('refuses paths that climb out of the web root', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
    ]) {
      const res = await rawGet(gateway.port, path);
      expect(res.status, path).toBe(403);
      expect(res.body).not.toContain('outside the web root');
    }
  });

  it('does not route other methods to the webhook', async () => {
    const res = await fetch(`${base}/webhooks/presence`);
    expect(res.status).toBe(404);
  });
});
