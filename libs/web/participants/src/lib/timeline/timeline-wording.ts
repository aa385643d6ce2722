import { contactTypeLabel, modalityLabel, noteStatusLabel, statusLabel, type TimelineEntry, type TimelineKind } from '@waypoint/web-participant-data';
import { dimensionTitle, goalStatusLabel, STATUS_ICONS } from '../plan/plan-labels';
import { safetyKindIcon, safetyKindLabel } from '../safety/safety-labels';

/** One line of the feed: what happened, in words, with a decorative icon and any detail below it. */
export interface TimelineLine {
  /** A Material Symbols name. */
  icon: string;
  text: string;
  /** A comment, reason or follow-up, when the entry has one. */
  detail: string | null;
  /** Whether the entry is about safety (drawn in the error colour, with words as well). */
  alarming: boolean;
}

/** The kinds a reader filters by, grouped as they think of them (every goal change is "Goals"). */
export interface TimelineFilter {
  id: string;
  label: string;
  kinds: readonly TimelineKind[];
}

export const TIMELINE_FILTERS: readonly TimelineFilter[] = [
  { id: 'notes', label: $localize`:Timeline filter:Notes`, kinds: ['session-note'] },
  { id: 'status', label: $localize`:Timeline filter:Status changes`, kinds: ['status-change'] },
  { id: 'goals', label: $localize`:Timeline filter:Goals`, kinds: ['goal-created', 'goal-status', 'goal-progress'] },
  { id: 'assessments', label: $localize`:Timeline filter:Assessments`, kinds: ['assessment'] },
  { id: 'safety', label: $localize`:Timeline filter:Safety events`, kinds: ['safety-event'] },
  { id: 'tasks', label: $localize`:Timeline filter:Tasks`, kinds: ['task-done'] },
];

const quoted = (text: string) => `‘${text}’`;

/** What a timeline entry says, e.g. "Goal progress 7/10 — ‘Find stable housing’" or "BARC-10: 42". */
export function describeEntry(entry: TimelineEntry): TimelineLine {
  switch (entry.kind) {
    case 'session-note': {
      const units = entry.units === 1 ? $localize`1 unit` : $localize`${entry.units}:units: units`;
      return {
        icon: 'edit_note',
        text: $localize`${contactTypeLabel(entry.contactType)}:type: note · ${modalityLabel(entry.modality)}:modality: · ${entry.durationMinutes}:minutes: min · ${units}:units:`,
        detail: noteStatusLabel(entry.status),
        alarming: false,
      };
    }
    case 'status-change': {
      const to = statusLabel(entry.toStatus);
      const text = entry.fromStatus ? $localize`Status: ${statusLabel(entry.fromStatus)}:from: → ${to}:to:` : $localize`Status: ${to}:to:`;
      return { icon: 'swap_horiz', text, detail: entry.reason, alarming: false };
    }
    case 'goal-created':
      return {
        icon: 'flag',
        text: $localize`Goal added to ${dimensionTitle(entry.dimension)}:dimension: — ${quoted(entry.statement)}:statement:`,
        detail: null,
        alarming: false,
      };
    case 'goal-status':
      return {
        icon: STATUS_ICONS[entry.status] ?? 'flag',
        text: $localize`Goal marked ${goalStatusLabel(entry.status)}:status: — ${quoted(entry.statement)}:statement:`,
        detail: entry.reason,
        alarming: false,
      };
    case 'goal-progress':
      return {
        icon: 'trending_up',
        text: $localize`Goal progress ${entry.rating}:rating:/10 — ${quoted(entry.statement)}:statement:`,
        detail: entry.comment,
        alarming: false,
      };
    case 'assessment':
      return { icon: 'insights', text: $localize`BARC-10: ${entry.total}:total:`, detail: null, alarming: false };
    case 'safety-event':
      return {
        icon: safetyKindIcon(entry.safetyKind),
        text: $localize`${safetyKindLabel(entry.safetyKind)}:kind: — ${entry.description}:description:`,
        detail: entry.followUp ? $localize`Follow-up: ${entry.followUp}:followUp:` : null,
        alarming: entry.safetyKind === 'overdose',
      };
    case 'task-done':
      return { icon: 'task_alt', text: $localize`Task done: ${entry.title}:title:`, detail: null, alarming: false };
    default: {
      // A kind this build does not know yet (the API adds kinds in later issues): shown, not dropped.
      const kind = (entry as { kind: string }).kind;
      return { icon: 'history', text: kind.replace(/-/g, ' '), detail: null, alarming: false };
    }
  }
}

/** Entries of the same day together, in the order given (newest first). */
export function groupByDay<T extends { on: string }>(entries: readonly T[]): { on: string; entries: T[] }[] {
  const days: { on: string; entries: T[] }[] = [];
  for (const entry of entries) {
    const day = days.at(-1);
    if (day?.on === entry.on) day.entries.push(entry);
    else days.push({ on: entry.on, entries: [entry] });
  }
  return days;
}
