import { BARC10_ANSWERS, BARC10_ITEMS } from '@waypoint/shared-contracts';
import { answerLabel, BARC10_ANSWER_TEXT, BARC10_ITEM_TEXT } from './barc10-wording';

describe('BARC-10 wording', () => {
  it('shows, in English, exactly the wording the API shares', () => {
    expect(BARC10_ITEM_TEXT).toEqual(BARC10_ITEMS);
    expect(BARC10_ANSWER_TEXT).toEqual(BARC10_ANSWERS);
  });

  it('labels answers, and nothing for no answer', () => {
    expect(answerLabel(6)).toBe('Strongly agree');
    expect(answerLabel(null)).toBe('');
  });
});
