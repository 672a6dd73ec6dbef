import { describe, expect, it } from 'vitest';
import { createLogger, scrubPersonalData, withRequestId } from './log';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('info', {
    write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  return { logger, lines };
}

describe('log lines', () => {
  it('carry the request id of the request being handled, across awaits', async () => {
    const { logger, lines } = capture();
    await withRequestId('req-1', async () => {
      logger.info('before');
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.child({ route: 'search' }).warn('after');
    });
    logger.info('outside');
    expect(lines.map((line) => line.requestId)).toEqual(['req-1', 'req-1', undefined]);
    expect(lines[1]).toMatchObject({ route: 'search', msg: 'after' });
  });

  it('keep concurrent requests apart', async () => {
    const { logger, lines } = capture();
    const handle = (id: string, delay: number) =>
      withRequestId(id, async () => {
        await new Promise((resolve) => setTimeout(resolve, delay));
        logger.info(id);
      });
    await Promise.all([handle('slow', 5), handle('fast', 0)]);
    expect(lines.map((line) => [line.msg, line.requestId])).toEqual([
      ['fast', 'fast'],
      ['slow', 'slow'],
    ]);
  });

  it('drop personal data and secrets', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        email: 'ada@acme.test',
        user: { email: 'ada@acme.test', id: 'user-ada' },
        query: 'ada@acme.test cannot open jira',
        token: 'secret-token',
        session: { accessToken: 'a', refreshToken: 'r' },
        headers: { cookie: 'next-auth.session-token=x', authorization: 'Bearer y', accept: 'text/html' },
      },
      'signed in',
    );
    const line = JSON.stringify(lines[0]);
    for (const secret of [
      'ada@acme.test',
      'secret-token',
      'next-auth.session-token',
      'Bearer',
      '"a"',
      '"r"',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ user: { id: 'user-ada' }, headers: { accept: 'text/html' } });
  });

  it('scrub e-mail addresses and SQL parameters out of logged errors', () => {
    const { logger, lines } = capture();
    const error = Object.assign(
      new Error('Failed query: select * from users where email = $1\nparams: nora@acme.test'),
      {
        code: '23505',
        detail: 'Key (email)=(nora@acme.test) already exists.',
      },
    );
    logger.error({ err: error }, 'unexpected error');
    const line = JSON.stringify(lines[0]);
    expect(line).not.toContain('nora@acme.test');
    expect(lines[0]).toMatchObject({
      err: { type: 'Error', code: '23505', message: expect.stringContaining('params: [redacted]') },
    });
  });
});

describe('scrubPersonalData', () => {
  it('replaces e-mail addresses and keeps the rest', () => {
    expect(scrubPersonalData('no site for sam@acme.test on acme.atlassian.net')).toBe(
      'no site for [email] on acme.atlassian.net',
    );
  });
});
