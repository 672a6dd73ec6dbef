import { describe, expect, it } from 'vitest';
import { Vocabulary, boundedDamerau, maxEditsFor } from './typo';

describe('typo tolerance', () => {
  it('scales the edit budget with word length', () => {
    expect(maxEditsFor('app')).toBe(0);
    expect(maxEditsFor('admin')).toBe(1);
    expect(maxEditsFor('authorization')).toBe(2);
  });

  it('counts a transposition as one edit', () => {
    expect(boundedDamerau('chnage', 'change', 2)).toBe(1);
    expect(boundedDamerau('brnach', 'branch', 2)).toBe(1);
  });

  it('corrects unknown words to common known ones', () => {
    const vocabulary = new Vocabulary();
    for (const word of ['repository', 'repository', 'repository', 'organization', 'organization', 'code', 'code', 'owners', 'owners']) vocabulary.add(word);
    expect(vocabulary.correct('repositry').map((c) => c.word)).toEqual(['repository']);
    expect(vocabulary.correct('organzation').map((c) => c.word)).toEqual(['organization']);
    expect(vocabulary.split('codeowners')).toEqual(['code', 'owners']);
  });
});
