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
