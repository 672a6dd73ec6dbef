import { z } from 'zod';

// zod shapes of the documented Atlassian answers (see ../shared/domain/atlassian-facts.md).
// Only the fields Greenlight reads are required; everything else may come and go upstream.

/** GET /me (User Identity API, scope read:me), facts §1.5. */
export const atlassianProfileSchema = z.object({
  account_id: z.string().min(1),
  email: z.string().min(1),
  name: z.string(),
  picture: z.string().optional(),
  account_type: z.string().optional(),
  account_status: z.string().optional(),
  nickname: z.string().optional(),
  // Not in Atlassian's example but modelled by other clients; never required.
  email_verified: z.boolean().optional(),
});
export type AtlassianProfile = z.infer<typeof atlassianProfileSchema>;

/** One entry of GET /oauth/token/accessible-resources, facts §2. */
export const accessibleResourceSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  url: z.string().url(),
  scopes: z.array(z.string()),
  avatarUrl: z.string().optional(),
});
export type AccessibleResource = z.infer<typeof accessibleResourceSchema>;
export const accessibleResourcesSchema = z.array(accessibleResourceSchema);

/** GET /ex/jira/{cloudId}/rest/api/3/mypermissions, facts §3.1. */
export const jiraMyPermissionsSchema = z.object({
  permissions: z.record(
    z.string(),
    z.object({
      havePermission: z.boolean(),
      key: z.string().optional(),
      type: z.string().optional(),
    }),
  ),
});

/** GET /ex/confluence/{cloudId}/wiki/rest/api/user/current?expand=operations, facts §3.2. */
export const confluenceCurrentUserSchema = z.object({
  accountId: z.string().optional(),
  // Absent when the expansion was not honoured: read as "no operations", never as admin.
  operations: z.array(z.object({ operation: z.string(), targetType: z.string() })).optional(),
});

/** POST /oauth/token success, facts §1.2 and §1.3. token_type is not in Atlassian's example. */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().int().positive(),
  scope: z.string().optional(),
  token_type: z.string().optional(),
});

/** The documented token-endpoint error body. */
export const oauthErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});
