// Undo/redo, auto-layout, fit and zoom, floating over the canvas's top-left corner.
import { Panel } from '@xyflow/react';
import { selectCanRedo, selectCanUndo, useGraphStore } from '../document/graphStore';
import { IconButton } from '../ui/IconButton';
import { fitCanvas, zoomCanvas } from './canvasControls';
import { runCommand } from '../app/commands';
import { SHORTCUTS } from '../ui/shortcuts';

export function CanvasToolbar() {
  const canUndo = useGraphStore(selectCanUndo);
  const canRedo = useGraphStore(selectCanRedo);
  return (
    <Panel position="top-left" className="canvas-toolbar" aria-label="Canvas tools">
      <IconButton icon="undo" label="Undo" shortcut="undo" onClick={() => runCommand('undo')} disabled={!canUndo} testId="undo" />
      <IconButton icon="redo" label="Redo" shortcut="redo" onClick={() => runCommand('redo')} disabled={!canRedo} testId="redo" />
      <span className="toolbar-sep" />
      <IconButton
        icon="layout"
        label="Auto-layout"
        shortcut="autoLayout"
        onClick={() => runCommand('autoLayout')}
        testId="auto-layout"
      />
      <IconButton
        icon="fit"
        label={`Fit view (${SHORTCUTS.fitView} or ${SHORTCUTS.zoomFit})`}
        onClick={() => fitCanvas()}
        testId="fit-view"
      />
      {/* The mouse wheel zooms too; the tooltips name the keys, which are harder to guess. */}
      <IconButton icon="zoomIn" label="Zoom in" shortcut="zoomIn" onClick={() => zoomCanvas(1)} testId="zoom-in" />
      <IconButton icon="zoomOut" label="Zoom out" shortcut="zoomOut" onClick={() => zoomCanvas(-1)} testId="zoom-out" />
    </Panel>
  );
}
