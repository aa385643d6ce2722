import { Logger, ServiceUnavailableException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AuditContext } from './audit-context';
import type { AuditEvent } from './audit-event';
import { AuditWriter } from './audit-writer';

/** The read path's batching rules; the SQL itself is proven against PostgreSQL in apps/api/test. */
describe('AuditWriter batching', () => {
  const read: AuditEvent = { action: 'participant.read', outcome: 'success', participantId: '00000000-0000-4000-8000-000000000001' };

  function writerOver(query: jest.Mock) {
    return new AuditWriter({ query } as unknown as DataSource);
  }

  it('writes queued reads in one statement, each with the request it came from', async () => {
    const query = jest.fn().mockResolvedValue([]);
    const writer = writerOver(query);
    AuditContext.run({ requestId: 'req-1', ip: '10.0.0.1' }, () => writer.enqueue([read]));
    AuditContext.run({ requestId: 'req-2', ip: '10.0.0.2' }, () => writer.enqueue([read, read]));
    await writer.flush();
    expect(query).toHaveBeenCalledTimes(1);
    const params = query.mock.calls[0][1] as unknown[][];
    expect(params[3]).toEqual(['participant.read', 'participant.read', 'participant.read']);
    expect(params[8]).toEqual(['req-1', 'req-2', 'req-2']);
    await writer.onApplicationShutdown();
  });

  it('keeps events the database refused, and refuses new reads once the backlog is full', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined); // the retries log, expectedly
    const query = jest.fn().mockRejectedValue(new Error('database unavailable'));
    const writer = writerOver(query);
    writer.enqueue(Array.from({ length: 400 }, () => read));
    await writer.flush(); // fails: the 400 stay queued for the retry
    query.mockResolvedValueOnce([]);
    await writer.flush();
    expect(query).toHaveBeenLastCalledWith(expect.any(String), expect.arrayContaining([expect.arrayContaining(['participant.read'])]));
    expect((query.mock.calls[1][1] as unknown[][])[3]).toHaveLength(400);

    query.mockRejectedValue(new Error('database unavailable'));
    for (let i = 0; i < 40; i++) {
      writer.enqueue(Array.from({ length: 499 }, () => read));
      await writer.flush();
    }
    expect(() => writer.enqueue(Array.from({ length: 499 }, () => read))).toThrow(ServiceUnavailableException);
    await writer.onApplicationShutdown();
  });
});
