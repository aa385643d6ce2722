import { randomUUID } from 'node:crypto';
import type { Role } from '@waypoint/shared-contracts';

export interface Call {
  /** Replaces `:id` in the path. */
  id?: string;
  query?: string;
  body?: object;
}

export interface RouteCases {
  as: Role;
  success: Call;
  /** Another team's or a missing object: refused with 404 and recorded as denied. */
  denied?: Call;
  /** Bad input: 400, recorded as error. */
  invalid?: Call;
}

/**
 * What the audit route walk calls for each participant-data route ("METHOD /path"): as whom,
 * a call that succeeds, one the caller may not reach (404, recorded as denied) and one with bad
 * input (400, recorded as error). `ids` are the walk's fixtures, made in its beforeAll.
 */
export function routeWalkCases(ids: Record<string, string>, { missing, reason }: { missing: string; reason: string }): Record<string, RouteCases> {
  return {
    'GET /participants': { as: 'specialist', success: {}, invalid: { query: '?limit=0' } },
    'GET /participants/:id': { as: 'specialist', success: { id: ids['own'] }, denied: { id: ids['otherTeam'] }, invalid: { id: 'not-a-uuid' } },
    'POST /participants/duplicate-check': {
      as: 'specialist',
      success: { body: { legalFirstName: 'Walk', legalLastName: 'Check', dateOfBirth: '1990-02-02' } },
      invalid: { body: { legalFirstName: 'Walk' } },
    },
    'POST /participants': {
      as: 'specialist',
      success: { body: { legalFirstName: 'Walk', legalLastName: `Created-${randomUUID().slice(0, 6)}`, dateOfBirth: '1990-02-02' } },
      invalid: { body: { legalFirstName: '', legalLastName: 'Created', dateOfBirth: '1990-02-02' } },
    },
    'PATCH /participants/:id': {
      as: 'specialist',
      success: { id: ids['patchMe'], body: { version: 1, phone: '555-0101' } },
      denied: { id: ids['otherTeam'], body: { version: 1, phone: '555-0101' } },
      invalid: { id: ids['own'], body: { version: 0 } },
    },
    'POST /participants/:id/status': {
      as: 'specialist',
      success: { id: ids['statusMe'], body: { status: 'active', version: 1 } },
      denied: { id: ids['otherTeam'], body: { status: 'active', version: 1 } },
      invalid: { id: ids['own'], body: { status: 'gone', version: 1 } },
    },
    'GET /participants/:id/status-history': { as: 'specialist', success: { id: ids['own'] }, denied: { id: ids['otherTeam'] }, invalid: { id: 'not-a-uuid' } },
    'GET /participants/:id/assignments': { as: 'specialist', success: { id: ids['own'] }, denied: { id: ids['otherTeam'] }, invalid: { id: 'not-a-uuid' } },
    'POST /participants/:id/assignments': {
      as: 'supervisor',
      success: { id: ids['own'], body: { specialistId: ids['supervisorUser'], kind: 'secondary' } },
      denied: { id: ids['otherTeam'], body: { specialistId: ids['supervisorUser'], kind: 'secondary' } },
      invalid: { id: ids['own'], body: { specialistId: 'nobody', kind: 'primary' } },
    },
    'GET /participants/:id/assessments': { as: 'specialist', success: { id: ids['own'] }, denied: { id: ids['otherTeam'] }, invalid: { id: 'not-a-uuid' } },
    'POST /participants/:id/assessments': {
      as: 'specialist',
      success: { id: ids['own'], body: { answers: [4, 4, 5, 3, 5, 4, 5, 6, 4, 5] } },
      denied: { id: ids['otherTeam'], body: { answers: [4, 4, 5, 3, 5, 4, 5, 6, 4, 5] } },
      invalid: { id: ids['own'], body: { answers: [4, 4, 5] } },
    },
    'GET /care-team/specialists': { as: 'supervisor', success: {} },
    'GET /participants/:id/notes': { as: 'specialist', success: { id: ids['own'] }, denied: { id: ids['otherTeam'] }, invalid: { id: 'not-a-uuid' } },
    'POST /participants/:id/notes': {
      as: 'specialist',
      success: { id: ids['own'], body: { startedAt: new Date(Date.now() - 3_600_000).toISOString(), durationMinutes: 30, contactType: 'individual', modality: 'phone' } },
      denied: { id: ids['otherTeam'], body: { startedAt: new Date(Date.now() - 3_600_000).toISOString(), durationMinutes: 30, contactType: 'individual', modality: 'phone' } },
      invalid: { id: ids['own'], body: { startedAt: 'yesterday', durationMinutes: 30, contactType: 'individual', modality: 'phone' } },
    },
    'GET /notes/cosign-queue': { as: 'supervisor', success: {}, invalid: { query: '?limit=0' } },
    'POST /notes/cosign': {
      as: 'supervisor',
      success: { body: { notes: [{ id: ids['bulkNote'], version: 1 }] } },
      invalid: { body: { notes: [] } },
    },
    'GET /notes/mine': { as: 'specialist', success: {} },
    'POST /group-sessions': {
      as: 'specialist',
      success: { body: { topic: 'Walk group', startedAt: new Date(Date.now() - 3_600_000).toISOString(), durationMinutes: 60, modality: 'in_person', intervention: 'Walk', attendees: [{ participantId: ids['own'] }] } },
      invalid: { body: { topic: 'Walk group', attendees: [] } },
    },
    'GET /group-sessions/:id': { as: 'specialist', success: { id: ids['group'] }, denied: { id: ids['otherGroup'] }, invalid: { id: 'not-a-uuid' } },
    'GET /notes/:id': { as: 'specialist', success: { id: ids['note'] }, denied: { id: ids['otherNote'] }, invalid: { id: 'not-a-uuid' } },
    'PATCH /notes/:id': {
      as: 'specialist',
      success: { id: ids['note'], body: { location: 'Walk', version: 1 } },
      denied: { id: ids['otherNote'], body: { location: 'Walk', version: 1 } },
      invalid: { id: ids['note'], body: { version: 0 } },
    },
    'POST /notes/:id/submit': {
      as: 'specialist',
      success: { id: ids['submitNote'], body: { version: 1 } },
      denied: { id: ids['otherNote'], body: { version: 1 } },
      invalid: { id: ids['submitNote'], body: { version: 0 } },
    },
    'POST /notes/:id/sign': {
      as: 'specialist',
      success: { id: ids['signNote'], body: { version: 1 } },
      denied: { id: ids['otherNote'], body: { version: 1 } },
      invalid: { id: ids['signNote'], body: {} },
    },
    'POST /notes/:id/cosign': {
      as: 'supervisor',
      success: { id: ids['signedNote'], body: { version: 1 } },
      denied: { id: ids['otherNote'], body: { version: 1 } },
      invalid: { id: ids['signedNote'], body: { version: 'one' } },
    },
    'POST /notes/:id/return': {
      as: 'supervisor',
      success: { id: ids['submittedNote'], body: { comment: 'Walk: say what the plan is', version: 1 } },
      denied: { id: ids['otherNote'], body: { comment: 'Walk: say what the plan is', version: 1 } },
      invalid: { id: ids['submittedNote'], body: { comment: '', version: 1 } },
    },
    'POST /notes/:id/addenda': {
      as: 'specialist',
      success: { id: ids['amendNote'], body: { reason: 'Walk correction', body: 'The meeting was on Tuesday.' } },
      denied: { id: ids['otherNote'], body: { reason: 'Walk correction', body: 'The meeting was on Tuesday.' } },
      invalid: { id: ids['amendNote'], body: { reason: '', body: 'x' } },
    },
    'GET /participants/:id/timeline': { as: 'specialist', success: { id: ids['own'] }, denied: { id: ids['otherTeam'] }, invalid: { id: 'not-a-uuid' } },
    'GET /participants/:id/safety-events': { as: 'specialist', success: { id: ids['own'] }, denied: { id: ids['otherTeam'] }, invalid: { id: 'not-a-uuid' } },
    'POST /participants/:id/safety-events': {
      as: 'specialist',
      success: { id: ids['own'], body: { kind: 'crisis', description: 'Walk: a hard night, talked it through.' } },
      denied: { id: ids['otherTeam'], body: { kind: 'crisis', description: 'Walk' } },
      invalid: { id: ids['own'], body: { kind: 'relapse', description: 'x' } },
    },
    'POST /participants/:id/risk-flag': {
      as: 'specialist',
      success: { id: ids['flagMe'], body: { highRisk: true, reason: 'Walk: recent relapse', version: 1 } },
      denied: { id: ids['otherTeam'], body: { highRisk: true, reason: 'Walk: recent relapse', version: 1 } },
      invalid: { id: ids['own'], body: { highRisk: 'yes', version: 1 } },
    },
    'GET /tasks': { as: 'specialist', success: {}, invalid: { query: '?limit=0' } },
    'GET /participants/:id/tasks': { as: 'specialist', success: { id: ids['own'] }, denied: { id: ids['otherTeam'] }, invalid: { id: 'not-a-uuid' } },
    'POST /participants/:id/tasks': {
      as: 'specialist',
      success: { id: ids['own'], body: { title: 'Walk: call back', dueOn: '2030-01-01' } },
      denied: { id: ids['otherTeam'], body: { title: 'Walk: call back', dueOn: '2030-01-01' } },
      invalid: { id: ids['own'], body: { title: '', dueOn: '2030-01-01' } },
    },
    'PATCH /tasks/:id': {
      as: 'specialist',
      success: { id: ids['task'], body: { done: true, version: 1 } },
      denied: { id: ids['otherTask'], body: { done: true, version: 1 } },
      invalid: { id: ids['task'], body: { done: 'yes', version: 1 } },
    },
    'GET /participants/:id/plan': { as: 'specialist', success: { id: ids['own'] }, denied: { id: ids['otherTeam'] }, invalid: { id: 'not-a-uuid' } },
    'POST /participants/:id/goals': {
      as: 'specialist',
      success: { id: ids['own'], body: { dimension: 'health', statement: 'Walk every morning' } },
      denied: { id: ids['otherTeam'], body: { dimension: 'health', statement: 'Walk every morning' } },
      invalid: { id: ids['own'], body: { dimension: 'money', statement: 'x' } },
    },
    'PATCH /goals/:id': {
      as: 'specialist',
      success: { id: ids['goal'], body: { statement: 'Walked', version: 1 } },
      denied: { id: ids['otherGoal'], body: { statement: 'Walked', version: 1 } },
      invalid: { id: ids['goal'], body: { version: 0 } },
    },
    'POST /goals/:id/status': {
      as: 'specialist',
      success: { id: ids['statusGoal'], body: { status: 'achieved', version: 1 } },
      denied: { id: ids['otherGoal'], body: { status: 'achieved', version: 1 } },
      invalid: { id: ids['goal'], body: { status: 'done', version: 1 } },
    },
    'POST /goals/:id/steps': {
      as: 'specialist',
      success: { id: ids['goal'], body: { description: 'One more step' } },
      denied: { id: ids['otherGoal'], body: { description: 'One more step' } },
      invalid: { id: ids['goal'], body: { description: '' } },
    },
    'POST /goals/:id/steps/order': {
      as: 'specialist',
      success: { id: ids['orderGoal'], body: { stepIds: [ids['orderStep2'], ids['orderStep1']] } },
      denied: { id: ids['otherGoal'], body: { stepIds: [ids['otherStep']] } },
      invalid: { id: ids['orderGoal'], body: { stepIds: ['x'] } },
    },
    'PATCH /goal-steps/:id': {
      as: 'specialist',
      success: { id: ids['goalStep'], body: { done: true, version: 1 } },
      denied: { id: ids['otherStep'], body: { done: true, version: 1 } },
      invalid: { id: ids['goalStep'], body: { done: 'yes', version: 1 } },
    },
    'POST /goals/:id/progress': {
      as: 'specialist',
      success: { id: ids['goal'], body: { rating: 5 } },
      denied: { id: ids['otherGoal'], body: { rating: 5 } },
      invalid: { id: ids['goal'], body: { rating: 11 } },
    },
    'GET /participants/:id/access-history': {
      as: 'supervisor',
      success: { id: ids['own'] },
      denied: { id: ids['otherTeam'] },
      invalid: { id: 'not-a-uuid' },
    },
    'POST /break-glass': {
      as: 'supervisor',
      success: { body: { participantId: ids['emergency'], reason } },
      denied: { body: { participantId: missing, reason } },
      invalid: { body: { participantId: ids['emergency'], reason: 'short' } },
    },
    'GET /break-glass/active': { as: 'supervisor', success: {} },
    'GET /break-glass/participants/:id': {
      as: 'supervisor',
      success: { id: ids['granted'] },
      denied: { id: ids['otherTeam'] },
      invalid: { id: 'not-a-uuid' },
    },
    'GET /break-glass/grants': { as: 'supervisor', success: {}, invalid: { query: '?limit=0' } },
    'POST /break-glass/grants/:id/acknowledge': { as: 'admin', success: { id: ids['pendingGrant'], body: {} }, denied: { id: missing, body: {} }, invalid: { id: 'not-a-uuid', body: {} } },
    'GET /audit/events': { as: 'admin', success: {}, invalid: { query: '?outcome=maybe' } },
    'GET /audit/team-events': { as: 'supervisor', success: {}, invalid: { query: '?limit=0' } },
    'GET /audit/events.csv': { as: 'admin', success: {}, invalid: { query: '?from=yesterday' } },
    'POST /audit/verify': { as: 'admin', success: { body: {} }, invalid: { body: { full: 'yes' } } },
  };
}
