import { describe, expect, it } from 'vitest';
import { stem, words } from './analyze';
import { SynonymMatcher } from './synonyms';

const stems = (text: string) => words(text).map(stem);

describe('SynonymMatcher', () => {
  const matcher = new SynonymMatcher({
    equivalent: [
      ['app', 'add-on', 'addon', 'plugin'],
      ['revoke', 'remove access'],
    ],
    oneWay: { 'kick out': ['remove'] },
  });

  it('maps a phrase, matched on stems, to the words articles use', () => {
    const hits = matcher.find(stems('kick someone out'));
    expect(hits).toEqual([]);
    const [hit] = matcher.find(stems('kick out a member'));
    expect(hit).toMatchObject({ start: 0, end: 2, alternatives: [[stem('remove')]] });
  });

  it('applies to inflected forms and keeps multi-word alternatives whole', () => {
    const [hit] = matcher.find(stems('revoked'));
    expect(hit?.alternatives).toEqual([[stem('remove'), stem('access')]]);
  });

  it('leaves out phrases that reach the index as a single everyday word', () => {
    const [hit] = matcher.find(stems('apps'));
    expect(hit?.alternatives).toEqual(expect.arrayContaining([['addon'], ['plugin']]));
    expect(hit?.alternatives).not.toContainEqual(['add']);
  });
});
