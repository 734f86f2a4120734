// The editor store: every edit is one undo step, drags are one step, saving clears "unsaved".
import { beforeEach, describe, expect, it } from 'vitest';
import { selectCanRedo, selectCanUndo, selectDirty, useGraphStore } from '../../src-renderer/document/graphStore';
import { emptyContent } from '../../src-renderer/document/defaults';
import { toGraphDoc } from '../../src-renderer/document/document';

const store = () => useGraphStore.getState();
const ids = () => store().nodes.map((n) => n.id);

function buildChain(): void {
  store().addLayer('Input', { x: 0, y: 0 });
  store().addLayer('Dense', { x: 250, y: 0 });
  store().addLayer('Dense', { x: 500, y: 0 });
  store().connect('input', 'dense1');
  store().connect('dense1', 'dense2');
}

beforeEach(() => {
  store().load(emptyContent(), null);
});

describe('graph store', () => {
  it('gives readable unique ids and selects the new layer alone', () => {
    buildChain();
    expect(ids()).toEqual(['input', 'dense1', 'dense2']);
    expect(
      store()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual(['dense2']);
    expect(store().edges.map((e) => `${e.source}->${e.target}`)).toEqual(['input->dense1', 'dense1->dense2']);
  });

  it('undoes and redoes every edit, one at a time', () => {
    buildChain();
    store().setParam('dense2', 'units', 3);
    expect(store().nodes[2].data.params.units).toBe(3);
    store().undo();
    expect(store().nodes[2].data.params.units).toBeUndefined();
    store().undo();
    expect(store().edges).toHaveLength(1);
    store().undo();
    store().undo();
    expect(ids()).toEqual(['input', 'dense1']);
    store().redo();
    expect(ids()).toEqual(['input', 'dense1', 'dense2']);
    store().redo();
    store().redo();
    expect(store().edges).toHaveLength(2);
    expect(store().nodes[2].data.params.units).toBeUndefined();
    store().redo();
    expect(store().nodes[2].data.params.units).toBe(3);
    expect(selectCanRedo(store())).toBe(false);
  });

  it('merges quick typing in one field into one step', () => {
    buildChain();
    const before = store().history.past.length;
    store().setParam('dense1', 'units', 1);
    store().setParam('dense1', 'units', 12);
    store().setParam('dense1', 'units', 128);
    expect(store().history.past.length).toBe(before + 1);
    store().undo();
    expect(store().nodes[1].data.params.units).toBeUndefined();
  });

  it('records a drag as one step however many moves it has', () => {
    buildChain();
    const before = store().history.past.length;
    store().beginDrag();
    for (let x = 0; x < 10; x++)
      store().onNodesChange([{ type: 'position', id: 'dense1', position: { x: 250 + x * 10, y: 40 }, dragging: true }]);
    store().onNodesChange([{ type: 'position', id: 'dense1', position: { x: 400, y: 40 }, dragging: false }]);
    store().endDrag();
    expect(store().history.past.length).toBe(before + 1);
    expect(store().nodes[1].position).toEqual({ x: 400, y: 40 });
    store().undo();
    expect(store().nodes[1].position).toEqual({ x: 250, y: 0 });
  });

  it('ignores selection and measurement changes in the history', () => {
    buildChain();
    const before = store().history.past.length;
    store().onNodesChange([{ type: 'select', id: 'input', selected: true }]);
    store().onNodesChange([{ type: 'dimensions', id: 'input', dimensions: { width: 180, height: 70 } }]);
    expect(store().history.past.length).toBe(before);
  });

  it('deletes the selection with its edges, as one undoable step', () => {
    buildChain();
    store().select(['dense1']);
    store().deleteSelected();
    expect(ids()).toEqual(['input', 'dense2']);
    expect(store().edges).toHaveLength(0);
    store().undo();
    expect(ids()).toEqual(['input', 'dense1', 'dense2']);
    expect(store().edges).toHaveLength(2);
  });

  it('copies, pastes and duplicates with fresh ids and inner edges', () => {
    buildChain();
    store().select(['dense1', 'dense2']);
    expect(store().copy()).toBe(true);
    store().paste();
    expect(ids()).toEqual(['input', 'dense1', 'dense2', 'dense3', 'dense4']);
    const pasted = store().nodes.slice(3);
    expect(pasted.every((n) => n.selected)).toBe(true);
    expect(pasted[0].position).toEqual({ x: 290, y: 40 });
    expect(store().edges.map((e) => `${e.source}->${e.target}`)).toContain('dense3->dense4');
    // A second paste lands further along, not on top of the first.
    store().paste();
    expect(store().nodes[5].position).toEqual({ x: 330, y: 80 });
    store().select(['input']);
    store().duplicate();
    expect(store().nodes.at(-1)!.data.layerType).toBe('Input');
    expect(store().nodes.at(-1)!.id).toBe('input1');
  });

  it('tracks unsaved changes through edits, saves and undo', () => {
    expect(selectDirty(store())).toBe(false);
    buildChain();
    expect(selectDirty(store())).toBe(true);
    store().markSaved('net.layerlab.json');
    expect(selectDirty(store())).toBe(false);
    expect(store().projectPath).toBe('net.layerlab.json');
    store().setParam('dense1', 'units', 8);
    expect(selectDirty(store())).toBe(true);
    store().undo();
    expect(selectDirty(store())).toBe(false);
  });

  it('edits training settings and the optimizer as undoable steps', () => {
    store().setTraining({ epochs: 7 });
    store().setOptimizer({ name: 'sgd', lr: 0.1 });
    expect(store().training.epochs).toBe(7);
    expect(store().training.optimizer).toEqual({ name: 'sgd', lr: 0.1 });
    store().undo();
    expect(store().training.optimizer.name).toBe('adam');
    expect(selectCanUndo(store())).toBe(true);
  });

  it('auto-layout orders layers left to right along the data flow', () => {
    store().addLayer('Dense', { x: 0, y: 0 });
    store().addLayer('Input', { x: 900, y: 300 });
    store().addLayer('Dense', { x: 400, y: -200 });
    store().connect('input', 'dense1');
    store().connect('dense1', 'dense2');
    store().autoLayout();
    const x = Object.fromEntries(store().nodes.map((n) => [n.id, n.position.x]));
    expect(x.input).toBeLessThan(x.dense1);
    expect(x.dense1).toBeLessThan(x.dense2);
    store().undo();
    expect(store().nodes.find((n) => n.id === 'input')!.position).toEqual({ x: 900, y: 300 });
  });

  it('loads a document with a fresh history and saves the same document back', () => {
    buildChain();
    const doc = toGraphDoc(store());
    store().load(emptyContent(), null);
    expect(store().nodes).toHaveLength(0);
    store().load({ ...emptyContent(), nodes: [], edges: [] }, null);
    expect(selectCanUndo(store())).toBe(false);
    expect(doc.nodes.map((n) => n.id)).toEqual(['input', 'dense1', 'dense2']);
  });
});

describe('auto-layout of long networks', () => {
  it('wraps a long chain into rows when that shows it larger, keeping reading order', () => {
    store().addLayer('Input', { x: 0, y: 0 });
    for (let i = 1; i <= 8; i++) {
      store().addLayer('Dense', { x: 0, y: 0 });
      store().connect(i === 1 ? 'input' : `dense${i - 1}`, `dense${i}`);
    }
    store().autoLayout({ width: 700, height: 440 });
    const pos = store().nodes.map((n) => n.position);
    const rows = [...new Set(pos.map((p) => p.y))];
    expect(rows.length).toBeGreaterThan(1);
    expect(Math.max(...pos.map((p) => p.x))).toBeLessThan(700);
    // Left to right within a row, rows top to bottom: the order of the chain.
    const order = [...store().nodes].sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x).map((n) => n.id);
    expect(order).toEqual(store().nodes.map((n) => n.id));
  });

  it('keeps a long branched network on one band (wrapped branches would tangle their edges)', () => {
    store().addLayer('Input', { x: 0, y: 0 });
    for (let i = 1; i <= 8; i++) {
      store().addLayer('Dense', { x: 0, y: 0 });
      store().connect(i === 1 ? 'input' : `dense${i - 1}`, `dense${i}`);
    }
    // A side branch from the input: two layers share the first column.
    store().addLayer('Dense', { x: 0, y: 0 });
    store().connect('input', 'dense9');
    store().autoLayout({ width: 700, height: 440 });
    const x = Object.fromEntries(store().nodes.map((n) => [n.id, n.position.x]));
    for (let i = 2; i <= 8; i++) expect(x[`dense${i}`]).toBeGreaterThan(x[`dense${i - 1}`]);
  });

  it('keeps a short chain on one row', () => {
    store().addLayer('Input', { x: 0, y: 0 });
    store().addLayer('Dense', { x: 0, y: 0 });
    store().connect('input', 'dense1');
    store().autoLayout({ width: 700, height: 440 });
    expect(new Set(store().nodes.map((n) => n.position.y)).size).toBe(1);
  });
});

describe('edits that change nothing', () => {
  it('are not undo steps', () => {
    store().addLayer('Dense', { x: 0, y: 0 });
    store().setParam('dense1', 'units', 4);
    const before = store().history.past.length;
    store().setParam('dense1', 'units', 4);
    store().setTraining({ epochs: store().training.epochs });
    store().setOptimizer({ lr: store().training.optimizer.lr });
    expect(store().history.past.length).toBe(before);
  });
});

describe('selection across undo', () => {
  it('keeps the current selection rather than the one saved with the step', () => {
    buildChain();
    store().selectAll();
    store().deleteSelected();
    expect(store().nodes).toHaveLength(0);
    store().undo();
    expect(store().nodes.filter((n) => n.selected)).toHaveLength(0);
    store().select(['dense1']);
    store().setParam('dense1', 'units', 5);
    store().undo();
    expect(
      store()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual(['dense1']);
  });
});
