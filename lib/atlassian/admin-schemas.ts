import { z } from 'zod';

// zod shapes of the Organizations REST API answers Greenlight reads (facts §3.4, §8.5). Sources:
// developer.atlassian.com/cloud/admin/organization/rest (paths, cursors, scopes) and the models of
// the maintained jira.js admin client (src/admin/models). Only the fields Greenlight reads are
// required; everything else may come and go upstream. UNCONFIRMED items are marked where used.

/** `links` of a page: `next` is a cursor for v2 directory calls (LinkPageCursor), a URL or cursor elsewhere. */
const pageLinksSchema = z
  .object({
    self: z.string().nullish(),
    prev: z.string().nullish(),
    next: z.string().nullish(),
  })
  .partial();

/** GET /v1/orgs/{orgId} → `{ data: { id, type: "orgs", attributes: { name } } }`. */
export const adminOrgSchema = z.object({
  data: z.object({
    id: z.string().min(1),
    type: z.string().optional(),
    attributes: z.object({ name: z.string() }).partial().optional(),
  }),
});

/** One workspace of POST /v2/orgs/{orgId}/workspaces (WorkspaceModel; scope read:workspaces:admin). */
export const adminWorkspaceSchema = z.object({
  id: z.string().min(1),
  type: z.string().optional(),
  attributes: z
    .object({
      name: z.string().optional(),
      /** e.g. "jira-software", "confluence" */
      typeKey: z.string().optional(),
      type: z.string().optional(),
      status: z.string().optional(),
      hostUrl: z.string().nullish(),
    })
    .optional(),
});
export type AdminWorkspace = z.infer<typeof adminWorkspaceSchema>;

export const adminWorkspacePageSchema = z.object({
  data: z.array(adminWorkspaceSchema).default([]),
  links: pageLinksSchema.optional(),
});

/** One user of GET /v2/orgs/{orgId}/directories/{directoryId}/users (MultiDirectoryUser). */
export const adminDirectoryUserSchema = z.object({
  accountId: z.string().min(1),
  name: z.string().optional(),
  nickname: z.string().optional(),
  email: z.string().optional(),
  /** The admin role ids ("atlassian/org-admin", ...), when the answer carries them. */
  platformRoles: z.array(z.string()).optional(),
});
export type AdminDirectoryUser = z.infer<typeof adminDirectoryUserSchema>;

export const adminDirectoryUserPageSchema = z.object({
  data: z.array(adminDirectoryUserSchema).default([]),
  links: pageLinksSchema.optional(),
});

/**
 * One entry of GET .../users/{accountId}/role-assignments (MultiDirectoryUserRoleAssignment):
 * the roles a user holds on one resource. `roleAssignments` supersedes the deprecated `roles`.
 * `resourceId` is an ARI; its exact form for a site (e.g. "ari:cloud:jira::site/{cloudId}") is
 * UNCONFIRMED, so Greenlight matches the cloud id after "site/" or the whole id against a workspace id.
 */
export const adminRoleAssignmentSchema = z.object({
  resourceId: z.string().optional(),
  resourceOwner: z.string().optional(),
  roles: z.array(z.string()).optional(),
  roleAssignments: z
    .array(z.object({ role: z.string().optional(), roleAssignmentMethods: z.array(z.string()).optional() }))
    .optional(),
  directoryId: z.string().nullish(),
});
export type AdminRoleAssignment = z.infer<typeof adminRoleAssignmentSchema>;

export const adminRoleAssignmentPageSchema = z.object({
  data: z.array(adminRoleAssignmentSchema).default([]),
  links: pageLinksSchema.optional(),
});

/** An entity an audit event names (EventObjectModel): context ("what") or container ("where"). */
export const adminEventObjectSchema = z.object({
  id: z.string(),
  type: z.string().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
export type AdminEventObject = z.infer<typeof adminEventObjectSchema>;

/** One event of GET /v1/orgs/{orgId}/events (EventModel; scope read:events:admin). */
export const adminEventSchema = z.object({
  id: z.string().min(1),
  type: z.string().optional(),
  attributes: z.object({
    time: z.string(),
    /** Kind of event; the list is at GET /v1/orgs/{orgId}/event-actions. */
    action: z.string(),
    context: z.array(adminEventObjectSchema).default([]),
    container: z.array(adminEventObjectSchema).optional(),
  }),
});
export type AdminEvent = z.infer<typeof adminEventSchema>;

/** EventPage: `meta.next` holds the next cursor; `links.next` the URL of the next page. */
export const adminEventPageSchema = z.object({
  data: z.array(adminEventSchema).default([]),
  meta: z.object({ next: z.string().nullish(), page_size: z.number().optional() }).partial().optional(),
  links: pageLinksSchema.optional(),
});
export type AdminEventPage = z.infer<typeof adminEventPageSchema>;
