import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../testing/server.js';

let deed: TestServer;
beforeAll(async () => {
  deed = await startTestServer();
});
afterAll(() => deed?.close());

const problemJson = 'application/problem+json; charset=utf-8';

async function post(path: string, body: string, contentType: string) {
  const response = await fetch(`${deed.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { response, body: (await response.json()) as Record<string, unknown> };
}

describe('platform HTTP edge', () => {
  it('GET /health checks the database', async () => {
    const response = await fetch(`${deed.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: deed.database.dialect });
  });

  it('GET /metrics counts requests per route in Prometheus text format', async () => {
    await fetch(`${deed.url}/health`);
    const response = await fetch(`${deed.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/deed_http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} [1-9]/);
    expect(text).toMatch(/deed_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/health",status="200"\}/);
  });

  it('answers an unknown API route with a 404 problem', async () => {
    const response = await fetch(`${deed.url}/api/nothing-here?x=1`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe(problemJson);
    const problem = await response.json();
    expect(problem).toMatchObject({ type: 'urn:deed:problem:not-found', title: 'Not found', status: 404, instance: '/api/nothing-here' });
    expect(problem.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('answers malformed JSON with 400', async () => {
    const { response, body } = await post('/api/csp-reports', '{"csp-report": ', 'application/csp-report');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe(problemJson);
    expect(body).toMatchObject({ type: 'urn:deed:problem:malformed-body', status: 400 });
    expect(body.detail).toMatch(/not valid JSON/);
  });

  it('answers a body over the limit with 413', async () => {
    const big = JSON.stringify({ 'csp-report': { 'blocked-uri': 'x'.repeat(40_000) } });
    const { response, body } = await post('/api/csp-reports', big, 'application/csp-report');
    expect(response.status).toBe(413);
    expect(body).toMatchObject({ type: 'urn:deed:problem:payload-too-large', status: 413 });
  });

  it('answers a wrong content type with 415', async () => {
    const { response, body } = await post('/api/csp-reports', '<report/>', 'application/xml');
    expect(response.status).toBe(415);
    expect(body).toMatchObject({ type: 'urn:deed:problem:unsupported-media-type', status: 415 });
    expect(body.detail).toContain('application/xml');
  });

  it('answers input that fails the schema with 400 naming the problem', async () => {
    const { response, body } = await post('/api/csp-reports', JSON.stringify({ hello: 'world' }), 'application/json');
    expect(response.status).toBe(400);
    expect(body).toMatchObject({ type: 'urn:deed:problem:invalid-input', status: 400 });
    expect(body.detail).toMatch(/^body: must be a CSP report/);
  });

  it('accepts a real CSP report and counts it by directive', async () => {
    const report = { 'csp-report': { 'effective-directive': 'script-src-elem', 'blocked-uri': 'https://evil.example/x.js?citizen=123' } };
    const response = await fetch(`${deed.url}/api/csp-reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/csp-report' },
      body: JSON.stringify(report),
    });
    expect(response.status).toBe(204);
    const metrics = await (await fetch(`${deed.url}/metrics`)).text();
    expect(metrics).toMatch(/deed_csp_violations_total\{directive="script-src-elem"\} 1/);
  });

  it('sets a strict Content-Security-Policy and other security headers', async () => {
    const response = await fetch(`${deed.url}/`, { headers: { accept: 'text/html' } });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    // API answers load nothing and are never framed: the shortest policy says so.
    const api = await fetch(`${deed.url}/health`);
    expect(api.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('gives every response a request id, keeping a safe one the caller sent', async () => {
    const own = await fetch(`${deed.url}/health`, { headers: { 'x-request-id': 'bank-42.trace' } });
    expect(own.headers.get('x-request-id')).toBe('bank-42.trace');
    const unsafe = await fetch(`${deed.url}/health`, { headers: { 'x-request-id': 'a b\tc<script>' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves a valid OpenAPI 3.1 description of every route, and a docs page', async () => {
    const spec = await (await fetch(`${deed.url}/api/openapi.json`)).json();
    expect(spec.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(spec);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/health', '/metrics', '/api/csp-reports']));
    const docs = await fetch(`${deed.url}/api/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });
});

describe('the web app', () => {
  it('serves the app for page URLs, so client routes survive a reload', async () => {
    for (const path of ['/', '/documents', '/log']) {
      const response = await fetch(`${deed.url}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it('caches hashed assets for a year, and the service worker never', async () => {
    const html = await (await fetch(`${deed.url}/`, { headers: { accept: 'text/html' } })).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${deed.url}${script}`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    const sw = await fetch(`${deed.url}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(await sw.text()).toContain('/index.html');
  });

  it('serves a web app manifest', async () => {
    const manifest = await (await fetch(`${deed.url}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ name: expect.stringContaining('Deed'), start_url: '/', display: 'standalone' });
  });
});
