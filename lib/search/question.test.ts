import { describe, expect, it } from 'vitest';
import { reduceQuestion } from './question';

describe('reduceQuestion', () => {
  it('keeps what a question is about and drops how it is asked', () => {
    expect(reduceQuestion('how do I stop people from adding apps to our jira').keywords).toEqual([
      'stop',
      'people',
      'adding',
      'apps',
      'jira',
    ]);
    expect(
      reduceQuestion(
        'Hi, I was wondering if anyone knows how to kick out a member from my org? Thanks in advance',
      ).keywords,
    ).toEqual(['kick out', 'member', 'org']);
    expect(reduceQuestion('is there a way to see how many minutes my workflows use').keywords).toEqual([
      'see',
      'many',
      'minutes',
      'workflows',
      'use',
    ]);
  });

  it('keeps negation, whatever the contraction', () => {
    const reduced = reduceQuestion("why can't I sign in to my add-on?");
    expect(reduced.negated).toBe(true);
    expect(reduced.keywords).toEqual(['not', 'sign in', 'add-on']);
    expect(reduceQuestion("why doesn't my badge show up on the readme").keywords).toEqual([
      'not',
      'badge',
      'show up',
      'readme',
    ]);
    expect(reduceQuestion('why are my contributions not showing on my profile').negated).toBe(true);
  });

  it('leaves function words in the planned text so phrases still match the synonym table', () => {
    expect(reduceQuestion('can someone tell me how to let an app act as me on github').text).toBe(
      'let an app act as me on github',
    );
  });

  it('leaves keywords and short queries alone', () => {
    for (const query of ['ssh agent', 'make my repo private', 'required status checks'])
      expect(reduceQuestion(query)).toEqual({ text: query, keywords: [], sentence: false, negated: false });
  });
});
