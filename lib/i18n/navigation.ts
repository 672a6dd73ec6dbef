import { createNavigation } from 'next-intl/navigation';
import { routing } from './routing';

/** Links, redirects and the current path that keep the reader's language (next-intl). */
export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
