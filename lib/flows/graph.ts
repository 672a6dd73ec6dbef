import type { Flow, FlowNode } from './schema';

/** Every node a node can lead to, with the label of the edge (for messages). */
export function edgesOf(node: FlowNode): Array<{ via: string; to: string }> {
  switch (node.kind) {
    case 'question':
    case 'steps':
      return node.choices.map((choice) => ({ via: `choice "${choice.id}"`, to: choice.next }));
    case 'check':
      return [
        ...Object.entries(node.branches).map(([answer, to]) => ({
          via: `branch "${answer}"`,
          to: to as string,
        })),
        { via: 'fallback', to: node.fallback },
      ];
    case 'action':
      return Object.entries(node.results).map(([result, to]) => ({ via: `result "${result}"`, to }));
    case 'outcome':
      return [];
  }
}

export function nodeMap(flow: Flow): Map<string, FlowNode> {
  return new Map(flow.nodes.map((node) => [node.id, node]));
}
