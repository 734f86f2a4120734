// Undo/redo, auto-layout, fit and zoom, floating over the canvas's top-left corner.
import { Panel } from '@xyflow/react';
import { selectCanRedo, selectCanUndo, useGraphStore } from '../store/graphStore';
import { IconButton } from '../ui/IconButton';
import { fitCanvas, zoomCanvas } from './canvasControls';
import { runCommand } from '../app/commands';

export function CanvasToolbar() {
  const canUndo = useGraphStore(selectCanUndo);
  const canRedo = useGraphStore(selectCanRedo);
  return (
    <Panel position="top-left" className="canvas-toolbar" aria-label="Canvas tools">
      <IconButton icon="undo" label="Undo" shortcut="undo" onClick={() => runCommand('undo')} disabled={!canUndo} testId="undo" />
      <IconButton icon="redo" label="Redo" shortcut="redo" onClick={() => runCommand('redo')} disabled={!canRedo} testId="redo" />
      <span className="toolbar-sep" />
      <IconButton icon="layout" label="Auto-layout" shortcut="autoLayout" onClick={() => runCommand('autoLayout')} testId="auto-layout" />
      <IconButton icon="fit" label="Fit view" shortcut="fitView" onClick={fitCanvas} />
      {/* Zoom has no key of its own: the tooltip names the wheel, which does the same. */}
      <IconButton icon="zoomIn" label="Zoom in (or scroll up on the canvas)" onClick={() => zoomCanvas(1)} />
      <IconButton icon="zoomOut" label="Zoom out (or scroll down on the canvas)" onClick={() => zoomCanvas(-1)} />
    </Panel>
  );
}
