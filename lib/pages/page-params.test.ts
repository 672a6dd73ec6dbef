import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parsePageParams } from './page-params';

const schema = z
  .object({ q: z.string().max(5).optional(), page: z.coerce.number().int().default(1) })
  .strict();

describe('parsePageParams', () => {
  it('reads a repeated parameter as its first value, never as an array', () => {
    expect(parsePageParams(schema, { q: ['a', 'b'] })).toEqual({ ok: true, params: { q: 'a', page: 1 } });
  });

  it('treats an empty parameter as absent and ignores parameters the page does not know', () => {
    expect(parsePageParams(schema, { q: '', utm_source: 'mail', page: '2' })).toEqual({
      ok: true,
      params: { page: 2 },
    });
  });

  it('sees through refinements to the keys of the object underneath', () => {
    const refined = schema.superRefine(() => undefined);
    expect(parsePageParams(refined, { q: 'x', other: 'y' })).toEqual({
      ok: true,
      params: { q: 'x', page: 1 },
    });
  });

  it('names the first problem instead of throwing', () => {
    expect(parsePageParams(schema, { q: 'too long' })).toEqual({
      ok: false,
      issue: { path: 'q', message: expect.stringContaining('5') },
    });
  });
});
