import { describe, expect, it } from 'vitest';
import { matchesHost, parseHostPattern, siteHost, specificity, type HostPattern } from './host-pattern';

const parse = (raw: string) => {
  const parsed = parseHostPattern(raw);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
};

describe('host patterns', () => {
  it('matches an exact host, case-insensitively, and nothing else', () => {
    const acme = parse('Acme.Atlassian.net');
    expect(acme.pattern).toBe('acme.atlassian.net');
    expect(matchesHost(acme, 'acme.atlassian.net')).toBe(true);
    expect(matchesHost(acme, 'ACME.atlassian.net')).toBe(true);
    expect(matchesHost(acme, 'acme2.atlassian.net')).toBe(false);
    expect(matchesHost(acme, 'eu.acme.atlassian.net')).toBe(false);
  });

  it('lets a leading *. stand for one or more labels, never for none', () => {
    const all = parse('*.atlassian.net');
    expect(matchesHost(all, 'acme.atlassian.net')).toBe(true);
    expect(matchesHost(all, 'eu.acme.atlassian.net')).toBe(true);
    expect(matchesHost(all, 'atlassian.net')).toBe(false);
    expect(matchesHost(all, 'evilatlassian.net')).toBe(false);
  });

  it('refuses what is not a host pattern, or too broad to be meant', () => {
    for (const bad of [
      '',
      '*',
      '*.net',
      'acme',
      'acme.atlassian.net/path',
      'ac me.atlassian.net',
      'a*.atlassian.net',
      'acme..net',
      '-acme.atlassian.net',
      'x.atlassian.net\r\nBcc: a@b.c',
    ]) {
      expect(parseHostPattern(bad), bad).toHaveProperty('error');
    }
  });

  it('ranks an exact host above any wildcard, and a longer suffix above a shorter', () => {
    const ranked = ['*.example.com', 'jira.eu.example.com', '*.eu.example.com']
      .map(parse)
      .sort((a: HostPattern, b: HostPattern) => specificity(b) - specificity(a))
      .map((p) => p.pattern);
    expect(ranked).toEqual(['jira.eu.example.com', '*.eu.example.com', '*.example.com']);
  });

  it('reads the host of a site URL', () => {
    expect(siteHost('https://Acme.atlassian.net/')).toBe('acme.atlassian.net');
    expect(siteHost('not a url')).toBeNull();
  });
});
