import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  formatProblem,
  parseFlowSource,
  validateFlow,
  validateFlowFiles,
  type FlowProblem,
} from './validate';
import type { Flow } from './schema';

// Fixture flows, so editing content/flows never breaks these tests.
const articleSlugs = new Set(['known-article']);

function fixture(mutate: (flow: Flow) => void = () => {}): Flow {
  const flow: Flow = {
    id: 'fixture',
    title: 'Fixture flow',
    summary: 'A small flow for tests.',
    start: 'check-signed-in',
    nodes: [
      {
        id: 'check-signed-in',
        kind: 'check',
        check: 'signed-in',
        branches: { yes: 'done', no: 'ask' },
        fallback: 'ask',
      },
      {
        id: 'ask',
        kind: 'question',
        title: 'Are you a site admin of {site}?',
        choices: [
          { id: 'yes', label: 'Yes', next: 'steps' },
          { id: 'no', label: 'No', next: 'request' },
        ],
      },
      {
        id: 'steps',
        kind: 'steps',
        title: 'Do it',
        steps: [
          {
            text: 'Open [the page](/articles/known-article).',
            link: { label: 'Open', href: 'https://admin.atlassian.com/s/{cloudId}/x' },
          },
        ],
        choices: [{ id: 'done', label: 'Done', next: 'done' }],
      },
      {
        id: 'request',
        kind: 'action',
        action: 'send-access-request',
        title: 'Ask',
        results: { sent: 'done', approved: 'done', denied: 'done' },
      },
      {
        id: 'done',
        kind: 'outcome',
        outcome: 'resolved',
        title: 'Done',
        nextSteps: [],
        articles: ['known-article'],
      },
    ],
  };
  mutate(flow);
  return flow;
}

const node = <K extends Flow['nodes'][number]['kind']>(flow: Flow, id: string) =>
  flow.nodes.find((n) => n.id === id) as Extract<Flow['nodes'][number], { kind: K }>;

const problemsOf = (flow: Flow) => validateFlow(flow, { articleSlugs });

function expectProblem(problems: FlowProblem[], nodeId: string | undefined, message: RegExp) {
  expect(problems).toContainEqual({ flow: 'fixture', node: nodeId, message: expect.stringMatching(message) });
}

describe('validateFlow', () => {
  it('accepts a valid flow', () => {
    expect(problemsOf(fixture())).toEqual([]);
  });

  it('reports an unreachable node', () => {
    const flow = fixture((f) =>
      f.nodes.push({
        id: 'orphan',
        kind: 'outcome',
        outcome: 'escalated',
        title: 'Lost',
        nextSteps: [],
        articles: [],
      }),
    );
    expectProblem(problemsOf(flow), 'orphan', /unreachable from the start "check-signed-in"/);
  });

  it('reports a path that ends somewhere other than an outcome', () => {
    const flow = fixture((f) => {
      node<'action'>(f, 'request').results = {};
    });
    expectProblem(problemsOf(flow), 'request', /a path ends here/);
  });

  it('reports a check without a branch for every answer as a dead end', () => {
    const flow = fixture((f) => {
      node<'check'>(f, 'check-signed-in').branches = { yes: 'done' };
    });
    expectProblem(problemsOf(flow), 'check-signed-in', /no branch for the answer "no"/);
  });

  it('reports a choice pointing to a missing node', () => {
    const flow = fixture((f) => {
      node<'question'>(f, 'ask').choices[1]!.next = 'nowhere';
    });
    expectProblem(problemsOf(flow), 'ask', /choice "no" points to a missing node "nowhere"/);
  });

  it('reports a check branch and a fallback pointing to missing nodes', () => {
    const flow = fixture((f) => {
      const check = node<'check'>(f, 'check-signed-in');
      check.branches = { yes: 'ghost', no: 'ask' };
      check.fallback = 'phantom';
    });
    const problems = problemsOf(flow);
    expectProblem(problems, 'check-signed-in', /branch "yes" points to a missing node "ghost"/);
    expectProblem(problems, 'check-signed-in', /fallback points to a missing node "phantom"/);
  });

  it('reports a fallback that is not a question', () => {
    const flow = fixture((f) => {
      node<'check'>(f, 'check-signed-in').fallback = 'done';
    });
    expectProblem(problemsOf(flow), 'check-signed-in', /fallback "done" must be a question node/);
  });

  it('reports a cycle', () => {
    const flow = fixture((f) => {
      node<'steps'>(f, 'steps').choices.push({ id: 'again', label: 'Again', next: 'ask' });
    });
    expectProblem(
      problemsOf(flow),
      expect.any(String) as unknown as string,
      /cycle: .*ask → steps → ask|steps → ask → steps/,
    );
  });

  it('reports a repeated id', () => {
    const flow = fixture((f) =>
      f.nodes.push({
        id: 'done',
        kind: 'outcome',
        outcome: 'escalated',
        title: 'Twin',
        nextSteps: [],
        articles: [],
      }),
    );
    expectProblem(problemsOf(flow), 'done', /used by more than one node/);
  });

  it('reports a missing article, in an outcome and in a Markdown link', () => {
    const flow = fixture((f) => {
      node<'outcome'>(f, 'done').articles = ['ghost-article'];
      node<'question'>(f, 'ask').body = 'See [this](/articles/phantom-article#part).';
    });
    const problems = problemsOf(flow);
    expectProblem(problems, 'done', /missing article "ghost-article"/);
    expectProblem(problems, 'ask', /missing article "phantom-article"/);
  });

  it('reports an unknown check name', () => {
    const flow = fixture((f) => {
      node<'check'>(f, 'check-signed-in').check = 'is-vip';
    });
    expectProblem(problemsOf(flow), 'check-signed-in', /unknown check "is-vip"/);
  });

  it('reports a missing start node', () => {
    expectProblem(
      problemsOf(fixture((f) => (f.start = 'begin'))),
      undefined,
      /start node "begin" does not exist/,
    );
  });

  it('reports an unknown action result, an unknown placeholder and an unsafe link', () => {
    const flow = fixture((f) => {
      node<'action'>(f, 'request').results = {
        sent: 'done',
        approved: 'done',
        denied: 'done',
        shrug: 'done',
      };
      node<'question'>(f, 'ask').title = 'Hello {name}';
      node<'steps'>(f, 'steps').steps[0]!.link!.href = 'javascript:alert(1)';
    });
    const problems = problemsOf(flow);
    expectProblem(problems, 'request', /unknown result "shrug"/);
    expectProblem(problems, 'ask', /unknown placeholder "\{name\}"/);
    expectProblem(problems, 'steps', /unsafe link/);
  });

  it('names the flow and the node in the formatted message', () => {
    const [problem] = problemsOf(fixture((f) => (node<'check'>(f, 'check-signed-in').check = 'is-vip')));
    expect(formatProblem(problem!)).toBe('flow "fixture", node "check-signed-in": unknown check "is-vip"');
  });
});

describe('parseFlowSource', () => {
  it('parses YAML and names the node of a schema error', () => {
    const flow = fixture((f) => {
      (node<'question'>(f, 'ask') as unknown as Record<string, unknown>).colour = 'red';
    });
    const { problems } = parseFlowSource('content/flows/fixture.yaml', stringify(flow));
    expect(problems).toEqual([
      {
        flow: 'fixture',
        node: 'ask',
        message: expect.stringContaining("Unrecognized key(s) in object: 'colour'"),
      },
    ]);
  });

  it('reports YAML that does not parse and an id that does not match the file name', () => {
    expect(parseFlowSource('content/flows/broken.yaml', 'id: [unclosed').problems[0]).toMatchObject({
      flow: 'broken',
      message: expect.stringContaining('not valid YAML'),
    });
    expect(parseFlowSource('content/flows/other.yaml', stringify(fixture())).problems[0]!.message).toMatch(
      /must match the file name/,
    );
  });

  it('validates a set of files and keeps only valid flows', () => {
    const { flows, problems } = validateFlowFiles(
      [
        { path: 'content/flows/fixture.yaml', source: stringify(fixture()) },
        { path: 'content/flows/fixture.json', source: JSON.stringify(fixture((f) => (f.start = 'begin'))) },
      ],
      { articleSlugs },
    );
    expect(flows).toHaveLength(1);
    expect(problems).toHaveLength(1);
  });
});
