// The message a member sends (or copies) to ask a site admin to authorize an app.

export function requestMessage({
  site,
  app,
  error,
}: {
  site?: string;
  app?: string;
  error?: string;
}): string {
  return [
    `Hi, could you authorize ${app ?? 'an app'} for ${site ?? 'our Atlassian site'}?`,
    '',
    'When I connect it, Atlassian shows:',
    `"${error ?? `Your site admin must authorize this app for the site ${site ?? '<site>'} before the app can access your account.`}"`,
    '',
    `Site: ${site ?? '(unknown)'}`,
    `App: ${app ?? '(unknown)'}`,
    '',
    'A site or organization admin can do it in Atlassian Administration: Apps → Sites → the site → Connected apps.',
    'Thank you!',
  ].join('\n');
}
