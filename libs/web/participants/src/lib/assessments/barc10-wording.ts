/**
 * The BARC-10 wording shown in the dashboard, translatable. The English here is the wording in
 * `@waypoint/shared-contracts` (BARC10_ITEMS, BARC10_ANSWERS); barc10-wording.spec.ts holds the
 * two to each other, so the API's and the dashboard's English never drift apart.
 */
export interface Barc10ItemText {
  number: number;
  domain: string;
  statement: string;
}

export const BARC10_ITEM_TEXT: readonly Barc10ItemText[] = [
  {
    number: 1,
    domain: $localize`:BARC-10 domain@@barc10.item1.domain:More than using`,
    statement: $localize`:BARC-10 statement@@barc10.item1.statement:Other things in my life matter more to me now than using alcohol or drugs.`,
  },
  {
    number: 2,
    domain: $localize`:BARC-10 domain@@barc10.item2.domain:Life satisfaction`,
    statement: $localize`:BARC-10 statement@@barc10.item2.statement:On the whole, I am content with how my life is going.`,
  },
  {
    number: 3,
    domain: $localize`:BARC-10 domain@@barc10.item3.domain:Energy`,
    statement: $localize`:BARC-10 statement@@barc10.item3.statement:I have the energy to get done the things I set out to do.`,
  },
  {
    number: 4,
    domain: $localize`:BARC-10 domain@@barc10.item4.domain:Belonging`,
    statement: $localize`:BARC-10 statement@@barc10.item4.statement:I feel I belong in my community, and I am glad to be part of it.`,
  },
  {
    number: 5,
    domain: $localize`:BARC-10 domain@@barc10.item5.domain:Support from friends`,
    statement: $localize`:BARC-10 statement@@barc10.item5.statement:My friends are there for me when I need support.`,
  },
  {
    number: 6,
    domain: $localize`:BARC-10 domain@@barc10.item6.domain:A full life`,
    statement: $localize`:BARC-10 statement@@barc10.item6.statement:My life feels full and worthwhile without alcohol or drugs.`,
  },
  {
    number: 7,
    domain: $localize`:BARC-10 domain@@barc10.item7.domain:Home`,
    statement: $localize`:BARC-10 statement@@barc10.item7.statement:The place where I live helps my recovery.`,
  },
  {
    number: 8,
    domain: $localize`:BARC-10 domain@@barc10.item8.domain:Responsibility`,
    statement: $localize`:BARC-10 statement@@barc10.item8.statement:I own my choices and take responsibility for what I do.`,
  },
  {
    number: 9,
    domain: $localize`:BARC-10 domain@@barc10.item9.domain:Working with professionals`,
    statement: $localize`:BARC-10 statement@@barc10.item9.statement:I feel at ease working with doctors, counselors and other professionals.`,
  },
  {
    number: 10,
    domain: $localize`:BARC-10 domain@@barc10.item10.domain:Progress`,
    statement: $localize`:BARC-10 statement@@barc10.item10.statement:I can see that I am making progress in my recovery.`,
  },
];

export const BARC10_ANSWER_TEXT: readonly { value: number; label: string }[] = [
  { value: 1, label: $localize`:BARC-10 answer@@barc10.answer1:Strongly disagree` },
  { value: 2, label: $localize`:BARC-10 answer@@barc10.answer2:Disagree` },
  { value: 3, label: $localize`:BARC-10 answer@@barc10.answer3:Somewhat disagree` },
  { value: 4, label: $localize`:BARC-10 answer@@barc10.answer4:Somewhat agree` },
  { value: 5, label: $localize`:BARC-10 answer@@barc10.answer5:Agree` },
  { value: 6, label: $localize`:BARC-10 answer@@barc10.answer6:Strongly agree` },
];

/** The label of an answer (1–6), e.g. "Agree". */
export function answerLabel(value: number | null | undefined): string {
  return BARC10_ANSWER_TEXT.find((answer) => answer.value === value)?.label ?? '';
}
