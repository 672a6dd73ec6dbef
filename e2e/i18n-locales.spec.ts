import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';

// Readers whose browser asks for German or Japanese: they land on Greenlight in that language,
// find the answer by searching in it, and go through the troubleshooter's non-admin branch in it,
// with no English words of the interface left on the steps. Runs on the fixture content, which has
// German and Japanese articles (app-access-rules, revoke-an-app, site-admin-must-authorize-app)
// and the non-admin branch of the flow in both languages.

const LANGUAGES = {
  de: {
    acceptLanguage: 'de-DE',
    // From bench/search/queries-de.jsonl (de-032), answered by the fixture's German article.
    query: 'Sicherheitsrichtlinie Apps',
    article: 'App-Zugriffsregeln in Datensicherheitsrichtlinien',
    heroTitle: 'Weiter trotz „Your site admin must authorize this app“',
    askRole: 'Sind Sie Site-Admin von acme.atlassian.net?',
    askRoleUnknownSite: 'Sind Sie Site-Admin von Ihrer Site?',
    notAdmin: 'Nein, ich bin kein Admin',
    askKnowAdmin: 'Wissen Sie, wer Ihr Site-Admin ist?',
    messageLabel: 'Nachricht an Ihren Site-Admin',
    messageGreeting: /könnten Sie DocuFlow für acme\.atlassian\.net autorisieren\?/,
    knowAdmin: 'Ja, ich weiß, wen ich fragen kann',
    contactAdmin: 'Schicken Sie Ihrem Site-Admin die Nachricht',
    firstStep: 'Schritt 1 von etwa 3',
    lastStep: 'Schritt 3: Ihre Antwort',
    readMore: 'Weiterlesen',
    signInAs: 'Als Nora User anmelden',
    signOut: 'Abmelden',
    requestStep: 'Einen Site-Admin von acme.atlassian.net bitten, DocuFlow zu autorisieren',
    adminsRegion: 'Site-Admins, die DocuFlow autorisieren können',
    requestAccess: 'Zugriff anfragen',
    copyMessage: 'Nachricht kopieren',
  },
  ja: {
    acceptLanguage: 'ja-JP',
    // From bench/search/queries-ja.jsonl (ja-027), answered by the fixture's Japanese article.
    query: 'データセキュリティポリシー',
    article: 'データ セキュリティ ポリシーのアプリ アクセス ルール',
    heroTitle: '「Your site admin must authorize this app」を解決する',
    askRole: 'acme.atlassian.net のサイト管理者ですか?',
    askRoleUnknownSite: 'お使いのサイト のサイト管理者ですか?',
    notAdmin: 'いいえ、管理者ではありません',
    askKnowAdmin: 'サイト管理者が誰かわかりますか?',
    messageLabel: 'サイト管理者へのメッセージ',
    messageGreeting: /acme\.atlassian\.net で DocuFlow を承認していただけないでしょうか。/,
    knowAdmin: 'はい、誰に頼めばよいかわかります',
    contactAdmin: 'サイト管理者にメッセージを送る',
    firstStep: 'ステップ 1 / 約 3',
    lastStep: 'ステップ 3: 回答',
    readMore: '関連情報',
    signInAs: 'Nora User としてサインイン',
    signOut: 'サインアウト',
    requestStep: 'acme.atlassian.net のサイト管理者に DocuFlow の承認を依頼する',
    adminsRegion: 'DocuFlow を承認できるサイト管理者',
    requestAccess: 'アクセスをリクエスト',
    copyMessage: 'メッセージをコピー',
  },
} as const;
type Language = keyof typeof LANGUAGES;

// Each journey is several pages, an axe run or two and a server render per step: more than the
// default minute on a loaded machine.
test.describe.configure({ timeout: 180_000 });

const stepHeading = (page: Page) => page.getByRole('heading', { level: 2 }).first();

async function browserIn(browser: Browser, language: Language, javaScriptEnabled = true) {
  const context = await browser.newContext({ locale: LANGUAGES[language].acceptLanguage, javaScriptEnabled });
  return context.newPage();
}

// Words of Greenlight's English interface that must not show on a German step (German shares
// "Site", "App" and the quoted Atlassian menu names with English, so those are not on the list).
const ENGLISH_UI_WORDS =
  /\b(?:the|your|you|and|with|Step|about|answer|Change|Tell|Copy|message|Continue|Next|Read more|not given|opens|Choices|Request|access|Send|Loading|Waiting|Sites? admins?|who|can)\b/;

/**
 * The words of the page's main area (screen-reader-only ones and accessible labels included), for
 * the English check. Not the message for the admin (it quotes Atlassian's English error on purpose)
 * nor article titles (content: an untranslated article is English, marked so, by design).
 */
async function mainWords(page: Page): Promise<string> {
  return page.locator('main').evaluate((main) => {
    const labels = [...main.querySelectorAll('[aria-label], [placeholder]')].map(
      (element) => `${element.getAttribute('aria-label') ?? ''} ${element.getAttribute('placeholder') ?? ''}`,
    );
    const copy = main.cloneNode(true) as HTMLElement;
    for (const skipped of copy.querySelectorAll('textarea, script, style, template, a[href*="/articles/"]'))
      skipped.remove();
    return `${copy.textContent}\n${labels.join('\n')}`;
  });
}

/** No English UI words: German by a list of English words; Japanese by any Latin word left over. */
async function expectNoEnglish(page: Page, language: Language) {
  const text = await mainWords(page);
  if (language === 'de') {
    expect(text.match(ENGLISH_UI_WORDS)?.[0], text).toBeUndefined();
    return;
  }
  const latin = text
    // Addresses, product and app names, and placeholders are not interface words.
    .replace(/https?:\/\/\S+|\S+@\S+|[\w.-]+\.(?:net|com)\b/g, ' ')
    // People's names (the site's admins) and product names.
    .replace(/\b[A-Z][a-z]+ [A-Z][a-z]+\b/g, ' ')
    .replace(/\b(?:Greenlight|Atlassian|Jira|Confluence|Marketplace|DocuFlow)\b/g, ' ')
    .match(/[A-Za-z]{3,}/g);
  expect(latin, text).toBeNull();
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

for (const language of ['de', 'ja'] as const) {
  const words = LANGUAGES[language];

  test(`${language}: the browser's language opens the help center in it, a search in it finds the article in it`, async ({
    browser,
  }) => {
    const page = await browserIn(browser, language);
    await page.goto('/');
    await expect(page).toHaveURL(new RegExp(`/${language}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.heroTitle);
    // hreflang alternates name the same page in every language, English as the default.
    const alternate = (hreflang: string) =>
      page.locator(`head link[rel="alternate"][hreflang="${hreflang}"]`);
    await expect(alternate('de')).toHaveAttribute('href', /\/de$/);
    await expect(alternate('ja')).toHaveAttribute('href', /\/ja$/);
    await expect(alternate('x-default')).toHaveAttribute('href', /^https?:\/\/[^/]+\/?$/);
    await expectNoAxeViolations(page);

    // The header's dropdown asks the search API in the page's language.
    const box = page.getByRole('banner').getByRole('combobox');
    await box.click();
    await box.fill(words.query);
    const suggestion = page.getByRole('option', { name: words.article });
    await expect(suggestion).toBeVisible();
    await suggestion.click();
    await expect(page).toHaveURL(new RegExp(`/${language}/articles/app-access-rules$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.article);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(alternate('en')).toHaveAttribute('href', /\/articles\/app-access-rules$/);
    await expect(alternate(language)).toHaveAttribute(
      'href',
      new RegExp(`/${language}/articles/app-access-rules$`),
    );
    await expectNoAxeViolations(page);

    // The home page's form keeps the language: the results page, then the article.
    await page.goto(`/${language}`);
    await page.getByRole('search').getByRole('searchbox').fill(words.query);
    await page.getByRole('search').getByRole('searchbox').press('Enter');
    await expect(page).toHaveURL(new RegExp(`/${language}/search\\?q=`));
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: words.article }).click();
    await expect(page).toHaveURL(new RegExp(`/${language}/articles/app-access-rules$`));
    await page.context().close();
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`${language}: an anonymous visitor goes through the non-admin branch by questions, all in ${language}${javaScriptEnabled ? '' : ' (no JavaScript)'}`, async ({
      browser,
    }) => {
      const page = await browserIn(browser, language, javaScriptEnabled);
      // Without a site, the step names "your site" in the page's language, declined as it must be.
      await page.goto(`/${language}/troubleshoot/authorize-app`);
      await expect(stepHeading(page)).toHaveText(words.askRoleUnknownSite);
      await expectNoEnglish(page, language);

      // The site and app through the wizard's own form, which keeps the language.
      await page.locator('#wizard-site').fill('acme.atlassian.net');
      await page.locator('#wizard-app').fill('DocuFlow');
      await page.locator('#wizard-site').press('Enter');
      await expect(page).toHaveURL(new RegExp(`/${language}/troubleshoot/authorize-app\\?`));
      await expect(stepHeading(page)).toHaveText(words.askRole);
      await expect(page.getByText(words.firstStep)).toBeVisible();
      await expectNoEnglish(page, language);
      if (javaScriptEnabled) await expectNoAxeViolations(page);

      await page.getByRole('link', { name: words.notAdmin }).click();
      await expect(stepHeading(page)).toHaveText(words.askKnowAdmin);
      const message = page.getByRole('textbox', { name: words.messageLabel });
      await expect(message).toHaveValue(words.messageGreeting);
      await expectNoEnglish(page, language);

      await page.getByRole('link', { name: words.knowAdmin }).click();
      await expect(stepHeading(page)).toHaveText(words.contactAdmin);
      await expect(page.getByText(words.lastStep)).toBeVisible();
      await expect(
        page.getByRole('region', { name: words.readMore }).getByRole('link').first(),
      ).toBeVisible();
      await expectNoEnglish(page, language);
      await page.context().close();
    });
  }

  test(`${language}: signed in as a non-admin, the request step is in ${language}`, async ({ browser }) => {
    const page = await browserIn(browser, language);
    await page.goto(`/${language}/signin`);
    await page.getByRole('button', { name: new RegExp(words.signInAs) }).click();
    await expect(page.getByRole('banner').getByRole('button', { name: words.signOut })).toBeVisible();
    // Sign-in came back to the home page in the reader's language.
    await expect(page).toHaveURL(new RegExp(`/${language}$`));

    await page.goto(`/${language}/troubleshoot/authorize-app?site=acme.atlassian.net&app=DocuFlow`);
    await expect(stepHeading(page)).toHaveText(words.requestStep);
    await expect(page.getByRole('region', { name: words.adminsRegion })).toBeVisible();
    const requestAccess = page.getByRole('button', { name: words.requestAccess });
    const copy = page.getByRole('button', { name: words.copyMessage });
    await expect(requestAccess).toBeVisible();
    await expect(copy).toBeVisible();
    // The admins' list loads after the page: wait for it before reading the words.
    await expect(
      page.getByRole('region', { name: words.adminsRegion }).getByRole('link').first(),
    ).toBeVisible();
    await expectNoEnglish(page, language);
    await page.context().close();
  });
}

test('an English browser stays on the unprefixed English pages, which name their translations', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/articles/revoke-an-app');
  await expect(page).toHaveURL(/\/articles\/revoke-an-app$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('head link[rel="alternate"][hreflang="de"]')).toHaveAttribute(
    'href',
    /\/de\/articles\/revoke-an-app$/,
  );
  await expect(page.locator('head link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute(
    'href',
    /[^/]\/articles\/revoke-an-app$/,
  );
  await context.close();
});
