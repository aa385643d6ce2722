import type { SafetyEventKind } from '@waypoint/web-participant-data';

interface SafetyKindWords {
  label: string;
  /** A Material Symbols name; decorative beside the label. */
  icon: string;
}

const KINDS: Readonly<Record<SafetyEventKind, SafetyKindWords>> = {
  overdose: { label: $localize`:Safety event kind:Overdose`, icon: 'emergency' },
  naloxone_administered: { label: $localize`:Safety event kind:Naloxone administered`, icon: 'vaccines' },
  naloxone_provided: { label: $localize`:Safety event kind:Naloxone provided`, icon: 'medication' },
  crisis: { label: $localize`:Safety event kind:Crisis`, icon: 'crisis_alert' },
  warm_handoff_988: { label: $localize`:Safety event kind:988 warm handoff`, icon: 'support_agent' },
  emergency_department: { label: $localize`:Safety event kind:Emergency department visit`, icon: 'local_hospital' },
};

/** A safety event's kind in words; an unknown code is shown readably rather than hidden. */
export const safetyKindLabel = (kind: string) => KINDS[kind as SafetyEventKind]?.label ?? kind.replace(/_/g, ' ');
export const safetyKindIcon = (kind: string) => KINDS[kind as SafetyEventKind]?.icon ?? 'health_and_safety';
