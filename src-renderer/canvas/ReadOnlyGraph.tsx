// A run's graph as it trained: the same nodes and edges as the editor, but nothing can change.
import { useMemo } from 'react';
import { Background, BackgroundVariant, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import type { GraphDoc } from '../../src-shared/graphFormat';
import { fromGraphDoc } from '../document/document';
import { datasetInfo, useDatasetStore } from '../datasets/datasetStore';
import { checkGraph } from '../validation/graphCheck';
import type { LayerFlowNode, ShapeFlowEdge } from '../document/types';
import { useUiStore } from '../ui/uiStore';
import { GraphCheckContext } from './GraphCheckContext';
import { edgeTypes, nodeTypes } from './flowTypes';

export function ReadOnlyGraph({ graph }: { graph: GraphDoc }) {
  const list = useDatasetStore((s) => s.list);
  const theme = useUiStore((s) => s.theme);
  const content = useMemo(() => fromGraphDoc(graph), [graph]);
  const check = useMemo(
    () => checkGraph(content, datasetInfo(list, graph.training.dataset, graph.training.datasetOptions?.features)),
    [content, list, graph],
  );
  return (
    <ReactFlowProvider>
      <GraphCheckContext.Provider value={check}>
        <ReactFlow<LayerFlowNode, ShapeFlowEdge>
          nodes={content.nodes}
          edges={content.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          nodesFocusable={false}
          deleteKeyCode={null}
          colorMode={theme}
          fitView
          fitViewOptions={{ padding: 0.15, maxZoom: 1.1 }}
          minZoom={0.1}
          attributionPosition="bottom-left"
        >
          <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} />
        </ReactFlow>
      </GraphCheckContext.Provider>
    </ReactFlowProvider>
  );
}
