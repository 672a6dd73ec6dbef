import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The languages a person's locale and a request message's language may be: lib/i18n's LOCALES,
 * repeated because this adapter imports no other lib folder (schema-locales.test.ts keeps them equal).
 */
export const STORED_LOCALES = ['en', 'de', 'ja'] as const;

/** One vote per visitor per article: a second vote replaces the first (unique index). */
export const articleFeedback = pgTable(
  'article_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleSlug: text('article_slug').notNull(),
    visitorId: text('visitor_id').notNull(),
    helpful: boolean('helpful').notNull(),
    reason: text('reason'),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('article_feedback_visitor_article').on(table.articleSlug, table.visitorId),
    index('article_feedback_created').on(table.createdAt),
  ],
);

// ---------------------------------------------------------------------------------------------
// Site directory: organisations, sites, people and their roles. In Atlassian mode the rows are
// upserted from Atlassian's APIs after sign-in, so admin lists and the policy read one place.
// ---------------------------------------------------------------------------------------------

/**
 * A person's role on one site, as Atlassian names them (org admins are kept in organization_admins).
 * `product-admin` is what 3LO can see (Jira ADMINISTER / Confluence administer): it is not proof of
 * site admin, so it never grants Greenlight's admin rights by itself.
 */
export const SITE_ROLES = [
  'user',
  'guest',
  'product-admin',
  'app-admin',
  'user-access-admin',
  'site-admin',
] as const;
/**
 * Where a role came from: the local directory (embedded default and demo), a 3LO product permission,
 * the organisation's Admin API role assignments, or the person's own confirmation on a product admin.
 */
export const ROLE_SOURCES = ['directory', 'product-permission', 'admin-api', 'self-confirmed'] as const;
export const APP_STATUSES = ['authorized', 'not-authorized'] as const;
export const ACCESS_REQUEST_STATUSES = ['open', 'approved', 'denied', 'withdrawn', 'expired'] as const;
/** Whom a new request reached: the site's admins, only an operator-set fallback route, or nobody. */
export const REQUEST_REACH = ['admins', 'fallback', 'nobody'] as const;
export const FLOW_EVENT_KINDS = ['node_shown', 'choice_made', 'outcome_reached'] as const;

export const organizations = pgTable('organizations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sites = pgTable(
  'sites',
  {
    id: text('id').primaryKey(),
    cloudId: text('cloud_id').notNull(),
    /** Atlassian 3LO cannot tell which organisation a site belongs to, so it may be unknown. */
    organizationId: text('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    url: text('url').notNull(),
    products: text('products')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('sites_cloud_id').on(table.cloudId),
    index('sites_organization').on(table.organizationId),
  ],
);

export const users = pgTable(
  'users',
  {
    id: text('id')
      .primaryKey()
      .default(sql`gen_random_uuid()::text`),
    accountId: text('account_id').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /**
     * The language Greenlight speaks to this person where no page decides it (e-mails, the bell):
     * the one they browsed in when they last signed in or chose with the language switcher.
     */
    locale: text('locale', { enum: STORED_LOCALES }).notNull().default('en'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('users_account_id').on(table.accountId),
    index('users_email').on(sql`lower(${table.email})`),
  ],
);

export const siteMemberships = pgTable(
  'site_memberships',
  {
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: SITE_ROLES }).notNull(),
    roleSource: text('role_source', { enum: ROLE_SOURCES }).notNull().default('directory'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.siteId, table.userId] }),
    index('site_memberships_user').on(table.userId),
    check(
      'site_memberships_role',
      sql`${table.role} in ('user', 'guest', 'product-admin', 'app-admin', 'user-access-admin', 'site-admin')`,
    ),
    check(
      'site_memberships_role_source',
      sql`${table.roleSource} in ('directory', 'product-permission', 'admin-api', 'self-confirmed')`,
    ),
  ],
);

/** An org admin administers every site of the organisation, present and future. */
export const organizationAdmins = pgTable(
  'organization_admins',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roleSource: text('role_source', { enum: ROLE_SOURCES }).notNull().default('directory'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When a sync from Atlassian last confirmed the role (rights older than the TTL are not trusted). */
    syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.userId] }),
    index('organization_admins_user').on(table.userId),
  ],
);

// ---------------------------------------------------------------------------------------------
// Apps and their authorization per site. Atlassian has no public API listing a site's connected
// apps, so Greenlight keeps this registry itself in both modes.
// ---------------------------------------------------------------------------------------------

export const apps = pgTable(
  'apps',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    vendor: text('vendor').notNull(),
    description: text('description').notNull().default(''),
    scopes: text('scopes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The app's OAuth client id (public: it is in every consent URL); matches a pasted consent page. */
    clientId: text('client_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('apps_client_id').on(table.clientId)],
);

/** No row means "not authorized"; a row records who last changed the state and when. */
export const siteAppStatus = pgTable(
  'site_app_status',
  {
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    appId: text('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    status: text('status', { enum: APP_STATUSES }).notNull(),
    changedBy: text('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.siteId, table.appId] }),
    check('site_app_status_status', sql`${table.status} in ('authorized', 'not-authorized')`),
  ],
);

export const preApprovedApps = pgTable(
  'pre_approved_apps',
  {
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    appId: text('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    addedBy: text('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.siteId, table.appId] })],
);

export const accessRequests = pgTable(
  'access_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requesterId: text('requester_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    appId: text('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    message: text('message'),
    /** The language the requester wrote the message in (their locale when filing), for `lang`. */
    messageLocale: text('message_locale', { enum: STORED_LOCALES }),
    /**
     * What the requester's consent page said about the app (lib/flows/consent-url.ts): its client
     * id, scopes and callback, so the admin can start the same consent. Never its state or a code.
     */
    consentClientId: text('consent_client_id'),
    consentScopes: text('consent_scopes').array(),
    consentRedirectUri: text('consent_redirect_uri'),
    status: text('status', { enum: ACCESS_REQUEST_STATUSES }).notNull().default('open'),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decisionReason: text('decision_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Set once, when the site's admins were reminded of the open request (so they get one reminder). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** Whom the request reached when it was filed; null for requests filed before this was kept. */
    reached: text('reached', { enum: REQUEST_REACH }),
    /** The fallback route's pattern and addresses, when it went to one (what the requester is told). */
    routedPattern: text('routed_pattern'),
    routedAddresses: text('routed_addresses')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (table) => [
    // At most one open request per requester, site and app, even when two arrive at once.
    uniqueIndex('access_requests_one_open')
      .on(table.requesterId, table.siteId, table.appId)
      .where(sql`${table.status} = 'open'`),
    index('access_requests_site_status').on(table.siteId, table.status, table.createdAt),
    index('access_requests_requester').on(table.requesterId, table.createdAt),
    check(
      'access_requests_status',
      sql`${table.status} in ('open', 'approved', 'denied', 'withdrawn', 'expired')`,
    ),
    check('access_requests_message_length', sql`char_length(${table.message}) <= 1000`),
    check('access_requests_reached', sql`${table.reached} in ('admins', 'fallback', 'nobody')`),
  ],
);

/** Notifications are written in the same transaction as the change, then sent by a worker. */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    /** A Greenlight user (bell and e-mail), or null for an e-mail to a fallback route's address. */
    recipientUserId: text('recipient_user_id').references(() => users.id, { onDelete: 'cascade' }),
    recipientEmail: text('recipient_email'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** Why the last delivery attempt failed (cleared when one succeeds). */
    lastError: text('last_error'),
    /** The row is also the in-app notification: the recipient marks it read in the bell. */
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [
    index('notification_outbox_pending')
      .on(table.nextAttemptAt)
      .where(sql`${table.sentAt} is null`),
    index('notification_outbox_recipient').on(table.recipientUserId, table.createdAt),
    // A request's history lists the notifications it caused.
    index('notification_outbox_request').on(sql`(${table.payload}->>'requestId')`),
    check(
      'notification_outbox_one_recipient',
      sql`(${table.recipientUserId} is null) <> (${table.recipientEmail} is null)`,
    ),
  ],
);

/**
 * An org admin's route for requests on their organisation's sites whose admins Greenlight does not
 * know: site host pattern → e-mail addresses. GREENLIGHT_FALLBACK_ADMINS adds deployment-wide ones.
 */
export const fallbackRoutes = pgTable(
  'fallback_routes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    pattern: text('pattern').notNull(),
    addresses: text('addresses').array().notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('fallback_routes_org_pattern').on(table.organizationId, table.pattern)],
);

/** Every change an admin makes; rows are only ever inserted. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorUserId: text('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    siteId: text('site_id').references(() => sites.id, { onDelete: 'set null' }),
    target: text('target').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('audit_log_site_at').on(table.siteId, table.at), index('audit_log_at').on(table.at)],
);

// ---------------------------------------------------------------------------------------------
// Insights: what people search for and how they move through the troubleshooter.
// ---------------------------------------------------------------------------------------------

/** Queries are normalised (and stripped of personal data) before they are stored. */
export const searchLog = pgTable(
  'search_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    query: text('query').notNull(),
    resultCount: integer('result_count').notNull(),
    ms: real('ms').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('search_log_created').on(table.createdAt), index('search_log_query').on(table.query)],
);

export const flowEvents = pgTable(
  'flow_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: text('visit_id').notNull(),
    flow: text('flow').notNull(),
    node: text('node').notNull(),
    kind: text('kind', { enum: FLOW_EVENT_KINDS }).notNull(),
    choice: text('choice'),
    outcome: text('outcome'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('flow_events_flow_created').on(table.flow, table.createdAt),
    index('flow_events_visit').on(table.visitId),
    check('flow_events_kind', sql`${table.kind} in ('node_shown', 'choice_made', 'outcome_reached')`),
  ],
);

/**
 * A search result someone opened, per query family (lib/search/query-family.ts), article and
 * visitor: one row whatever the visitor does again (its say is their last), with the vote they
 * gave the article afterwards. The visitor is a keyed hash of the anonymous cookie, never the id.
 */
export const searchResultOpens = pgTable(
  'search_result_opens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    family: text('family').notNull(),
    articleSlug: text('article_slug').notNull(),
    visitorHash: text('visitor_hash').notNull(),
    /** The last query of the family this visitor opened the article from, redacted. */
    query: text('query').notNull(),
    helpful: boolean('helpful'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    /** Their last event (open or vote): what decay counts from. */
    lastAt: timestamp('last_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('search_result_opens_family_article_visitor').on(
      table.family,
      table.articleSlug,
      table.visitorHash,
    ),
    index('search_result_opens_visitor_article').on(table.visitorHash, table.articleSlug),
  ],
);

// ---------------------------------------------------------------------------------------------
// Organization connections: an org admin connects Atlassian's Organizations REST API with an
// organization API key, so Greenlight learns real admin roles and app installations.
// ---------------------------------------------------------------------------------------------

export const AUDIT_LOG_API_STATES = ['unknown', 'available', 'unavailable'] as const;

export const organizationConnections = pgTable(
  'organization_connections',
  {
    /** Greenlight's organization. */
    organizationId: text('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Atlassian's organization id (Atlassian Administration URL, /o/{orgId}). */
    atlassianOrgId: text('atlassian_org_id').notNull(),
    /** The API key, sealed with AES-256-GCM (lib/secret-box.ts); never returned, never logged. */
    apiKeyCiphertext: text('api_key_ciphertext').notNull(),
    /** Which GREENLIGHT_ENCRYPTION_KEY entry sealed it: rows with an old id are re-encrypted by the sync. */
    apiKeyKeyId: text('api_key_key_id').notNull(),
    /** Last four characters, so admins can tell keys apart without Greenlight revealing one. */
    apiKeyHint: text('api_key_hint').notNull(),
    connectedBy: text('connected_by').references(() => users.id, { onDelete: 'set null' }),
    connectedAt: timestamp('connected_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Roles: when the last full sync finished, and when the next may start (429 Retry-After). */
    rolesSyncedAt: timestamp('roles_synced_at', { withTimezone: true }),
    rolesNextSyncAt: timestamp('roles_next_sync_at', { withTimezone: true }),
    lastSyncError: text('last_sync_error'),
    /** Audit log API: unavailable (403: plan without Guard, or key without the scope) keeps the manual path. */
    auditLogApi: text('audit_log_api', { enum: AUDIT_LOG_API_STATES }).notNull().default('unknown'),
    /** Where the event poller resumes: the next-page cursor, else events from this time on. */
    eventsCursor: text('events_cursor'),
    eventsSince: timestamp('events_since', { withTimezone: true }).notNull().defaultNow(),
    eventsNextPollAt: timestamp('events_next_poll_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('organization_connections_atlassian_org').on(table.atlassianOrgId),
    check(
      'organization_connections_audit_log_api',
      sql`${table.auditLogApi} in ('unknown', 'available', 'unavailable')`,
    ),
  ],
);

/**
 * The usage signal per family and article, recomputed from search_result_opens on every open or
 * vote (one small group), so the search process only reads this table. Sums are as of
 * `computed_at`; the reader decays them further (lib/search/usage-signal.ts).
 */
export const searchUsageSignal = pgTable(
  'search_usage_signal',
  {
    family: text('family').notNull(),
    articleSlug: text('article_slug').notNull(),
    /** The latest query of the family, redacted: what insights shows. */
    query: text('query').notNull(),
    visitors: integer('visitors').notNull(),
    helpful: integer('helpful').notNull(),
    notHelpful: integer('not_helpful').notNull(),
    evidence: real('evidence').notNull(),
    weight: real('weight').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.family, table.articleSlug] })],
);

/**
 * A lease per piece of background work ("org-roles:org-acme"): a replica runs it only while it
 * holds an unexpired lease, so two replicas never sync the same organization at once.
 */
export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
