import { afterEach, describe, expect, it } from 'vitest';
import { clearJobsForTests, registerJob, registeredJobs } from './registry';

const noop = async () => undefined;

describe('registerJob', () => {
  afterEach(() => clearJobsForTests());

  it('lists jobs in registration order, with the default retry limit filled in', () => {
    registerJob({ name: 'directory-sync', intervalMs: 300_000, run: noop });
    registerJob({ name: 'audit-log-poll', intervalMs: 60_000, run: noop, retryLimit: 5 });
    expect(
      registeredJobs().map(({ name, intervalMs, retryLimit }) => ({ name, intervalMs, retryLimit })),
    ).toEqual([
      { name: 'directory-sync', intervalMs: 300_000, retryLimit: 3 },
      { name: 'audit-log-poll', intervalMs: 60_000, retryLimit: 5 },
    ]);
  });

  it('replaces a job registered again under the same name (a reloaded module)', () => {
    const second = async () => undefined;
    registerJob({ name: 'directory-sync', intervalMs: 300_000, run: noop });
    registerJob({ name: 'directory-sync', intervalMs: 120_000, run: second });
    expect(registeredJobs()).toHaveLength(1);
    expect(registeredJobs()[0]).toMatchObject({ intervalMs: 120_000, run: second });
  });

  it('refuses names that cannot name a queue, and intervals too short to share', () => {
    expect(() => registerJob({ name: 'Directory Sync', intervalMs: 60_000, run: noop })).toThrow(
      /kebab-case/,
    );
    expect(() => registerJob({ name: 'sync', intervalMs: 500, run: noop })).toThrow(/at least 10000/);
    expect(() => registerJob({ name: 'sync', intervalMs: 60_000, run: noop, retryLimit: -1 })).toThrow(
      /retryLimit/,
    );
    expect(registeredJobs()).toEqual([]);
  });
});
