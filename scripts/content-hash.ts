// Prints the English version hash of an article (lib/content/translation-hash.ts), the value a
// translation records as `translatedFrom`: npm run content:hash <slug>
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contentPaths } from '@/lib/content/paths';
import { isValidSlug } from '@/lib/content/schema';
import { englishVersionHash } from '@/lib/content/translation-hash';

const slug = process.argv[2] ?? '';
if (!isValidSlug(slug)) {
  console.error('usage: npm run content:hash <slug>   (the English article content/articles/<slug>.mdx)');
  process.exit(2);
}
const file = path.join(contentPaths().articles, `${slug}.mdx`);
try {
  console.log(englishVersionHash(readFileSync(file, 'utf8')));
} catch {
  console.error(`${path.relative(process.cwd(), file)}: no such English article`);
  process.exit(1);
}
