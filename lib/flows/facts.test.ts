import { describe, expect, it } from 'vitest';
import { checkResultsFrom, templateValuesFrom, type TroubleshootFacts } from './facts';
import { readWizardInputs } from './inputs';

const acme = {
  id: 'site-acme',
  cloudId: 'cloud-1',
  name: 'acme',
  url: 'https://acme.atlassian.net',
  role: 'user' as const,
};
const docuflow = {
  id: 'app-docuflow',
  name: 'DocuFlow',
  scopes: ['read:jira-work'],
  status: 'not-authorized' as const,
};
const nora: TroubleshootFacts = {
  viewer: { email: 'nora@acme.test', name: 'Nora' },
  sites: [acme],
  apps: [docuflow],
};
const inputs = readWizardInputs({ site: 'acme.atlassian.net', app: 'docuflow' });

describe('checkResultsFrom', () => {
  it('answers every check for a signed-in member', () => {
    expect(checkResultsFrom(inputs, nora)).toEqual({
      'signed-in': { answer: 'yes' },
      'member-of-site': { answer: 'yes' },
      'site-admin': { answer: 'no' },
      'admin-to-confirm': { answer: 'no' },
      'app-authorized': { answer: 'no' },
      'open-request-exists': { answer: 'no' },
      'error-ip-rejected': { answer: 'no' },
      'error-no-product-access': { answer: 'no' },
    });
  });

  it('reads what the pasted error says, for visitors signed in or not', () => {
    const ip = readWizardInputs({
      error:
        'The IP address has been rejected because it is not on the allowed list. See your admin for more information.',
    });
    expect(checkResultsFrom(ip, { viewer: null })).toMatchObject({
      'error-ip-rejected': { answer: 'yes' },
      'error-no-product-access': { answer: 'no' },
    });
    const product = readWizardInputs({
      error:
        "Access denied. This app requires access to a Jira site which you don't have or don't have the permission to access.",
    });
    expect(checkResultsFrom(product, nora)).toMatchObject({
      'error-ip-rejected': { answer: 'no' },
      'error-no-product-access': { answer: 'yes' },
    });
  });

  it.each([
    ['product-admin', 'no', 'yes'],
    ['app-admin', 'no', 'yes'],
    ['site-admin', 'yes', 'no'],
    ['user-access-admin', 'no', 'no'],
    ['guest', 'no', 'no'],
  ] as const)('treats a %s as site admin: %s, to be asked: %s', (role, siteAdmin, toConfirm) => {
    const results = checkResultsFrom(inputs, { ...nora, sites: [{ ...acme, role }] });
    expect(results['site-admin']).toEqual({ answer: siteAdmin });
    expect(results['admin-to-confirm']).toEqual({ answer: toConfirm });
  });

  it('sees an admin, an authorized app and an open request', () => {
    const facts = {
      ...nora,
      sites: [{ ...acme, role: 'site-admin' as const }],
      apps: [{ ...docuflow, status: 'authorized' as const, request: { id: 'r', status: 'open' as const } }],
    };
    expect(checkResultsFrom(inputs, facts)).toMatchObject({
      'site-admin': { answer: 'yes' },
      'app-authorized': { answer: 'yes' },
      'open-request-exists': { answer: 'yes' },
    });
  });

  it('says no to membership on a site the account does not have', () => {
    expect(
      checkResultsFrom(readWizardInputs({ site: 'globex.atlassian.net' }), nora)['member-of-site'],
    ).toEqual({ answer: 'no' });
  });

  it('cannot answer for an anonymous visitor, a missing site, a failing directory or an unknown app', () => {
    expect(checkResultsFrom(inputs, { viewer: null })['member-of-site']).toEqual({
      unavailable: { code: 'signed-out' },
    });
    expect(checkResultsFrom(readWizardInputs({}), nora)['site-admin']).toEqual({
      unavailable: { code: 'site-not-given' },
    });
    expect(
      checkResultsFrom(inputs, {
        ...nora,
        sites: undefined,
        sitesUnavailable: { code: 'atlassian-timeout' },
      })['member-of-site'],
    ).toEqual({
      unavailable: { code: 'atlassian-timeout' },
    });
    expect(checkResultsFrom(readWizardInputs({ site: 'acme', app: 'Nope' }), nora)['app-authorized']).toEqual(
      { unavailable: { code: 'app-unknown', app: 'Nope', site: 'acme.atlassian.net' } },
    );
  });

  it('fills placeholders from what the server knows', () => {
    expect(templateValuesFrom(inputs, nora)).toEqual({
      site: 'acme.atlassian.net',
      siteName: 'acme',
      cloudId: 'cloud-1',
      app: 'DocuFlow',
      email: 'nora@acme.test',
    });
  });

  it('fills the products and the IP address from the pasted error', () => {
    const pasted = readWizardInputs({
      error:
        '198.51.100.7 - Access denied. This app requires access to a Confluence site which you don’t have or don’t have the permission to access.',
    });
    expect(templateValuesFrom(pasted, { viewer: null })).toMatchObject({
      product: 'Confluence',
      ip: '198.51.100.7',
    });
  });
});

describe('readWizardInputs', () => {
  it('takes the site from the error when the site parameter is absent', () => {
    const read = readWizardInputs({
      error:
        'Your site admin must authorize this app for the site acme.atlassian.net before the app can access your account.',
    });
    expect(read).toMatchObject({ site: 'acme.atlassian.net', siteFromError: true });
  });

  it('keeps only well-formed ids in the path', () => {
    expect(readWizardInputs({ path: 'ask-role,<script>,contact-admin' }).path).toEqual([
      'ask-role',
      'contact-admin',
    ]);
  });
});
