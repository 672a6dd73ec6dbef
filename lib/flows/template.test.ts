import { describe, expect, it } from 'vitest';
import { fillMarkdown, fillText, type TextDefaults } from './template';

// German's words for unknown values, declined after a dative preposition (as the wizard builds them).
const dative = (nominative: string, dativeForm: string) => (before: string) =>
  /\b(?:auf|von|mit)\W*$/i.test(before) ? dativeForm : nominative;
const GERMAN: TextDefaults = {
  site: dative('Ihre Site', 'Ihrer Site'),
  siteName: dative('Ihre Site', 'Ihrer Site'),
  cloudId: dative('Ihre Site', 'Ihrer Site'),
  app: dative('die App', 'der App'),
  email: 'dieses Konto',
  product: 'ein Produkt',
  ip: 'Ihre Netzwerkadresse',
};

describe('fillText', () => {
  it('reads naturally in English when a value is unknown', () => {
    expect(fillText('Is {app} authorized on {site}?', {})).toBe('Is the app authorized on your site?');
    expect(fillText('Is {app} authorized on {site}?', { app: 'DocuFlow' })).toBe(
      'Is DocuFlow authorized on your site?',
    );
  });

  it("uses the page language's words, declined by what comes before, never English in a German sentence", () => {
    expect(fillText('Sind Sie Site-Admin von {site}?', {}, GERMAN)).toBe(
      'Sind Sie Site-Admin von Ihrer Site?',
    );
    expect(fillText('Ist {app} auf {site} schon autorisiert?', {}, GERMAN)).toBe(
      'Ist die App auf Ihrer Site schon autorisiert?',
    );
    expect(fillText('Wählen Sie **{site}** für {app}', {}, GERMAN)).toBe(
      'Wählen Sie **Ihre Site** für die App',
    );
    expect(fillMarkdown('Öffnen Sie **Apps** → **Sites** → **{site}**', {}, GERMAN)).toBe(
      'Öffnen Sie **Apps** → **Sites** → **Ihre Site**',
    );
    expect(fillText('Ist {app} auf {site} autorisiert?', { site: 'acme.atlassian.net' }, GERMAN)).toBe(
      'Ist die App auf acme.atlassian.net autorisiert?',
    );
  });
});
