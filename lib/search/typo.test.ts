import { describe, expect, it } from 'vitest';
import { DeletionIndex, Vocabulary, boundedDamerau, deletions, maxEditsFor } from './typo';

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
    for (const word of [
      'repository',
      'repository',
      'repository',
      'organization',
      'organization',
      'code',
      'code',
      'owners',
      'owners',
    ])
      vocabulary.add(word);
    expect(vocabulary.correct('repositry').map((c) => c.word)).toEqual(['repository']);
    expect(vocabulary.correct('organzation').map((c) => c.word)).toEqual(['organization']);
    expect(vocabulary.split('codeowners')).toEqual(['code', 'owners']);
  });
});

describe('deletion index', () => {
  // Deterministic pseudo-random words over a small alphabet, so that many are close to each other.
  function randomWords(count: number, seed: number): string[] {
    let state = seed;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    return Array.from({ length: count }, () => {
      const length = 3 + Math.floor(next() * 9);
      return Array.from({ length }, () => 'abcde'[Math.floor(next() * 5)]).join('');
    });
  }

  it('offers every vocabulary word within the edit budget of the query', () => {
    const vocabulary = randomWords(600, 7);
    const entries = [...new Set(vocabulary)].map((word) => ({ word, count: 2 }));
    const index = new DeletionIndex(entries);
    for (const query of randomWords(300, 11)) {
      const budget = maxEditsFor(query);
      if (budget === 0) continue;
      const offered = new Set(index.candidates(query, budget).map((e) => e.word));
      for (const { word } of entries) {
        if (boundedDamerau(query, word, budget) <= budget)
          expect(offered.has(word), `${query} → ${word}`).toBe(true);
      }
    }
  });

  it('lists a word and its deletions once each', () => {
    expect([...deletions('abc', 1)].sort()).toEqual(['ab', 'abc', 'ac', 'bc']);
    expect(deletions('abcd', 2).size).toBe(1 + 4 + 6);
  });
});
