/**
 * The Brief Assessment of Recovery Capital (BARC-10; Vilsaint et al., 2017): ten statements the
 * participant rates with their specialist, each 1–6, total 10–60. The instrument is free to use;
 * the wording below is ours, written from its ten domains in plain language. The dashboard shows
 * translated copies of these statements (its unit tests hold them to this English text).
 */
export const AssessmentKinds = ['barc10'] as const;
export type AssessmentKind = (typeof AssessmentKinds)[number];

export const BARC10_ITEM_COUNT = 10;
export const BARC10_MIN_ANSWER = 1;
export const BARC10_MAX_ANSWER = 6;
export const BARC10_MIN_TOTAL = BARC10_ITEM_COUNT * BARC10_MIN_ANSWER;
export const BARC10_MAX_TOTAL = BARC10_ITEM_COUNT * BARC10_MAX_ANSWER;
/** A total at or above this is the published threshold associated with sustained remission. */
export const BARC10_THRESHOLD = 47;
export const ASSESSMENT_NOTES_MAX_LENGTH = 1000;

export interface Barc10Item {
  /** 1–10, the item's place on the form and in `answers`. */
  number: number;
  /** The recovery-capital domain, as a short heading. */
  domain: string;
  /** What the participant agrees or disagrees with, in the first person. */
  statement: string;
}

export const BARC10_ITEMS: readonly Barc10Item[] = [
  { number: 1, domain: 'More than using', statement: 'Other things in my life matter more to me now than using alcohol or drugs.' },
  { number: 2, domain: 'Life satisfaction', statement: 'On the whole, I am content with how my life is going.' },
  { number: 3, domain: 'Energy', statement: 'I have the energy to get done the things I set out to do.' },
  { number: 4, domain: 'Belonging', statement: 'I feel I belong in my community, and I am glad to be part of it.' },
  { number: 5, domain: 'Support from friends', statement: 'My friends are there for me when I need support.' },
  { number: 6, domain: 'A full life', statement: 'My life feels full and worthwhile without alcohol or drugs.' },
  { number: 7, domain: 'Home', statement: 'The place where I live helps my recovery.' },
  { number: 8, domain: 'Responsibility', statement: 'I own my choices and take responsibility for what I do.' },
  { number: 9, domain: 'Working with professionals', statement: 'I feel at ease working with doctors, counselors and other professionals.' },
  { number: 10, domain: 'Progress', statement: 'I can see that I am making progress in my recovery.' },
];

/** The six answers, from 1 (strongly disagree) to 6 (strongly agree). */
export const BARC10_ANSWERS: readonly { value: number; label: string }[] = [
  { value: 1, label: 'Strongly disagree' },
  { value: 2, label: 'Disagree' },
  { value: 3, label: 'Somewhat disagree' },
  { value: 4, label: 'Somewhat agree' },
  { value: 5, label: 'Agree' },
  { value: 6, label: 'Strongly agree' },
];

/** Whether `answers` is a complete BARC-10: ten whole numbers, each 1–6. */
export function isCompleteBarc10(answers: readonly unknown[]): answers is number[] {
  return (
    answers.length === BARC10_ITEM_COUNT &&
    answers.every((answer) => Number.isInteger(answer) && (answer as number) >= BARC10_MIN_ANSWER && (answer as number) <= BARC10_MAX_ANSWER)
  );
}

/** The total of a complete BARC-10 (10–60); the database computes the same for what it stores. */
export function barc10Total(answers: readonly number[]): number {
  return answers.reduce((sum, answer) => sum + answer, 0);
}

/** One recorded assessment, as the API returns it. */
export interface AssessmentRecord {
  id: string;
  kind: AssessmentKind;
  /** A calendar date, YYYY-MM-DD. */
  takenOn: string;
  /** The ten answers, item 1 first. */
  answers: number[];
  total: number;
  notes: string | null;
  recordedById: string;
  recordedByName: string;
  /** ISO 8601 timestamp. */
  createdAt: string;
  version: number;
}

export interface AssessmentHistory {
  /** Newest first (by date taken, then by when recorded). */
  items: AssessmentRecord[];
  /** Whether older assessments exist beyond the returned ones. */
  truncated: boolean;
}

/** What recording an assessment sends. */
export interface NewAssessment {
  kind?: AssessmentKind;
  /** A calendar date, YYYY-MM-DD; today when left out, never in the future. */
  takenOn?: string;
  answers: number[];
  notes?: string | null;
}
