import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable';

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a connect timeout', new Error('timeout exceeded when trying to connect')],
    ['a silent database (pg query_timeout)', new Error('Query read timeout')],
    ['a database shutting down', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    [
      'a wrapped cause (drizzle)',
      new Error('Failed query: select 1', { cause: new Error('Connection terminated unexpectedly') }),
    ],
  ])('recognises %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('does not excuse a bug in a query', () => {
    expect(
      isDatabaseUnavailable(Object.assign(new Error('syntax error at or near "selec"'), { code: '42601' })),
    ).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('undefined is not a function'))).toBe(false);
  });
});
