import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-callback';

const origin = 'http://localhost:3000';

describe('safeCallbackPath', () => {
  it.each([
    ['/troubleshoot/authorize-app?site=acme#step-2', '/troubleshoot/authorize-app?site=acme#step-2'],
    ['http://localhost:3000/admin', '/admin'],
    [undefined, '/'],
    ['', '/'],
    ['https://evil.example/phish', '/'],
    ['//evil.example/phish', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['admin', '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeCallbackPath(input, origin)).toBe(expected);
  });
});

describe('safeCallbackPath output', () => {
  // The input checks alone are not enough: URL parsing removes dot segments, so a path that starts
  // with one slash can come out starting with two (protocol-relative: another host).
  it.each([
    '/.//evil.example',
    '/..//evil.example/x',
    '/./\\evil.example',
    '/a/..//evil.example',
    '/.//evil.example?x#y',
  ])('%s never becomes a protocol-relative URL', (input) => {
    const output = safeCallbackPath(input, origin);
    expect(output.startsWith('/')).toBe(true);
    expect(output).not.toMatch(/^\/[\/\\]/);
    expect(new URL(output, origin).origin).toBe(origin);
  });

  it('keeps an ordinary path with dot segments, resolved', () => {
    expect(safeCallbackPath('/admin/./requests/../insights', origin)).toBe('/admin/insights');
  });
});
