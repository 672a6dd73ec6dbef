import 'server-only';
import type { Database } from '@/lib/db/types';
import { logger } from '@/lib/log';
import { organizationDeps, type OrganizationDeps } from './deps';
import { listConnectedOrganizationIds, pollAppInstallations } from './poll-app-installations';
import { syncOrganizationRoles } from './sync-organization-roles';

// The background work of connected organizations, as plain functions of their dependencies: any
// scheduler (the in-process one in lib/jobs today, a job queue tomorrow) runs them by name on an
// interval. Each one is safe on every replica at once: per organization, a lease decides who works.

export interface OrganizationJobDeps {
  db: Database;
  /** Defaults to the deployment's (lib/config.ts). */
  organizations?: OrganizationDeps;
}

/** Syncs the roles of every connected organization whose last sync is older than a third of the TTL. */
export async function syncOrganizationRolesJob({
  db,
  organizations = organizationDeps(),
}: OrganizationJobDeps): Promise<void> {
  for (const organizationId of await listConnectedOrganizationIds(db)) {
    const outcome = await syncOrganizationRoles(db, organizationId, organizations);
    if (outcome.status === 'synced')
      logger.info({ organizationId, ...outcome.report }, 'organization roles synced');
  }
}

/** Reads new app installations from every connected organization's audit log. */
export async function pollAppInstallationsJob({
  db,
  organizations = organizationDeps(),
}: OrganizationJobDeps): Promise<void> {
  for (const organizationId of await listConnectedOrganizationIds(db)) {
    const outcome = await pollAppInstallations(db, organizationId, organizations);
    if (outcome.status === 'polled' && outcome.report.installations > 0)
      logger.info(
        {
          organizationId,
          installations: outcome.report.installations,
          approved: outcome.report.approvedRequestIds.length,
        },
        'app installations read from the audit log',
      );
  }
}

/** Every minute: the roles job decides per organization whether a sync is due; one poll a minute stays under 10 requests a minute. */
export const ORGANIZATION_JOB_INTERVAL_MS = 60_000;
