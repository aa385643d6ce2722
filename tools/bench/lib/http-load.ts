import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfiguration } from '@waypoint/api-config';
import type { Client } from 'pg';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createApp } from '../../../apps/api/src/app/create-app';
import type { Teardown } from './teardown';

export interface LoadResult {
  requestsPerSecond: number;
  total: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Responses by HTTP status code. */
  statuses: Record<string, number>;
  /** The load generator's own CPU time during the run (user + system), milliseconds. */
  cpuMs?: number;
}

export interface LoadRequest {
  path: string;
  headers?: Record<string, string>;
  /** GET unless given. */
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as it is (a JSON body is stringified first, with its content-type among the headers). */
  body?: string;
}

export interface LoadOptions {
  /** Replace each `[<id>]` in a request (path, headers or body) by an id unique to that request of the run. */
  uniqueIds?: boolean;
}

/**
 * The real API (createApp: every middleware, guard, pipe and interceptor) listening on an
 * ephemeral port of 127.0.0.1, against the bench database, logging nothing. `adjust` lets a
 * bench change the booted app before it listens (e.g. the audit-off comparison).
 */
export async function startApi(ownerUrl: string, teardown: Teardown, adjust?: (app: NestExpressApplication) => void): Promise<{ url: string; app: NestExpressApplication }> {
  const config = loadConfiguration(
    {
      NODE_ENV: 'production',
      DATABASE_URL: ownerUrl,
      DEMO_SEED: 'never',
      LOG_LEVEL: 'silent',
      JWT_SECRET: randomBytes(32).toString('base64url'),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      WEB_DIST_DIR: join(tmpdir(), 'waypoint-bench-no-dashboard'),
      SECURE_COOKIES: 'false',
      // The pool size is a deployment setting: a bench may compare sizes.
      ...(process.env['DATABASE_POOL_SIZE'] ? { DATABASE_POOL_SIZE: process.env['DATABASE_POOL_SIZE'] } : {}),
    },
    mkdtempSync(join(tmpdir(), 'waypoint-bench-')),
  );
  const app = await createApp(config, ownerUrl);
  adjust?.(app);
  await app.listen(0, '127.0.0.1');
  teardown.defer('close an API instance', () => app.close());
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, app };
}

/** Issues an API token for each user (straight into api_tokens, as the admin screen would); returns the secrets. */
export async function issueBenchTokens(owner: Client, users: { userId: string; programId: string; role: string }[]): Promise<Map<string, string>> {
  const secrets = new Map<string, string>();
  for (const user of users) {
    if (secrets.has(user.userId)) continue;
    const secret = `wpt_${randomBytes(32).toString('base64url')}`;
    await owner.query(
      `INSERT INTO api_tokens (program_id, user_id, name, role, token_hash, created_by, expires_at)
       VALUES ($1, $2, 'bench', $3, $4, $2, now() + interval '1 day')`,
      [user.programId, user.userId, user.role, createHash('sha256').update(secret).digest('hex')],
    );
    secrets.set(user.userId, secret);
  }
  return secrets;
}

/** One autocannon run in a child process (tools/bench/lib/load.mjs). */
export function load(url: string, connections: number, seconds: number, requests: LoadRequest[], options: LoadOptions = {}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'tools/bench/lib/load.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      resolve(JSON.parse(output) as LoadResult);
    });
    child.stdin.end(JSON.stringify({ url, connections, seconds, requests, uniqueIds: options.uniqueIds ?? false }));
  });
}
