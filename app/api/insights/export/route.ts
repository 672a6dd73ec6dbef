// GET /api/insights/export?dataset=&range=|from=&to= – one insights dataset as CSV (org admins and
// configured insights viewers; request figures only for organisations the caller administers).
import { z } from 'zod';
import { parseSearchParams } from '@/lib/http/parse';
import { defineRoute } from '@/lib/http/route';
import { toCsv } from '@/lib/insights/csv';
import { insightsRangeSchemaWith, resolveInsightsRange } from '@/lib/insights/date-range';
import { assertViewerCanSeeInsights } from '@/lib/insights/insights-access';
import { INSIGHTS_DATASET_IDS, insightsCsvFilename, insightsDataset } from '@/lib/insights/insights-datasets';
import { unsafeLoadInsightsReport } from '@/lib/insights/load-insights-report';

export const dynamic = 'force-dynamic';

const exportQuerySchema = insightsRangeSchemaWith({ dataset: z.enum(INSIGHTS_DATASET_IDS) });

export const GET = defineRoute(
  { name: 'insights-export', access: 'signed-in', rateLimit: 'report' },
  async ({ request, db, viewer }) => {
    // Authorize before parsing, so a bad query tells someone who may not export nothing either.
    const { organizationIds } = await assertViewerCanSeeInsights(db, viewer);
    const { dataset: datasetId, ...rangeQuery } = parseSearchParams(request, exportQuerySchema);
    const range = resolveInsightsRange(rangeQuery, new Date());
    const report = await unsafeLoadInsightsReport(db, organizationIds, range);
    const dataset = insightsDataset(report, datasetId);
    return new Response(toCsv(dataset.columns, dataset.rows), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${insightsCsvFilename(datasetId, range)}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  },
);
