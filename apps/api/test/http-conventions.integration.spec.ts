import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestDatabase, testConfig, type TestDatabase } from '@waypoint/api-testing';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../src/app/create-app';

/**
 * The conventions every route inherits from createApp (docs/architecture.md, "HTTP
 * conventions"), on the real stack.
 */
describe('HTTP conventions', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  const dashboard = mkdtempSync(join(tmpdir(), 'waypoint-dashboard-'));

  beforeAll(async () => {
    writeFileSync(join(dashboard, 'index.html'), '<!doctype html><title>Waypoint</title><app-root></app-root>');
    writeFileSync(join(dashboard, 'main-ABCDEFGH.js'), 'console.log("app")');
    database = await createTestDatabase();
    app = await createApp(testConfig({ WEB_DIST_DIR: dashboard, BODY_LIMIT_BYTES: '2048' }), database.appUrl);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const http = () => request(app.getHttpServer());

  function expectProblem(response: request.Response, status: number, type: string) {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, type, title: expect.any(String) });
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
    expect(JSON.stringify(response.body)).not.toMatch(/\bat .*\.(js|ts):\d+/); // no stack frames
  }

  it('answers an unknown API route with a 404 problem', async () => {
    expectProblem(await http().get('/api/v1/no-such-thing'), 404, '/problems/not-found');
  });

  it('answers an unknown API route with a problem even when the client prefers HTML', async () => {
    expectProblem(await http().get('/api/v1/no-such-thing').set('Accept', 'text/html'), 404, '/problems/not-found');
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const response = await http().post('/api/v1/anything').set('Content-Type', 'application/json').send('{"broken":');
    expectProblem(response, 400, '/problems/bad-request');
  });

  it('answers a body over the limit with a 413 problem', async () => {
    const response = await http()
      .post('/api/v1/anything')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(4096) }));
    expectProblem(response, 413, '/problems/payload-too-large');
  });

  it('answers a non-JSON body with a 415 problem', async () => {
    const response = await http().post('/api/v1/anything').set('Content-Type', 'text/plain').send('hello');
    expectProblem(response, 415, '/problems/unsupported-media-type');
  });

  it('sets strict security headers and hides the framework', async () => {
    const response = await http().get('/api/health');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('keeps a well-formed incoming request id and replaces a malformed one', async () => {
    const kept = await http().get('/api/health').set('X-Request-Id', 'lb-1234567890');
    expect(kept.headers['x-request-id']).toBe('lb-1234567890');
    const replaced = await http().get('/api/health').set('X-Request-Id', 'bad id <script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends no CORS grant to another origin by default', async () => {
    const response = await http().get('/api/health').set('Origin', 'https://elsewhere.example.org');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('publishes a generated OpenAPI document', async () => {
    const response = await http().get('/api/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/ready']));
  });

  it('serves the dashboard with history-API fallback on the same port', async () => {
    const page = await http().get('/caseload/some-participant').set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('<app-root>');
    expect(page.headers['cache-control']).toBe('no-cache');
    const bundle = await http().get('/main-ABCDEFGH.js').expect(200);
    expect(bundle.headers['cache-control']).toContain('immutable');
  });
});
