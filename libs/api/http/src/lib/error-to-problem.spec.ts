import { ConflictException, InternalServerErrorException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { errorToProblem } from './error-to-problem';
import { ProblemException, staleVersion } from './problem.exception';

describe('errorToProblem', () => {
  it('keeps the message of a client error', () => {
    expect(errorToProblem(new NotFoundException('No such participant'), 'req-1')).toEqual({
      type: '/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'No such participant',
      requestId: 'req-1',
    });
  });

  it('carries a specific type and extension members, which cannot replace the standard ones', () => {
    const error = new ProblemException(409, 'Possible duplicate.', '/problems/possible-duplicate', { candidates: [{ id: 'p1' }], status: 200, type: 'x' });
    expect(errorToProblem(error, 'req-2')).toEqual({
      type: '/problems/possible-duplicate',
      title: 'Conflict',
      status: 409,
      detail: 'Possible duplicate.',
      candidates: [{ id: 'p1' }],
      requestId: 'req-2',
    });
    expect(errorToProblem(staleVersion('record', 4))).toMatchObject({ type: '/problems/conflict', status: 409, currentVersion: 4 });
  });

  it('hides the message of a server error', () => {
    const problem = errorToProblem(new InternalServerErrorException('pool exhausted at db.internal:5432'));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('db.internal');
  });

  it('turns an unknown error into a generic 500 without its message', () => {
    const problem = errorToProblem(new TypeError("Cannot read properties of undefined (reading 'ssn')"));
    expect(problem).toMatchObject({ status: 500, type: '/problems/internal' });
    expect(JSON.stringify(problem)).not.toContain('ssn');
  });

  it('maps PostgreSQL input errors to 4xx, not 500', () => {
    const invalidUuid = new QueryFailedError('SELECT', [], Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' }));
    expect(errorToProblem(invalidUuid).status).toBe(400);
    const duplicate = new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
    expect(errorToProblem(duplicate)).toMatchObject({ status: 409, type: '/problems/conflict' });
  });

  it('maps body-parser errors by their type', () => {
    expect(errorToProblem({ status: 413, type: 'entity.too.large' })).toMatchObject({ status: 413, type: '/problems/payload-too-large' });
    expect(errorToProblem(new ConflictException()).status).toBe(409);
  });
});
