import { describe, expect, it } from 'vitest';
import { troubleshooterUrlFor } from './troubleshooter-links';

const params = (url: string | undefined) =>
  new URL(url ?? 'missing:', 'https://greenlight.test').searchParams;

describe('troubleshooterUrlFor', () => {
  it('gives the site-admin error its site and nothing of the paste', () => {
    const url = troubleshooterUrlFor(
      { slug: 'site-admin-must-authorize-app', captures: { site: 'acme.atlassian.net' } },
      'my secret paste',
    );
    expect(url).toBe('/troubleshoot/authorize-app?site=acme.atlassian.net');
  });

  it('hands the wizard the pasted IP refusal, so it can open that branch itself', () => {
    const pasted = '  The IP address has been rejected because it is not on the allowed list.  ';
    const url = troubleshooterUrlFor(
      { slug: 'ip-address-rejected-not-on-allowed-list', captures: {} },
      pasted,
    );
    expect(url).toMatch(/^\/troubleshoot\/authorize-app\?/);
    expect(params(url).get('error')).toBe(pasted.trim());
  });

  it('bounds the error it passes on to what the wizard reads', () => {
    const url = troubleshooterUrlFor(
      { slug: 'app-has-no-access-to-the-product', captures: { product: 'Jira' } },
      `This app requires access to a Jira site which you don't have ${'x'.repeat(5000)}`,
    );
    expect(params(url).get('error')).toHaveLength(2000);
  });

  it('has no troubleshooter for other articles', () => {
    expect(
      troubleshooterUrlFor({ slug: 'rotating-refresh-tokens', captures: {} }, 'anything'),
    ).toBeUndefined();
  });
});
