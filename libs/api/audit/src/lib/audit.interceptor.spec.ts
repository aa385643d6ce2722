import { type CallHandler, type ExecutionContext, Logger } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { from, lastValueFrom } from 'rxjs';
import type { DataSource } from 'typeorm';
import { AuditContext } from './audit-context';
import { ACTOR_REQUEST_KEY } from './audit-event';
import type { AuditWriter } from './audit-writer';
import { AuditInterceptor } from './audit.interceptor';
import type { AuditedRoute } from './audited';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

/** The interceptor's rules that need no database (its SQL paths are proven in apps/api/test). */
describe('AuditInterceptor', () => {
  function run(route: AuditedRoute, work: () => Promise<void>) {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined); // alert lines, expectedly
    const write = jest.fn().mockResolvedValue(undefined);
    const enqueue = jest.fn();
    const interceptor = new AuditInterceptor({ getAllAndOverride: () => route } as unknown as Reflector, { write, enqueue } as unknown as AuditWriter, {} as DataSource);
    const request = { method: 'GET', params: {}, [ACTOR_REQUEST_KEY]: { userId: A, role: 'admin', programId: B } };
    const context = { getHandler: () => undefined, getClass: () => undefined, switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
    const next: CallHandler = { handle: () => from(work()) };
    const participants = (calls: unknown[][]) => calls.map(([events]) => (events as { participantId?: string | null }[]).map((event) => event.participantId ?? null));
    return AuditContext.run({}, async () => {
      await lastValueFrom(interceptor.intercept(context, next), { defaultValue: undefined });
      return { written: participants(write.mock.calls), queued: participants(enqueue.mock.calls) };
    });
  }

  it('records a streamed response before its first byte, then each participant a later chunk names, once', async () => {
    const { written } = await run({ action: 'audit.export', resourceType: 'audit_event', alert: true }, async () => {
      await AuditContext.recordBeforeStreaming(); // the header
      AuditContext.touch([A]);
      await AuditContext.recordBeforeStreaming(); // a chunk naming A
      AuditContext.touch([A, B]);
      await AuditContext.recordBeforeStreaming(); // a chunk naming A again, and B
      await AuditContext.recordBeforeStreaming(); // a chunk naming nobody new
    });
    expect(written).toEqual([[null], [A], [B], []]);
  });

  it('writes no row for a self-check that read no participant, and one per participant when it did', async () => {
    const route: AuditedRoute = { action: 'break-glass.list-active', resourceType: 'break_glass_grant', onlyParticipantReads: true };
    expect(await run(route, async () => undefined)).toEqual({ written: [], queued: [] });
    expect(await run(route, async () => AuditContext.touch([A]))).toEqual({ written: [], queued: [[A]] });
    // Without the flag, the same empty read is one row.
    expect((await run({ ...route, onlyParticipantReads: false }, async () => undefined)).queued).toEqual([[null]]);
  });
});
