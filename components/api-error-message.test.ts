import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import { ApiError } from './api-client';
import { apiErrorMessageKey } from './api-error-message';

describe('apiErrorMessageKey', () => {
  it('names the message of a code people can act on, whatever the server wrote', () => {
    const refused = new ApiError(400, 'org_api_key_invalid', 'Atlassian did not accept … (reading roles).');
    expect(apiErrorMessageKey(refused, 'Errors.connectFailed')).toBe('Errors.org_api_key_invalid');
    expect(apiErrorMessageKey(new ApiError(0, 'network_error', 'offline'), 'Errors.changeFailed')).toBe(
      'Errors.network_error',
    );
    expect(apiErrorMessageKey(new ApiError(504, 'atlassian_timeout', 'x'), 'Errors.changeFailed')).toBe(
      'Errors.atlassian_unavailable',
    );
  });

  it('falls back to what the action was for an unknown code or a failure that is no ApiError', () => {
    expect(apiErrorMessageKey(new ApiError(418, 'teapot', 'short and stout'), 'Errors.changeFailed')).toBe(
      'Errors.changeFailed',
    );
    expect(apiErrorMessageKey(new ApiError(500, 'toString', 'x'), 'Errors.changeFailed')).toBe(
      'Errors.changeFailed',
    );
    expect(apiErrorMessageKey(new TypeError('boom'), 'Errors.actionFailed')).toBe('Errors.actionFailed');
  });

  it('every key it can name has a message in the catalogs', () => {
    const codes = [
      'network_error',
      'unauthorized',
      'session_expired',
      'forbidden',
      'not_site_admin',
      'cross_site_request',
      'not_found',
      'invalid_input',
      'bad_request',
      'conflict',
      'rate_limited',
      'email_not_configured',
      'encryption_key_missing',
      'org_api_key_invalid',
      'org_api_forbidden',
      'org_api_org_not_found',
      'atlassian_timeout',
      'atlassian_unavailable',
      'atlassian_rate_limited',
      'database_unavailable',
      'internal_error',
    ];
    const inGerman = createTranslator({ locale: 'de', messages: de } as never) as (key: string) => string;
    const inEnglish = createTranslator({ locale: 'en', messages: en } as never) as (key: string) => string;
    for (const code of codes) {
      const key = apiErrorMessageKey(new ApiError(400, code, 'x'), 'Errors.changeFailed');
      expect(key).not.toBe('Errors.changeFailed');
      expect(inGerman(key)).not.toBe(inEnglish(key));
    }
    expect(inGerman('Errors.not_site_admin')).toBe('Das darf nur ein Site-Admin dieser Site.');
  });
});
