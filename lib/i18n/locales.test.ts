import { describe, expect, it } from 'vitest';
import { withoutPrerenderedPrefix } from './locales';

describe('the reader path of a prerendered page', () => {
  it("drops the internal route's prefix and language, and nothing else", () => {
    expect(withoutPrerenderedPrefix('/prerendered/de/articles/x')).toBe('/articles/x');
    expect(withoutPrerenderedPrefix('/prerendered/en')).toBe('/');
    expect(withoutPrerenderedPrefix('/articles/x')).toBe('/articles/x');
    expect(withoutPrerenderedPrefix('/prerendered/fr/articles/x')).toBe('/prerendered/fr/articles/x');
    expect(withoutPrerenderedPrefix('/prerendered/english')).toBe('/prerendered/english');
  });
});
