import 'server-only';
import {
  accessibleResourcesSchema,
  atlassianProfileSchema,
  confluenceCurrentUserSchema,
  jiraMyPermissionsSchema,
  type AccessibleResource,
  type AtlassianProfile,
} from '@/lib/atlassian/schemas';
import { createAtlassianHttpClient, type AtlassianHttpOptions } from '@/lib/atlassian/http';

// Typed calls to the four 3LO endpoints Greenlight reads. Each takes the user's access token;
// none of them can tell whether an app is authorized on a site (there is no public API for that).

export interface AtlassianApiOptions extends AtlassianHttpOptions {
  /** ATLASSIAN_API_URL, e.g. https://api.atlassian.com */
  apiUrl: string;
  accessToken: string;
}

export interface AtlassianApi {
  getProfile(): Promise<AtlassianProfile>;
  getAccessibleResources(): Promise<AccessibleResource[]>;
  /** Jira's global "Administer Jira" permission on that site. */
  getJiraAdminPermission(cloudId: string): Promise<boolean>;
  /** Confluence administer/application operation on that site (UNCONFIRMED values, see below). */
  getConfluenceAdmin(cloudId: string): Promise<boolean>;
}

// Cloud ids are UUIDs; anything else would let a crafted id walk the gateway path.
const CLOUD_ID = /^[A-Za-z0-9-]{1,64}$/;

function cloudPath(cloudId: string): string {
  if (!CLOUD_ID.test(cloudId)) throw new TypeError(`Not an Atlassian cloud id: ${JSON.stringify(cloudId)}`);
  return encodeURIComponent(cloudId);
}

export function createAtlassianApi(options: AtlassianApiOptions): AtlassianApi {
  const { apiUrl, accessToken, ...httpOptions } = options;
  const http = createAtlassianHttpClient(httpOptions);
  const base = apiUrl.replace(/\/+$/, '');

  return {
    getProfile: () =>
      http.getJson(`${base}/me`, atlassianProfileSchema, { label: 'your Atlassian profile', accessToken }),

    getAccessibleResources: () =>
      http.getJson(`${base}/oauth/token/accessible-resources`, accessibleResourcesSchema, {
        label: 'the Atlassian sites you granted Greenlight',
        accessToken,
      }),

    async getJiraAdminPermission(cloudId) {
      const body = await http.getJson(
        `${base}/ex/jira/${cloudPath(cloudId)}/rest/api/3/mypermissions?permissions=ADMINISTER`,
        jiraMyPermissionsSchema,
        { label: 'your Jira permissions', accessToken },
      );
      // A missing ADMINISTER entry is read as "not an admin": the safe side for authorization.
      return body.permissions.ADMINISTER?.havePermission === true;
    },

    async getConfluenceAdmin(cloudId) {
      const body = await http.getJson(
        `${base}/ex/confluence/${cloudPath(cloudId)}/wiki/rest/api/user/current?expand=operations`,
        confluenceCurrentUserSchema,
        { label: 'your Confluence permissions', accessToken },
      );
      // UNCONFIRMED (facts §3.2): Atlassian documents the operations shape but not the values;
      // `administer` on `application` follows community Forge code, not a documented contract.
      return (body.operations ?? []).some(
        (op) => op.operation === 'administer' && op.targetType === 'application',
      );
    },
  };
}
