import { describe, expect, it } from 'vitest';
import { pathInLocale, splitLocalePath } from './paths';

describe('splitLocalePath', () => {
  it('takes a German or Japanese prefix off and says which it was', () => {
    expect(splitLocalePath('/de/articles/revoke-an-app')).toEqual({
      locale: 'de',
      path: '/articles/revoke-an-app',
    });
    expect(splitLocalePath('/ja')).toEqual({ locale: 'ja', path: '/' });
    expect(splitLocalePath('/ja?q=x')).toEqual({ locale: 'ja', path: '/?q=x' });
  });

  it('leaves English and paths that only look like a prefix alone', () => {
    expect(splitLocalePath('/articles/x')).toEqual({ locale: 'en', path: '/articles/x' });
    expect(splitLocalePath('/de-facto/page')).toEqual({ locale: 'en', path: '/de-facto/page' });
    expect(splitLocalePath('/fr/articles/x')).toEqual({ locale: 'en', path: '/fr/articles/x' });
  });
});

describe('pathInLocale', () => {
  it("gives a form's or link's address in the reader's language, whatever prefix it had", () => {
    expect(pathInLocale('de', '/troubleshoot/authorize-app')).toBe('/de/troubleshoot/authorize-app');
    expect(pathInLocale('ja', '/de/search?q=app')).toBe('/ja/search?q=app');
    expect(pathInLocale('en', '/ja/troubleshoot/authorize-url')).toBe('/troubleshoot/authorize-url');
    expect(pathInLocale('de', '/?q=1')).toBe('/de?q=1');
  });
});
