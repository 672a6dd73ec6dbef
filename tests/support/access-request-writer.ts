// A child process for the crash test (tests/integration/access-request-crash.test.ts): stores
// access requests in a loop through the app's own create path until it is killed. Each pass files
// one ordinary request (request + admin notifications) and one pre-approved request (request,
// authorization, audit row, notifications), then undoes them so the next pass can file again.
// Prints the pass number after each pass.
//   DATABASE_URL=postgres://… tsx --conditions=react-server tests/support/access-request-writer.ts
import { sql } from 'drizzle-orm';
import { openPostgres } from '@/lib/db/client';
import type { Viewer } from '@/lib/auth/viewer';
import { createAccessRequest } from '@/lib/requests/create-access-request';
import { setAppAuthorization } from '@/lib/requests/set-app-authorization';
import { withdrawAccessRequest } from '@/lib/requests/withdraw-access-request';

const viewer = (key: 'nora' | 'sam'): Viewer => ({
  userId: `user-${key}`,
  accountId: `user-${key}`,
  email: `${key}@acme.test`,
  name: key,
  source: 'local',
});

const handle = await openPostgres(process.env.DATABASE_URL!);
// Filing the same request again within a day notifies nobody (lib/requests/new-request-notice.ts);
// each pass must notify, so earlier passes' requests are moved two days back, including those of
// a writer killed before it could move them.
const ageNorasRequests = () =>
  handle.db.execute(
    sql`update access_requests set created_at = created_at - interval '2 days' where requester_id = 'user-nora' and created_at > now() - interval '1 day'`,
  );
await ageNorasRequests();
// A writer killed after the pre-approval authorized Roadmap Planner, but before the pass put it
// back, leaves it authorized; asking for an authorized app is refused, so start from not-authorized.
await setAppAuthorization(handle.db, viewer('sam'), {
  siteId: 'site-acme-sandbox',
  appId: 'app-roadmap',
  status: 'not-authorized',
});
for (let pass = 1; ; pass++) {
  const { request } = await createAccessRequest(handle.db, viewer('nora'), {
    siteId: 'site-acme',
    appId: 'app-docuflow',
    message: `pass ${pass}`,
  });
  await withdrawAccessRequest(handle.db, viewer('nora'), request.id);
  await ageNorasRequests();
  await createAccessRequest(handle.db, viewer('sam'), { siteId: 'site-acme-sandbox', appId: 'app-roadmap' });
  await setAppAuthorization(handle.db, viewer('sam'), {
    siteId: 'site-acme-sandbox',
    appId: 'app-roadmap',
    status: 'not-authorized',
  });
  process.stdout.write(`${pass}\n`);
}
