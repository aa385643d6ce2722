import { type CallHandler, type ExecutionContext, HttpException, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '@waypoint/api-database';
import type { Request } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { AuditContext, type AuditRequestState } from './audit-context';
import { ACTOR_REQUEST_KEY, type AuditActor, type AuditEvent, type AuditOutcome } from './audit-event';
import { AuditWriter } from './audit-writer';
import { AUDITED_ROUTE, type AuditedRoute } from './audited';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Writes the trail for every `@Audited` route, so no controller has to remember to:
 * - a change runs in one transaction with its audit rows (both commit, or neither);
 * - a plain read queues its rows for the next batch (written within milliseconds; see
 *   AuditWriter for why); a read flagged `alert` (break-glass) or streamed is written before
 *   the response leaves;
 * - a refusal or failure is written after the rollback, as `denied` or `error`.
 * One row per participant the data layer touched (a list page of 25 is 25 rows in one
 * statement), or one row without a participant when none was touched.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly writer: AuditWriter,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.getAllAndOverride<AuditedRoute | undefined>(AUDITED_ROUTE, [context.getHandler(), context.getClass()]);
    if (!route) return next.handle();
    const request = context.switchToHttp().getRequest<Request & Record<string, unknown>>();
    return from(this.#audit(route, request, next));
  }

  async #audit(route: AuditedRoute, request: Request & Record<string, unknown>, next: CallHandler): Promise<unknown> {
    const state: AuditRequestState = { ...AuditContext.current(), touched: new Set<string>() };
    return AuditContext.run(state, async () => {
      const events = (outcome: AuditOutcome) => {
        const written = this.#events(route, request, state, outcome);
        if (route.alert) for (const event of written) this.#alert(event);
        return written;
      };
      // A streamed response records before its first byte, and again before any later chunk
      // that names participants read since: each participant gets its row once.
      const recorded = new Set<string>();
      state.flush = async () => {
        const fresh = events('success').filter((event) => !state.flushed || (event.participantId && !recorded.has(event.participantId)));
        await this.writer.write(fresh);
        for (const event of fresh) if (event.participantId) recorded.add(event.participantId);
        state.flushed = true;
      };
      const isRead = request.method === 'GET' || request.method === 'HEAD';
      // Plain reads are batched (see AuditWriter); changes, alerts and streamed exports are
      // written synchronously, a change inside its own transaction.
      const batched = isRead && !route.alert;
      const record = async (outcome: AuditOutcome) =>
        batched ? this.writer.enqueue(events(outcome)) : await this.writer.write(events(outcome));
      const handle = async () => {
        const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
        const readNothing = route.onlyParticipantReads && state.touched?.size === 0;
        if (!state.flushed && !readNothing) await record('success');
        return result;
      };
      try {
        return isRead ? await handle() : await inTransaction(this.db, handle);
      } catch (error) {
        // The failed attempt is recorded outside the rolled-back transaction. If even that
        // write fails (the database is gone), the original error is what the caller sees.
        await Promise.resolve(record(outcomeOf(error))).catch(() => undefined);
        throw error;
      }
    });
  }

  #alert(event: AuditEvent): void {
    alertLogger.warn(
      { securityEvent: event.action, outcome: event.outcome, programId: event.programId, actorId: event.actorId, participantId: event.participantId, resourceId: event.resourceId },
      `security event: ${event.action} (${event.outcome})`,
    );
  }

  #events(route: AuditedRoute, request: Request & Record<string, unknown>, state: AuditRequestState, outcome: AuditOutcome): AuditEvent[] {
    const actor = request[ACTOR_REQUEST_KEY] as AuditActor | undefined;
    const param = (name?: string) => {
      const value = name ? request.params[name] : undefined;
      return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : null;
    };
    const base: AuditEvent = {
      action: route.action,
      outcome,
      programId: actor?.programId ?? null,
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? null,
      resourceType: route.resourceType,
      resourceId: state.annotation?.resourceId ?? param(route.idParam),
      reason: state.annotation?.reason ?? null,
    };
    const participants = new Set(state.touched);
    const named = param(route.participantParam);
    if (named) participants.add(named);
    if (participants.size === 0) return [base];
    return [...participants].map((participantId) => ({ ...base, participantId }));
  }
}

/** Identifiers only: the reason and anything a person typed stay in the database. */
const alertLogger = new Logger('SecurityEvents');

function outcomeOf(error: unknown): AuditOutcome {
  const status = error instanceof HttpException ? error.getStatus() : 500;
  return status === 401 || status === 403 || status === 404 ? 'denied' : 'error';
}
