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

  it('keeps the article links, related articles and old addresses for the link prior', () => {
    const doc = documentFromMarkdown({
      id: 'a',
      url: '/articles/a',
      markdown:
        'See [Revoke an app](/articles/revoke-an-app) and [the admin console](https://admin.example.com).\n',
      data: { title: 'A', related: ['find-your-site-admins'], redirect_from: ['/articles/old-a'] },
    });
    expect(doc.links).toEqual([
      '/articles/revoke-an-app',
      'https://admin.example.com',
      'find-your-site-admins',
    ]);
    expect(doc.aliases).toEqual(['/articles/old-a']);
    // the last-resort parser keeps them too
    const messy = documentFromMarkdown({
      id: 'b',
      url: '/articles/b',
      markdown: '<div>{unclosed\n\nSee [Revoke](/articles/revoke-an-app).',
      data: { title: 'B' },
      format: 'mdx',
    });
    expect(messy.links).toContain('/articles/revoke-an-app');
  });
});
