import { createHash } from 'node:crypto';

/**
 * Which English version a translation was made from: the first 12 hex digits of the SHA-256 of
 * the English article's file exactly as stored (UTF-8 bytes, frontmatter included). A translation
 * records it as `translatedFrom`; when the English file changes, the hash no longer matches and
 * the translation is stale. Twelve digits tell versions of one file apart; this is no security.
 */
export const TRANSLATED_FROM_PATTERN = /^[0-9a-f]{12}$/;

export function englishVersionHash(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex').slice(0, 12);
}
