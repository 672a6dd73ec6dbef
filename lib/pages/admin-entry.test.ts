import { describe, expect, it } from 'vitest';
import { adminEntryFrom } from './admin-entry';

describe('adminEntryFrom', () => {
  it('leads site admins to the console, whatever else they may see', () => {
    expect(adminEntryFrom({ administersSites: true, seesInsights: true })).toEqual({
      href: '/admin',
      label: 'Admin',
    });
    expect(adminEntryFrom({ administersSites: true, seesInsights: false })).toEqual({
      href: '/admin',
      label: 'Admin',
    });
  });

  it('leads someone who may only see insights to insights', () => {
    expect(adminEntryFrom({ administersSites: false, seesInsights: true })).toEqual({
      href: '/admin/insights',
      label: 'Insights',
    });
  });

  it('shows nothing to everyone else', () => {
    expect(adminEntryFrom({ administersSites: false, seesInsights: false })).toBeNull();
  });
});
