import { describe, expect, it } from 'vitest';
import { pastedErrorKind } from './error-kind';

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
