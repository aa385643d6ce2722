/**
 * The notices 42 CFR Part 2 (§2.32) requires on records disclosed or handed out, word for word.
 * Each carries the version of the rule's wording it quotes, because a disclosure must later be
 * able to say which notice went with it; when the wording changes, add a new constant rather
 * than editing this one. The text is the regulation's own and is not translated.
 */
export interface Part2Notice {
  /** The year of the rule's wording this text quotes. */
  readonly version: string;
  readonly text: string;
}

/** Statement 2, the short form (2024 wording; earlier wording lacked "use or"). */
export const PART2_NOTICE_SHORT: Part2Notice = Object.freeze({
  version: '2024',
  text: '42 CFR part 2 prohibits unauthorized use or disclosure of these records.',
});
