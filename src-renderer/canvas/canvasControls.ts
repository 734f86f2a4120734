// Lets shortcuts, menus and the problems list drive the editor canvas (fit, focus, centre).
import type { ReactFlowInstance, Viewport, XYPosition } from '@xyflow/react';
import type { LayerFlowNode, ShapeFlowEdge } from '../document/types';
import { allOnScreen, needsRefit, type Box, type Inset } from './keepInView';

/** The drag payload type of a palette item. */
export const LAYER_DRAG_TYPE = 'application/x-layerlab-layer';

type Instance = ReactFlowInstance<LayerFlowNode, ShapeFlowEdge>;
let instance: Instance | null = null;
let container: HTMLElement | null = null;

export function registerCanvas(next: Instance | null, element: HTMLElement | null): void {
  instance = next;
  container = element;
}

let savedViewport: Viewport | null = null;

/** Keeps the editor's pan and zoom while a run is open, so coming back lands in the same place. */
export function rememberViewport(): void {
  if (instance) savedViewport = instance.getViewport();
}

export function rememberedViewport(): Viewport | null {
  return savedViewport;
}

/** Room a fit leaves for the toolbar (top left) and the minimap (bottom right), which float over the
 *  canvas: a plain 15 % margin put nodes under them. */
export const FIT_INSET: Inset = { top: 64, right: 32, bottom: 112, left: 32 };

export const FIT_VIEW_OPTIONS = {
  padding: {
    top: `${FIT_INSET.top}px`,
    bottom: `${FIT_INSET.bottom}px`,
    left: `${FIT_INSET.left}px`,
    right: `${FIT_INSET.right}px`,
  },
  maxZoom: 1.1,
  // As far out as the canvas zooms: a long chain beside the output column needs it to be all seen.
  minZoom: 0.1,
} as const;

export function fitCanvas(): void {
  void instance?.fitView({ ...FIT_VIEW_OPTIONS, duration: 250 });
}

/** The nodes' boxes in flow coordinates, as last measured (unmeasured nodes at their default size). */
export function nodeBoxes(nodes: readonly LayerFlowNode[]): Box[] {
  return nodes.map((n) => ({ ...n.position, width: n.measured?.width ?? 172, height: n.measured?.height ?? 76 }));
}

/** Whether all of these nodes show on the canvas at the current view (the canvas of `size`, if given). */
export function graphOnScreen(nodes: readonly LayerFlowNode[], size?: { width: number; height: number }): boolean {
  const area = size ?? canvasArea();
  return !!instance && !!area && nodes.length > 0 && allOnScreen(nodeBoxes(nodes), instance.getViewport(), area);
}

/** After a resize of the canvas or of nodes: fits again if the graph was all in view and no longer is. */
export function keepGraphInView(wasOnScreen: boolean, nodes: readonly LayerFlowNode[]): void {
  const area = canvasArea();
  if (!instance || !area) return;
  if (needsRefit(wasOnScreen, nodeBoxes(nodes), instance.getViewport(), area, FIT_INSET)) void instance.fitView(FIT_VIEW_OPTIONS);
}

export function zoomCanvas(direction: 1 | -1): void {
  if (direction > 0) void instance?.zoomIn({ duration: 150 });
  else void instance?.zoomOut({ duration: 150 });
}

/** Brings a node to the centre without a jarring zoom: only zooms in if the view is too small to read. */
export function focusNode(id: string): void {
  const node = instance?.getInternalNode(id);
  if (!instance || !node) return;
  const { x, y } = node.internals.positionAbsolute;
  const width = node.measured.width ?? 184;
  const height = node.measured.height ?? 76;
  void instance.setCenter(x + width / 2, y + height / 2, { zoom: Math.max(instance.getZoom(), 0.8), duration: 300 });
}

/** Flow coordinates of the visible centre, for adding a layer by click. */
export function visibleCentre(): XYPosition {
  if (!instance || !container) return { x: 0, y: 0 };
  const r = container.getBoundingClientRect();
  return instance.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
}

/** The canvas's size on screen, for a layout that fits it. */
export function canvasArea(): { width: number; height: number } | undefined {
  const r = container?.getBoundingClientRect();
  return r && r.width > 0 ? { width: r.width, height: r.height } : undefined;
}

export function screenToFlow(point: XYPosition): XYPosition {
  return instance ? instance.screenToFlowPosition(point) : point;
}
