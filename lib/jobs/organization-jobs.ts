import 'server-only';
import {
  ORGANIZATION_JOB_INTERVAL_MS,
  pollAppInstallationsJob,
  syncOrganizationRolesJob,
} from '@/lib/organizations/organization-jobs';
import { registerJob } from './job-registry';

/** The connected organizations' jobs: role sync and audit-log polling. */
export function registerOrganizationJobs(): void {
  registerJob({
    name: 'organization-roles',
    intervalMs: ORGANIZATION_JOB_INTERVAL_MS,
    run: syncOrganizationRolesJob,
  });
  registerJob({
    name: 'organization-app-installations',
    intervalMs: ORGANIZATION_JOB_INTERVAL_MS,
    run: pollAppInstallationsJob,
  });
}
