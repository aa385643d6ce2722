import type { NestExpressApplication } from '@nestjs/platform-express';
import type { TestUser } from '@waypoint/api-testing';
import request from 'supertest';

/** Cookie values from Set-Cookie headers, by name. */
export function cookiesOf(response: request.Response): Record<string, { value: string; attributes: string }> {
  const raw = response.headers['set-cookie'] as unknown as string[] | undefined;
  const cookies: Record<string, { value: string; attributes: string }> = {};
  for (const line of raw ?? []) {
    const [pair, ...attributes] = line.split(';');
    const index = pair.indexOf('=');
    cookies[pair.slice(0, index).trim()] = { value: pair.slice(index + 1), attributes: attributes.join(';') };
  }
  return cookies;
}

/** Signs a user in through both steps; returns an agent holding the cookies and the CSRF token. */
export async function signIn(app: NestExpressApplication, user: TestUser, codeOffset = 0) {
  const agent = request.agent(app.getHttpServer());
  await agent.post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password }).expect(200);
  const verified = await agent.post('/api/v1/auth/mfa/verify').send({ code: user.code(codeOffset) }).expect(200);
  const cookies = cookiesOf(verified);
  return { agent, csrf: cookies['wp_csrf'].value, cookies, body: verified.body };
}
