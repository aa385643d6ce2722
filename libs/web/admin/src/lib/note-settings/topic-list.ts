import { NOTE_TOPIC_MAX_LENGTH, NOTE_TOPICS_MAX, type NoteSettings, NoteTopics } from '@waypoint/shared-contracts';
import { noteTopicLabel } from '@waypoint/web-participant-data';

/** The part of the settings the page edits. */
export type TopicDraft = Pick<NoteSettings, 'defaultFormat' | 'topics'>;

/** Topics compared as the API compares them: case and spacing aside. */
const normalized = (topic: string) => topic.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * The list with a typed topic added, or why not: blank, too long, already there (also when it
 * is the label of a built-in topic, which is then added as that topic), or the list is full.
 */
export function addedTopic(topics: readonly string[], typed: string): { topics: string[]; problem?: string } {
  const text = typed.trim().replace(/\s+/g, ' ');
  if (!text) return { topics: [...topics], problem: $localize`Type a topic first.` };
  if (text.length > NOTE_TOPIC_MAX_LENGTH) return { topics: [...topics], problem: $localize`A topic has at most ${NOTE_TOPIC_MAX_LENGTH}:max: characters.` };
  if (topics.length >= NOTE_TOPICS_MAX) return { topics: [...topics], problem: $localize`The list holds at most ${NOTE_TOPICS_MAX}:max: topics; remove one first.` };
  const builtIn = NoteTopics.find((key) => normalized(noteTopicLabel(key)) === normalized(text) || key === text);
  const topic = builtIn ?? text;
  if (topics.some((existing) => normalized(existing) === normalized(topic) || normalized(noteTopicLabel(existing)) === normalized(text))) {
    return { topics: [...topics], problem: $localize`“${text}:topic:” is already on the list.` };
  }
  return { topics: [...topics, topic] };
}

/** Whether a draft says what the saved settings say (the order of topics counts: it is the order shown). */
export function sameSettings(saved: TopicDraft, draft: TopicDraft): boolean {
  return saved.defaultFormat === draft.defaultFormat && saved.topics.length === draft.topics.length && saved.topics.every((topic, index) => topic === draft.topics[index]);
}
