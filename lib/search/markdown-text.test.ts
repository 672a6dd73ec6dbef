import { describe, expect, it } from 'vitest';
import { documentFromMarkdown } from './markdown-text';

describe('documentFromMarkdown', () => {
  it('extracts headings and plain text from MDX, dropping JSX tags and expressions', () => {
    const doc = documentFromMarkdown({
      id: 'a',
      url: '/articles/a',
      markdown:
        "import X from './x'\n\n## First step\n\n<Steps>\n\n1. Open **Settings** {props.site}\n\n</Steps>\n\n```sh\ncurl example\n```\n",
      data: {
        title: 'Title',
        intro: 'Intro',
        topics: ['One'],
        products: ['jira'],
        errorSignatures: ['Boom {x}'],
      },
    });
    expect(doc).toMatchObject({
      title: 'Title',
      summary: 'Intro',
      tags: ['One'],
      headings: ['First step'],
      products: ['jira'],
    });
    expect(doc.body).toContain('Open Settings');
    expect(doc.body).toContain('curl example');
    expect(doc.body).not.toMatch(/Steps|props|import/);
  });

  it('falls back when MDX does not parse', () => {
    const doc = documentFromMarkdown({
      id: 'b',
      url: '/b',
      markdown: '# Broken <div\n\nText with {unclosed brace and <b>html</b>',
      data: { title: 'B', summary: 'S', tags: 'single' },
    });
    expect(doc.body).toContain('Text with');
    expect(doc.summary).toBe('S');
    expect(doc.tags).toEqual(['single']);
  });
});
