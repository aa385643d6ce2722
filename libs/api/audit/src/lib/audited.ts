import { SetMetadata } from '@nestjs/common';
import type { AuditAction } from '@waypoint/shared-contracts';

export const AUDITED_ROUTE = 'waypoint:audited';

/** What an audited route records: the action, the kind of resource, and where its ids are. */
export interface AuditedRoute {
  /** e.g. `participant.read`; one event per participant the data layer touched. */
  action: AuditAction;
  resourceType: string;
  /** Route parameter holding the resource id (recorded as `resource_id`). */
  idParam?: string;
  /** Route parameter holding a participant id (recorded even when the read is refused). */
  participantParam?: string;
  /** Also a security event: written to the application log (ids only) for alerting. */
  alert?: boolean;
  /**
   * For a self-check the dashboard makes on most page views (the caller's own emergency
   * grants, their own notifications): a success that returned no participant data is not an
   * access to protected data, so it writes no row. When it does name participants, one row
   * each as usual; a refusal or failure is always written.
   */
  onlyParticipantReads?: boolean;
}

/**
 * Declares that a route reads or changes protected data. The audit interceptor then writes
 * its events (success, denied, error), and the data layer refuses participant reads on routes
 * without it.
 */
export const Audited = (route: AuditedRoute) => SetMetadata(AUDITED_ROUTE, route);

export const NOT_AUDITED_ROUTE = 'waypoint:not-audited';

/**
 * Declares that a route reads or changes no protected data, and says why (the route walk
 * requires every signed-in route to be `@Audited` or to carry this reason). The data layer
 * still refuses participant reads here: `AuditContext.touch()` throws outside `@Audited`.
 */
export const NotAudited = (reason: string) => SetMetadata(NOT_AUDITED_ROUTE, reason);
