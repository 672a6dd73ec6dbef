import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseHostPattern } from './host-pattern';

// The one place that reads process.env: everything else asks getConfig(), so a bad variable
// fails once, early, with its name in the message.

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

// An entry with an '@' is an e-mail address: one '@' with something on each side, no spaces or
// brackets. Anything else is an Atlassian account id ("5b10ac8d82e05b22cc7d4ef5", "712020:6e0c…"):
// letters, digits, ':', '-' and '_'. A display name or a typo such as "ada@" fails at start, rather
// than silently never matching anyone.
export const EMAIL_ENTRY = /^[^\s@<>"]+@[^\s@<>"]+$/;
const ACCOUNT_ID_ENTRY = /^[A-Za-z0-9][A-Za-z0-9:_-]{0,127}$/;

/**
 * People the operator lets see insights without administering an organisation
 * (GREENLIGHT_INSIGHTS_VIEWERS): Atlassian's 3LO APIs cannot report org admins, so with Atlassian
 * sign-in nobody would otherwise see them. lib/auth/policy.ts decides what being listed opens.
 */
export interface InsightsViewerList {
  /** Matched against the viewer's e-mail, case-insensitively. */
  emails: readonly string[];
  /** Matched against the viewer's Atlassian account id, exactly. */
  accountIds: readonly string[];
}

/** Comma-separated e-mail addresses and account ids; blanks and surrounding spaces are ignored. */
const insightsViewerList = z
  .string()
  .optional()
  .transform((raw) =>
    (raw ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .superRefine((entries, ctx) => {
    for (const entry of entries) {
      const valid = entry.includes('@') ? EMAIL_ENTRY.test(entry) : ACCOUNT_ID_ENTRY.test(entry);
      if (!valid)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `"${entry}" is neither an e-mail address nor an Atlassian account id`,
        });
    }
  })
  .transform((entries): InsightsViewerList => ({
    emails: entries.filter((entry) => entry.includes('@')).map((entry) => entry.toLowerCase()),
    accountIds: entries.filter((entry) => !entry.includes('@')),
  }));

/** A deployment-wide route for requests on sites whose admins Greenlight does not know. */
export interface FallbackRouteConfig {
  pattern: string;
  /** Lower-case e-mail addresses (admins, or a help-desk address). */
  addresses: readonly string[];
}

/**
 * GREENLIGHT_FALLBACK_ADMINS: routes separated by ";", each `pattern=address,address`, e.g.
 * `acme.atlassian.net=ada@acme.com,it@acme.com; *.atlassian.net=helpdesk@example.com`. Every
 * pattern and address is checked at start: a typo must not route requests nowhere.
 */
const fallbackAdmins = z
  .string()
  .optional()
  .transform((raw, ctx): FallbackRouteConfig[] => {
    const routes: FallbackRouteConfig[] = [];
    for (const entry of (raw ?? '').split(';').map((part) => part.trim())) {
      if (entry === '') continue;
      const equals = entry.indexOf('=');
      if (equals < 0) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `"${entry}" must be pattern=address[,address] (e.g. *.atlassian.net=helpdesk@example.com)`,
        });
        continue;
      }
      const pattern = parseHostPattern(entry.slice(0, equals));
      if ('error' in pattern) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: pattern.error });
        continue;
      }
      const addresses = entry
        .slice(equals + 1)
        .split(',')
        .map((address) => address.trim().toLowerCase())
        .filter((address) => address !== '');
      const bad = addresses.filter((address) => !EMAIL_ENTRY.test(address));
      if (!addresses.length || bad.length) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: bad.length
            ? `${bad.map((address) => `"${address}"`).join(', ')} in the route for ${pattern.pattern} is not an e-mail address`
            : `the route for ${pattern.pattern} names no e-mail address`,
        });
        continue;
      }
      if (routes.some((route) => route.pattern === pattern.pattern)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${pattern.pattern} is routed twice` });
        continue;
      }
      routes.push({ pattern: pattern.pattern, addresses: [...new Set(addresses)] });
    }
    return routes;
  });

/** One entry of GREENLIGHT_ENCRYPTION_KEY: a short id stored beside each ciphertext, and the key. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** `id:base64,id:base64`: the first entry encrypts, all of them decrypt. */
const encryptionKeyring = z
  .string()
  .optional()
  .transform((raw, ctx): EncryptionKey[] => {
    const entries = (raw ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    const keys: EncryptionKey[] = [];
    for (const entry of entries) {
      const colon = entry.indexOf(':');
      const id = colon > 0 ? entry.slice(0, colon) : '';
      const key = Buffer.from(colon > 0 ? entry.slice(colon + 1) : '', 'base64');
      // Never echo the entry: it is a secret.
      if (!KEY_ID.test(id) || key.length !== 32 || keys.some((k) => k.id === id)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `entry ${keys.length + 1} must be "id:<32 bytes in base64>" with a unique id of letters, digits, "-" or "_"`,
        });
        return [];
      }
      keys.push({ id, key });
    }
    return keys;
  });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: optionalString.pipe(z.string().url().optional()),
  GREENLIGHT_DATA_DIR: z.string().default('.data'),
  /**
   * Where articles, flows and featured.json are read from. Tests and tooling only: the test suites
   * point it at tests/fixtures/content, so editing the real content never breaks a mechanism test.
   */
  GREENLIGHT_CONTENT_DIR: z.string().trim().min(1).default('content'),
  /** The build folder (next.config.ts's distDir): where the server finds the prerendered pages' manifest. */
  GREENLIGHT_DIST_DIR: optionalString.transform((value) => value ?? '.next'),
  REDIS_URL: optionalString.pipe(z.string().url().optional()),
  NEXTAUTH_URL: optionalString.pipe(z.string().url().optional()),
  NEXTAUTH_SECRET: optionalString,
  GREENLIGHT_DEMO: flag,
  ATLASSIAN_CLIENT_ID: optionalString,
  ATLASSIAN_CLIENT_SECRET: optionalString,
  ATLASSIAN_AUTH_URL: z.string().url().default('https://auth.atlassian.com'),
  ATLASSIAN_API_URL: z.string().url().default('https://api.atlassian.com'),
  /** Atlassian's Organizations REST API (organization connections); tests point it at the contract server. */
  ATLASSIAN_ADMIN_API_URL: z.string().url().default('https://api.atlassian.com/admin'),
  /**
   * Keys that encrypt organization API keys at rest (AES-256-GCM): `id:base64` entries, comma
   * separated, each 32 random bytes. The first encrypts; every one decrypts (rotation).
   */
  GREENLIGHT_ENCRYPTION_KEY: encryptionKeyring,
  /** Admin rights synced from Atlassian are trusted for this long, then not until the next sync. */
  ADMIN_RIGHTS_TTL_MINUTES: positiveInt(15),
  ATLASSIAN_SCOPES: z
    .string()
    .default('read:me offline_access read:jira-work read:jira-user read:confluence-user'),
  SMTP_URL: optionalString.pipe(z.string().url().optional()),
  SMTP_FROM: z.string().default('Greenlight <greenlight@localhost>'),
  REQUEST_EXPIRY_DAYS: positiveInt(30),
  REQUEST_REMINDER_DAYS: positiveInt(3),
  /** Redis key prefix of rate-limit counters: replicas of one deployment share it, tests use their own. */
  RATE_LIMIT_PREFIX: z.string().trim().min(1).max(100).default('gl:rl'),
  /** Multiplies every rate limit's allowance. Benchmarks only: a load test from one address must not trip limits. */
  RATE_LIMIT_MULTIPLIER: positiveInt(1),
  /**
   * How many proxies in front of Greenlight append the client address to X-Forwarded-For. 0 (the
   * default) counts rate limits per socket address and ignores the header, which clients write.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Who may see insights without administering an organisation (3LO cannot report org admins). */
  GREENLIGHT_INSIGHTS_VIEWERS: insightsViewerList,
  /** Who receives requests on sites with no known admin, for the whole deployment (org admins add their own in /admin). */
  GREENLIGHT_FALLBACK_ADMINS: fallbackAdmins,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set by Next.js while it builds; nothing is signed then, so the secret may be absent. */
  NEXT_PHASE: z.string().optional(),
});

/**
 * Signs and encrypts session cookies outside production only. Public on purpose: anyone can read
 * it here, which is why production refuses to start without NEXTAUTH_SECRET.
 */
const DEV_ONLY_AUTH_SECRET = 'greenlight-dev-only-secret-never-use-in-production';
const MIN_SECRET_LENGTH = 32;

export type Config = z.infer<typeof envSchema> & {
  isProduction: boolean;
  atlassianConfigured: boolean;
  demoSignIn: boolean;
  /** NEXTAUTH_SECRET, or the public development default outside production. */
  authSecret: string;
  /**
   * Cookies (sessions with the __Secure- prefix, the visitor id) get the Secure flag when
   * NEXTAUTH_URL is https, whatever protocol the request reached the server with (a proxy may
   * terminate TLS).
   */
  secureCookies: boolean;
  /**
   * GREENLIGHT_ENCRYPTION_KEY's keys; outside production without it, one development key derived
   * from the public development secret. Empty in production without it: connecting an
   * organization is then refused (lib/organizations).
   */
  encryptionKeys: EncryptionKey[];
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (a plain object) into a Config, naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  const isProduction = values.NODE_ENV === 'production';
  const atlassianConfigured = Boolean(values.ATLASSIAN_CLIENT_ID && values.ATLASSIAN_CLIENT_SECRET);
  if (Boolean(values.ATLASSIAN_CLIENT_ID) !== Boolean(values.ATLASSIAN_CLIENT_SECRET)) {
    throw new ConfigError(
      'Invalid configuration: ATLASSIAN_CLIENT_ID and ATLASSIAN_CLIENT_SECRET must be set together',
    );
  }
  // Demo sign-in is for the embedded default and explicit demos; production with Atlassian never has it.
  const demoSignIn =
    isProduction && atlassianConfigured
      ? false
      : values.GREENLIGHT_DEMO || (!atlassianConfigured && !isProduction);
  // A route is an e-mail: without SMTP it would reach nobody while the requester is told otherwise.
  if (values.GREENLIGHT_FALLBACK_ADMINS.length && !values.SMTP_URL) {
    throw new ConfigError(
      'Invalid configuration: GREENLIGHT_FALLBACK_ADMINS e-mails requests, so SMTP_URL must be set too',
    );
  }
  const building = values.NEXT_PHASE === 'phase-production-build';
  if (isProduction && !building) {
    if (!values.NEXTAUTH_SECRET) {
      throw new ConfigError('Invalid configuration: NEXTAUTH_SECRET is required in production');
    }
    if (
      values.NEXTAUTH_SECRET.length < MIN_SECRET_LENGTH ||
      values.NEXTAUTH_SECRET === DEV_ONLY_AUTH_SECRET
    ) {
      throw new ConfigError(
        `Invalid configuration: NEXTAUTH_SECRET must be a private random string of at least ${MIN_SECRET_LENGTH} characters`,
      );
    }
    // The public URL decides the Secure flag of every cookie and the one origin state-changing
    // requests may come from; guessed from Host and X-Forwarded-* it would be the client's to say.
    if (!values.NEXTAUTH_URL) {
      throw new ConfigError(
        'Invalid configuration: NEXTAUTH_URL (the public URL, e.g. https://help.example.com) is required in production',
      );
    }
  }
  const authSecret = values.NEXTAUTH_SECRET ?? DEV_ONLY_AUTH_SECRET;
  const secureCookies = values.NEXTAUTH_URL?.startsWith('https://') ?? false;
  const encryptionKeys =
    values.GREENLIGHT_ENCRYPTION_KEY.length > 0 || isProduction
      ? values.GREENLIGHT_ENCRYPTION_KEY
      : [{ id: 'dev', key: createHash('sha256').update(`greenlight-dev-encryption:${authSecret}`).digest() }];
  return {
    ...values,
    isProduction,
    atlassianConfigured,
    demoSignIn,
    authSecret,
    secureCookies,
    encryptionKeys,
  };
}

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Tests change the environment between cases; production reads it once. */
export function resetConfigForTests(): void {
  cached = undefined;
}
