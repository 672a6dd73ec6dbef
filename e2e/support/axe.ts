import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Axe on the page as it is, in the light scheme and then the dark one. The scheme is a media
 * query, so switching it restyles the loaded page: one load (and sign-in) serves both runs.
 */
export async function expectNoAxeViolationsInBothSchemes(page: Page): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      `axe in the ${scheme} scheme`,
    ).toEqual([]);
  }
}
