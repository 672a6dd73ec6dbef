import { createNavigation } from 'next-intl/navigation';
import { withoutPrerenderedPrefix } from './locales';
import { routing } from './routing';

const navigation = createNavigation(routing);

/** Links, redirects and the current path that keep the reader's language (next-intl). */
export const { Link, redirect, useRouter, getPathname } = navigation;

/**
 * The current path without its language prefix. A page prerendered at build time is rendered at
 * its route (`/prerendered/<locale>/...`), not at the address readers use, so that prefix is
 * removed too: otherwise the HTML of the language links would point at the internal route.
 */
export function usePathname(): string {
  return withoutPrerenderedPrefix(navigation.usePathname());
}
