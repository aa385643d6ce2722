import { type ArgumentsHost, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ProblemDetailsFilter } from './problem-details.filter';

/** A request that failed inside the database with a participant's name among its parameters. */
function failWith(error: unknown): { logged: unknown[]; status: number } {
  const logged: unknown[] = [];
  jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
  let status = 0;
  const response = {
    headersSent: false,
    getHeader: () => undefined,
    setHeader: () => undefined,
    status(code: number) {
      status = code;
      return this;
    },
    type() {
      return this;
    },
    json() {
      return this;
    },
    send() {
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ headers: {} }), getResponse: () => response }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(error, host);
  return { logged, status };
}

afterEach(() => jest.restoreAllMocks());

describe('ProblemDetailsFilter logging', () => {
  it('logs a failed statement without its parameters or PostgreSQL’s detail', () => {
    const driverError = Object.assign(new Error('division by zero'), { code: '22012', detail: 'Jordan Avery' });
    const error = new QueryFailedError('SELECT $1::text, 1/0', ['Marcus Bell, born 1979-04-02'], driverError);

    const { logged, status } = failWith(error);

    expect(status).toBe(500);
    expect(logged).toHaveLength(1);
    const line = JSON.stringify(logged);
    expect(line).toContain('22012');
    expect(line).not.toContain('Marcus Bell');
    expect(line).not.toContain('Jordan Avery');
  });
});
