import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  /** Ids of scored audits below 1 in either category, to say what to fix. */
  failedAudits: string[];
}

/**
 * Lighthouse's default run (mobile, simulated slow 4G and a 4× slower CPU), in a fresh Chromium per
 * page so no cache carries over.
 */
export async function runLighthouse(
  url: string,
  chromePath: string,
  chromeFlags: string[],
): Promise<LighthouseScores> {
  const chrome = await launch({ chromePath, chromeFlags, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const failedAudits = ['performance', 'accessibility'].flatMap((id) =>
      (categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${ref.id} (${audits[ref.id]?.displayValue ?? audits[ref.id]?.score})`),
    );
    return { performance: score('performance'), accessibility: score('accessibility'), failedAudits };
  } finally {
    chrome.kill();
  }
}
