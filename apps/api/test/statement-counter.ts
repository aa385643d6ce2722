import { Client } from 'pg';

/**
 * The SQL statements the app sends while `work` runs, counted at the pg driver (the app runs in
 * this process under supertest). The audit writer's batches, transaction control and the
 * session's idle-timer touch are left out: they come on their own clock, not per row (the touch
 * runs when a session was last seen over 30 s ago, so a slow run would count it for one session
 * and not another).
 */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ count: number; result: T }> {
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    const result = await work();
    const statements = spy.mock.calls
      .map(([query]) => (typeof query === 'string' ? query : ((query as { text?: string }).text ?? '')))
      .filter((text) => !/^\s*(INSERT INTO audit_events|SELECT audit_append|BEGIN|COMMIT|ROLLBACK|START TRANSACTION|UPDATE auth_sessions SET last_seen_at)/i.test(text));
    return { count: statements.length, result };
  } finally {
    spy.mockRestore();
  }
}
