import { describe, expect, it } from 'vitest';
import { installationFacts, isAppInstallation } from './app-install-events';

describe('isAppInstallation', () => {
  it('reads installs, not uninstalls or unrelated actions', () => {
    expect(isAppInstallation('app_installed')).toBe(true);
    expect(isAppInstallation('ecosystem.app.installed')).toBe(true);
    expect(isAppInstallation('app_uninstalled')).toBe(false);
    expect(isAppInstallation('user_added_to_group')).toBe(false);
  });
});

describe('installationFacts', () => {
  it('collects the app by id, client id and name, and the site by cloud id and host', () => {
    const facts = installationFacts({
      id: 'e1',
      attributes: {
        time: '2026-12-05T06:00:00Z',
        action: 'app_installed',
        context: [{ id: 'app-42', type: 'app', attributes: { name: 'Timesheets Pro', clientId: 'cid-1' } }],
        container: [{ id: 'cloud-1', type: 'sites', attributes: { siteHostName: 'acme.atlassian.net' } }],
      },
    });
    expect(facts).toEqual({
      appIds: ['app-42', 'cid-1'],
      appNames: ['timesheets pro'],
      siteIds: ['cloud-1'],
      siteHosts: ['acme.atlassian.net'],
    });
  });
});
