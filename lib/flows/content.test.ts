import { describe, expect, it } from 'vitest';
import { FLOWS_DIR, loadFlows, readFlowFiles } from './load';
import { startOf } from './stepper';

// The real flows in content/flows: every one must pass the validator against the real articles.
describe('content/flows', () => {
  it('has at least the authorize-app flow', () => {
    expect(readFlowFiles(FLOWS_DIR).map((file) => file.path)).toContain('content/flows/authorize-app.yaml');
  });

  it('validates every flow', () => {
    const flows = loadFlows();
    expect(flows.length).toBe(readFlowFiles(FLOWS_DIR).length);
  });

  it('asks an anonymous visitor whether they are a site admin, with a choice to reach the contact-your-admin outcome', () => {
    const flow = loadFlows().find((f) => f.id === 'authorize-app')!;
    const first = startOf(flow, { 'signed-in': { answer: 'no' } });
    expect(first.node.id).toBe('ask-role');
  });
});
