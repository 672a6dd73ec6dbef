import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyFlowOverlay, checkFlowOverlay, parseFlowOverlay } from './overlay';
import { parseFlowSource } from './validate';

const flow = parseFlowSource(
  'tests/fixtures/content/flows/authorize-app.yaml',
  readFileSync('tests/fixtures/content/flows/authorize-app.yaml', 'utf8'),
).flow!;

const overlayOf = (source: string) => {
  const { overlay, problems } = parseFlowOverlay('authorize-app', 'de/authorize-app.yaml', source);
  expect(problems).toEqual([]);
  return overlay!;
};

describe('a flow’s texts in another language', () => {
  it('replaces the texts it has, keeps English for the rest, and never touches the graph', () => {
    const overlay = overlayOf(`
title: Eine App für Ihre Site autorisieren lassen
nodes:
  ask-role:
    title: Sind Sie Site-Administrator von {site}?
    choices: { no: "Nein, ich bin kein Admin" }
`);
    expect(checkFlowOverlay(flow, overlay, 'de/authorize-app.yaml')).toEqual([]);
    const german = applyFlowOverlay(flow, overlay);
    const askRole = german.nodes.find((node) => node.id === 'ask-role')!;
    expect(german.title).toBe('Eine App für Ihre Site autorisieren lassen');
    expect(german.summary).toBe(flow.summary);
    expect(askRole).toMatchObject({ title: 'Sind Sie Site-Administrator von {site}?' });
    const labels = 'choices' in askRole ? askRole.choices.map((c) => [c.id, c.label, c.next]) : [];
    const english = flow.nodes.find((node) => node.id === 'ask-role')!;
    const englishChoices = 'choices' in english ? english.choices : [];
    expect(labels).toEqual(
      englishChoices.map((c) => [c.id, c.id === 'no' ? 'Nein, ich bin kein Admin' : c.label, c.next]),
    );
    expect(german.nodes.map((n) => n.id)).toEqual(flow.nodes.map((n) => n.id));
  });

  it('fails on a node, choice or step the English flow does not have', () => {
    const overlay = overlayOf(`
nodes:
  no-such-node: { title: Nichts }
  ask-role:
    choices: { maybe: Vielleicht }
  check-signed-in: { title: Prüfen }
`);
    const problems = checkFlowOverlay(flow, overlay, 'de/authorize-app.yaml').map((p) => [p.node, p.message]);
    expect(problems).toEqual([
      ['no-such-node', expect.stringContaining('no node "no-such-node"')],
      ['ask-role', expect.stringContaining('no choice "maybe"')],
      ['check-signed-in', expect.stringContaining('check node has no text')],
    ]);
  });

  it('refuses fields that are not texts', () => {
    const { problems } = parseFlowOverlay(
      'authorize-app',
      'de/authorize-app.yaml',
      'nodes:\n  ask-role:\n    next: done\n',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('nodes.ask-role');
  });
});
