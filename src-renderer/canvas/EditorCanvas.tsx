// The editable canvas: drop layers from the palette, connect them (refusing bad connections
// with the reason), move, select and delete; shapes and problems come from the live check.
import { useCallback, useEffect, useRef, type DragEvent, type PointerEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  MiniMap,
  ReactFlow,
  type Connection,
  type Edge,
  type FinalConnectionState,
  type NodeChange,
  type ReactFlowInstance,
} from '@xyflow/react';
import { getLayer } from '../app/engine';
import { useGraphStore } from '../document/graphStore';
import type { LayerFlowNode, ShapeFlowEdge } from '../document/types';
import { useUiStore } from '../ui/uiStore';
import { connectionProblem } from '../validation/connection';
import { useDatasetInfo, useLiveCheck } from '../validation/useLiveCheck';
import { GraphCheckContext } from './GraphCheckContext';
import { edgeTypes, nodeTypes } from './flowTypes';
import {
  FIT_VIEW_OPTIONS,
  LAYER_DRAG_TYPE,
  graphOnScreen,
  keepGraphInView,
  nodeBoxes,
  registerCanvas,
  rememberViewport,
  rememberedViewport,
  screenToFlow,
} from './canvasControls';
import { categoryColor } from './categoryColors';
import { CanvasToolbar } from './CanvasToolbar';
import { EmptyCanvas } from './EmptyCanvas';
import { makeRoom, type Growth } from './makeRoom';

const NODE_HALF = { x: 90, y: 36 };

export function EditorCanvas() {
  const nodes = useGraphStore((s) => s.nodes);
  const edges = useGraphStore((s) => s.edges);
  const onNodesChange = useGraphStore((s) => s.onNodesChange);
  const onEdgesChange = useGraphStore((s) => s.onEdgesChange);
  const theme = useUiStore((s) => s.theme);
  const check = useLiveCheck();
  const dataset = useDatasetInfo();
  const wrapper = useRef<HTMLDivElement>(null);
  const pointer = useRef({ x: 0, y: 0 });
  const lastProblem = useRef<string | null>(null);

  const viewport = useRef(rememberedViewport());
  // Fit only a graph that is there at start; an empty canvas must not jump when the first layer lands.
  const fitAtStart = useRef(!viewport.current && nodes.length > 0);
  useEffect(
    () => () => {
      rememberViewport();
      registerCanvas(null, null);
    },
    [],
  );

  // The output column showing or hiding beside the canvas changes its size: a graph that was all in
  // view is fitted to the new size (it lost its last node under the column's edge).
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    let size = { width: el.clientWidth, height: el.clientHeight };
    const observer = new ResizeObserver(() => {
      const before = size;
      size = { width: el.clientWidth, height: el.clientHeight };
      if (before.width === size.width && before.height === size.height) return;
      const nodes = useGraphStore.getState().nodes;
      const was = graphOnScreen(nodes, before);
      // React Flow learns its new size from its own observer: fit once it has.
      requestAnimationFrame(() => keepGraphInView(was, useGraphStore.getState().nodes));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Nodes grow when a run's unit tiles appear in them: rows below move down to make room, and the
  // same rule keeps the graph in view.
  const handleNodesChange = useCallback(
    (changes: NodeChange<LayerFlowNode>[]) => {
      const before = useGraphStore.getState().nodes;
      const growth = grownNodes(before, changes);
      const was = growth.length > 0 && graphOnScreen(before);
      onNodesChange(changes);
      if (!growth.length) return;
      const after = useGraphStore.getState().nodes;
      const boxes = nodeBoxes(after);
      const shift = makeRoom(new Map(after.map((n, i) => [n.id, boxes[i]!])), growth);
      if (shift.size)
        onNodesChange(
          after.flatMap((n) =>
            shift.has(n.id)
              ? [{ type: 'position' as const, id: n.id, position: { x: n.position.x, y: n.position.y + shift.get(n.id)! } }]
              : [],
          ),
        );
      if (was) requestAnimationFrame(() => keepGraphInView(true, useGraphStore.getState().nodes));
    },
    [onNodesChange],
  );

  const onInit = useCallback(
    (instance: ReactFlowInstance<LayerFlowNode, ShapeFlowEdge>) => registerCanvas(instance, wrapper.current),
    [],
  );

  const isValidConnection = useCallback(
    (c: Connection | Edge) => {
      const s = useGraphStore.getState();
      const problem = connectionProblem(s, { source: c.source, target: c.target }, dataset);
      lastProblem.current = problem;
      useUiStore.getState().setHint(problem ? { text: problem, ...pointer.current } : null);
      return problem === null;
    },
    [dataset],
  );

  const onConnect = useCallback((c: Connection) => useGraphStore.getState().connect(c.source, c.target), []);

  const onConnectEnd = useCallback((_e: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    const ui = useUiStore.getState();
    ui.setHint(null);
    if (state.toHandle && !state.isValid && lastProblem.current) ui.toast(`Connection refused: ${lastProblem.current}`, 'error');
    lastProblem.current = null;
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(LAYER_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback((e: DragEvent) => {
    const type = e.dataTransfer.getData(LAYER_DRAG_TYPE);
    if (!type || !getLayer(type)) return;
    e.preventDefault();
    const at = screenToFlow({ x: e.clientX, y: e.clientY });
    useGraphStore.getState().addLayer(type, { x: Math.round(at.x - NODE_HALF.x), y: Math.round(at.y - NODE_HALF.y) });
  }, []);

  const onPointerMove = useCallback((e: PointerEvent) => {
    pointer.current = { x: e.clientX, y: e.clientY };
    const hint = useUiStore.getState().hint;
    if (!hint) return;
    // The hint belongs to the handle it was refused at: once the pointer leaves it (or no drag is
    // under way any more) it would follow the pointer with a stale reason.
    const overRefused = e.buttons !== 0 && !!wrapper.current?.querySelector('.react-flow__handle.connectingto');
    useUiStore.getState().setHint(overRefused ? { ...hint, x: e.clientX, y: e.clientY } : null);
  }, []);

  return (
    <div className="canvas" ref={wrapper} onPointerMove={onPointerMove} data-testid="editor-canvas">
      <GraphCheckContext.Provider value={check}>
        <ReactFlow<LayerFlowNode, ShapeFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={handleNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onNodeDragStart={beginDrag}
          onNodeDragStop={endDrag}
          onSelectionDragStart={beginDrag}
          onSelectionDragStop={endDrag}
          onInit={onInit}
          onDrop={onDrop}
          onDragOver={onDragOver}
          colorMode={theme}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
          fitView={fitAtStart.current}
          {...(viewport.current ? { defaultViewport: viewport.current } : {})}
          fitViewOptions={FIT_VIEW_OPTIONS}
          minZoom={0.1}
          maxZoom={2.5}
          defaultEdgeOptions={{ type: 'shape' }}
          connectionRadius={28}
          attributionPosition="bottom-left"
        >
          <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} />
          {nodes.length > 0 && (
            <MiniMap
              pannable
              zoomable
              nodeColor={minimapColor}
              nodeStrokeWidth={0}
              ariaLabel="Overview of the graph"
              style={{ width: 132, height: 84 }}
            />
          )}
          <CanvasToolbar />
        </ReactFlow>
      </GraphCheckContext.Provider>
      {nodes.length === 0 && <EmptyCanvas />}
    </div>
  );
}

/** Nodes a change makes taller than they were measured before (a first measurement is no growth). */
function grownNodes(nodes: readonly LayerFlowNode[], changes: readonly NodeChange<LayerFlowNode>[]): Growth[] {
  if (useGraphStore.getState().dragging) return [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return changes.flatMap((c) => {
    const n = c.type === 'dimensions' && c.dimensions ? byId.get(c.id) : undefined;
    const old = n?.measured;
    if (c.type !== 'dimensions' || !c.dimensions || !n || !old?.width || !old.height || c.dimensions.height <= old.height + 1)
      return [];
    return [{ id: n.id, before: { ...n.position, width: old.width, height: old.height }, height: c.dimensions.height }];
  });
}

function beginDrag() {
  useGraphStore.getState().beginDrag();
}

function endDrag() {
  useGraphStore.getState().endDrag();
}

function minimapColor(node: LayerFlowNode): string {
  return categoryColor(getLayer(node.data.layerType)?.category);
}
