// Lets shortcuts, menus and the problems list drive the editor canvas (fit, focus, centre).
import type { ReactFlowInstance, XYPosition } from '@xyflow/react';
import type { LayerFlowNode, ShapeFlowEdge } from '../store/types';

/** The drag payload type of a palette item. */
export const LAYER_DRAG_TYPE = 'application/x-layerlab-layer';

type Instance = ReactFlowInstance<LayerFlowNode, ShapeFlowEdge>;
let instance: Instance | null = null;
let container: HTMLElement | null = null;

export function registerCanvas(next: Instance | null, element: HTMLElement | null): void {
  instance = next;
  container = element;
}

export function fitCanvas(): void {
  void instance?.fitView({ padding: 0.2, duration: 250, maxZoom: 1.25 });
}

export function zoomCanvas(direction: 1 | -1): void {
  if (direction > 0) void instance?.zoomIn({ duration: 150 });
  else void instance?.zoomOut({ duration: 150 });
}

export function focusNode(id: string): void {
  void instance?.fitView({ nodes: [{ id }], padding: 1.2, duration: 300, maxZoom: 1.25 });
}

/** Flow coordinates of the visible centre, for adding a layer by click. */
export function visibleCentre(): XYPosition {
  if (!instance || !container) return { x: 0, y: 0 };
  const r = container.getBoundingClientRect();
  return instance.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
}

export function screenToFlow(point: XYPosition): XYPosition {
  return instance ? instance.screenToFlowPosition(point) : point;
}
