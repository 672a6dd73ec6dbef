import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFingerprint } from './prerendered-manifest';

function contentRoot(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'gl-content-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('content fingerprint', () => {
  it('is the same for the same files and changes with an edit, a new file or a rename', () => {
    const files = { 'articles/a.mdx': 'A', 'articles/de/a.mdx': 'Ä', 'featured.json': '{}' };
    const same = contentFingerprint(contentRoot(files));
    expect(contentFingerprint(contentRoot(files))).toBe(same);
    expect(contentFingerprint(contentRoot({ ...files, 'articles/a.mdx': 'A!' }))).not.toBe(same);
    expect(contentFingerprint(contentRoot({ ...files, 'articles/b.mdx': '' }))).not.toBe(same);
    const { 'articles/a.mdx': body, ...rest } = files;
    expect(contentFingerprint(contentRoot({ ...rest, 'articles/c.mdx': body }))).not.toBe(same);
  });
});
