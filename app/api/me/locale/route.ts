// PUT /api/me/locale { locale } – the language Greenlight uses for the caller's e-mails and notifications.
import { setUserLocale, setUserLocaleInput } from '@/lib/auth/user-locale';
import { parseJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const PUT = defineRoute(
  { name: 'me-locale', access: 'signed-in', rateLimit: 'change' },
  async ({ request, db, viewer }) => {
    const { locale } = await parseJsonBody(request, setUserLocaleInput);
    return json({ locale: await setUserLocale(db, viewer.userId, locale) });
  },
);
