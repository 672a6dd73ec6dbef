import { describe, expect, it } from 'vitest';
import { ipFromError, pastedErrorKind, productsFromError } from './error-kind';

describe('pastedErrorKind', () => {
  it('recognises the IP allowlist refusal, also inside a JSON body', () => {
    expect(
      pastedErrorKind(
        '{"errorMessages":["The IP address has been rejected because it is not on the allowed list. See your admin for more information."],"errors":{}}',
      ),
    ).toBe('ip-rejected');
  });

  it('recognises the missing-product message with any product list and either apostrophe', () => {
    expect(
      pastedErrorKind(
        'Access denied. This app requires access to a Jira & Jira & User identity & Jira Service Management site which you don’t have or don’t have the permission to access.',
      ),
    ).toBe('no-product-access');
    expect(pastedErrorKind("This app requires access to a Confluence site which you don't have")).toBe(
      'no-product-access',
    );
  });

  it('leaves the site-admin error and empty input alone', () => {
    expect(
      pastedErrorKind(
        'Your site admin must authorize this app for the site acme.atlassian.net before the app can access your account.',
      ),
    ).toBeUndefined();
    expect(pastedErrorKind('')).toBeUndefined();
    expect(pastedErrorKind(undefined)).toBeUndefined();
  });
});

describe('productsFromError and ipFromError', () => {
  it('reads the product list out of the missing-product message', () => {
    expect(
      productsFromError(
        'Access denied. This app requires access to a Jira & Jira Service Management site which you don’t have.',
      ),
    ).toBe('Jira & Jira Service Management');
    expect(productsFromError('The IP address has been rejected')).toBeUndefined();
  });

  it('finds an IPv4 or IPv6 address pasted around the refusal, and nothing that only looks like one', () => {
    expect(
      ipFromError(
        '403 from 203.0.113.42: The IP address has been rejected because it is not on the allowed list.',
      ),
    ).toBe('203.0.113.42');
    expect(ipFromError('client 2001:db8::7 got: The IP address has been rejected')).toBe('2001:db8::7');
    expect(ipFromError('version 1.2.3.400 at 10:30:15')).toBeUndefined();
    expect(
      ipFromError('The IP address has been rejected because it is not on the allowed list.'),
    ).toBeUndefined();
  });
});
