import { SetMetadata } from '@nestjs/common';

export const AUDITED_ROUTE = 'waypoint:audited';

/** What an audited route records: the action, the kind of resource, and where its ids are. */
export interface AuditedRoute {
  /** e.g. `participant.read`; one event per participant the data layer touched. */
  action: string;
  resourceType: string;
  /** Route parameter holding the resource id (recorded as `resource_id`). */
  idParam?: string;
  /** Route parameter holding a participant id (recorded even when the read is refused). */
  participantParam?: string;
  /** Also a security event: written to the application log (ids only) for alerting. */
  alert?: boolean;
}

/**
 * Declares that a route reads or changes protected data. The audit interceptor then writes
 * its events (success, denied, error), and the data layer refuses participant reads on routes
 * without it.
 */
export const Audited = (route: AuditedRoute) => SetMetadata(AUDITED_ROUTE, route);
