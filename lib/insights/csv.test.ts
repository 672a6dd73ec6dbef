import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV', () => {
  it.each([
    ['=HYPERLINK("http://evil.test","click")', `"'=HYPERLINK(""http://evil.test"",""click"")"`],
    ['+1 555', "'+1 555"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['plain words', 'plain words'],
    ['a, b', '"a, b"'],
    ['two\nlines', '"two\nlines"'],
  ])('escapes %j against injection and for the format', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['＝HYPERLINK("http://evil.test")', `"'=HYPERLINK(""http://evil.test"")"`],
    ['＋1 555', "'+1 555"],
    ['－2＋3', "'-2+3"],
    ['＠SUM(A1)', "'@SUM(A1)"],
    ['ｆｕｌｌ－ｗｉｄｔｈ words', 'full-width words'],
  ])('normalises full-width %j (NFKC) before the formula guard', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('leaves numbers, including negative ones, as numbers; empty for null', () => {
    expect([csvCell(-3), csvCell(0.5), csvCell(null), csvCell(undefined)]).toEqual(['-3', '0.5', '', '']);
  });

  it('writes a header and CRLF-terminated rows', () => {
    expect(toCsv(['Query', 'Searches'], [['slack', 3]])).toBe('Query,Searches\r\nslack,3\r\n');
  });
});
