import type { AssessmentRecord } from '@waypoint/web-participant-data';
import { BARC10_ITEM_TEXT, type Barc10ItemText } from './barc10-wording';

export type Change = 'up' | 'down' | 'same';

export interface ItemComparison {
  item: Barc10ItemText;
  earlier: number;
  later: number;
  /** later − earlier. */
  difference: number;
  change: Change;
}

export interface AssessmentComparison {
  earlier: AssessmentRecord;
  later: AssessmentRecord;
  items: ItemComparison[];
  totalDifference: number;
  totalChange: Change;
}

const changeOf = (difference: number): Change => (difference > 0 ? 'up' : difference < 0 ? 'down' : 'same');

/**
 * Item by item, how two assessments differ. Whichever order they are passed in, the one taken
 * first is "earlier", so "up" always means the participant rated the item higher later on.
 */
export function compareAssessments(a: AssessmentRecord, b: AssessmentRecord): AssessmentComparison {
  const [earlier, later] = takenBefore(a, b) ? [a, b] : [b, a];
  const items = BARC10_ITEM_TEXT.map((item, index) => {
    const difference = later.answers[index] - earlier.answers[index];
    return { item, earlier: earlier.answers[index], later: later.answers[index], difference, change: changeOf(difference) };
  });
  const totalDifference = later.total - earlier.total;
  return { earlier, later, items, totalDifference, totalChange: changeOf(totalDifference) };
}

/** Whether `a` was taken before `b` (by date, then by when it was recorded). */
function takenBefore(a: AssessmentRecord, b: AssessmentRecord): boolean {
  return a.takenOn !== b.takenOn ? a.takenOn < b.takenOn : a.createdAt <= b.createdAt;
}

/** Oldest first, for the chart's time axis (the history comes newest first). */
export function chronological(history: readonly AssessmentRecord[]): AssessmentRecord[] {
  return [...history].sort((a, b) => (takenBefore(a, b) ? -1 : 1));
}

/** A signed difference for display: "+3", "−2" (a true minus sign), "0". */
export function signed(difference: number): string {
  return difference > 0 ? `+${difference}` : difference < 0 ? `\u2212${-difference}` : '0';
}
