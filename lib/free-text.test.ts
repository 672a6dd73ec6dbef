import { describe, expect, it } from 'vitest';
import { cleanFreeText, freeTextSchema, singleLine } from './free-text';

describe('free text', () => {
  it('keeps line breaks and tabs, drops NUL and other control characters, trims', () => {
    expect(cleanFreeText('  a\u0000b\u0007c\u001bd\u007fe\u0085f\r\nline\rtwo\tend  ')).toBe(
      'abcdef\nline\ntwo\tend',
    );
  });

  it('replaces lone surrogates and keeps pairs', () => {
    expect(cleanFreeText('a\uD800b😀')).toBe('a\uFFFDb😀');
  });

  it('makes a name one line: breaks, tabs and controls become one space', () => {
    expect(singleLine('Nora\r\nBcc: victim@evil.test\u2028x\t\u0000y')).toBe(
      'Nora Bcc: victim@evil.test x y',
    );
  });

  it('the schema counts the length as sent and reads nothing left as absent', () => {
    expect(freeTextSchema(5).safeParse('abcdef').success).toBe(false);
    expect(freeTextSchema(5).parse(' \u0000 ')).toBeUndefined();
  });
});
