// UI smoothness in serve mode, in Debian's Chromium: frames per second while panning a
// 300-node graph, and while the loss chart receives 10 updates a second of a 100,000-step run;
// then the live laboratory's figures while a real run trains (bench/ui-live.ts).
// Headless Chromium renders in software here (no GPU), so these are lower bounds.
//   npx tsx bench/ui-fps.ts        (also the "ui" section of npm run bench)
import { pathToFileURL } from 'node:url';
import { startSession } from '../tests/e2e/harness';
import { GRAPH_FORMAT, type GraphDoc } from '../src-shared/graphFormat';
import { printUiLiveBench, runUiLiveBench, type UiLiveResult } from './ui-live';
import { framesDuring, round1, until } from './ui-helpers';

export interface UiFpsResult {
  nodes: number;
  edges: number;
  panSeconds: number;
  panFps: number;
  chartSeconds: number;
  chartUpdatesPerSecond: number;
  chartSteps: number;
  chartFps: number;
  /** Mean time to take in one update of 333 steps (store, buffers, React), in ms; drawing follows in the next frame. */
  chartUpdateMs: number;
  renderer: string;
  /** The live laboratory while a real run trains (bench/ui-live.ts). */
  live: UiLiveResult;
}

/** 300 layers: Input, 99 residual stages (Dense → Dense → Add, with a skip edge), Dropout, output; ~400 edges. */
export function benchGraph(stages = 99): GraphDoc {
  const nodes: GraphDoc['nodes'] = [{ id: 'input', type: 'Input', position: { x: 0, y: 0 } }];
  const edges: Array<{ source: string; target: string }> = [];
  let previous = 'input';
  for (let s = 0; s < stages; s++) {
    // Ten stages per band, bands stacked downwards.
    const x = 260 + (s % 10) * 3 * 260;
    const y = Math.floor(s / 10) * 300;
    const [a, b, add] = [`a${s}`, `b${s}`, `add${s}`];
    nodes.push(
      { id: a, type: 'Dense', params: { units: 16, activation: 'relu' }, position: { x, y } },
      { id: b, type: 'Dense', params: { units: 16 }, position: { x: x + 260, y: y + 130 } },
      { id: add, type: 'Add', position: { x: x + 520, y } },
    );
    edges.push({ source: previous, target: a }, { source: a, target: b }, { source: b, target: add }, { source: a, target: add });
    previous = add;
  }
  nodes.push(
    { id: 'dropout', type: 'Dropout', params: { rate: 0.2 }, position: { x: 0, y: 3100 } },
    { id: 'output', type: 'Dense', params: { units: 3, activation: 'softmax' }, position: { x: 260, y: 3100 } },
  );
  edges.push({ source: previous, target: 'dropout' }, { source: 'dropout', target: 'output' });
  return {
    format: GRAPH_FORMAT,
    name: 'bench-300',
    nodes,
    edges: edges.map((e, i) => ({ id: `e${i + 1}`, ...e })),
    training: {
      dataset: 'iris',
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.01 },
      batchSize: 16,
      epochs: 1,
      seed: 1,
      validationSplit: 0.2,
    },
  };
}

export async function runUiFpsBench(): Promise<UiFpsResult> {
  const base = await panAndChart();
  // Its own session: a fresh page and a server whose spare engine nothing else is using.
  return { ...base, live: await runUiLiveBench() };
}

async function panAndChart(): Promise<Omit<UiFpsResult, 'live'>> {
  const session = await startSession({ query: 'testHooks=1' });
  const page = session.page;
  try {
    const doc = benchGraph();
    const loaded = await page.evaluate(`window.__layerlab.loadDoc(${JSON.stringify(doc)})`);
    if (!loaded) throw new Error('the bench graph does not parse');
    await until(page, `document.querySelectorAll('.react-flow__node').length >= ${doc.nodes.length}`, 60_000);
    await page.keyboard.press('f');
    await page.waitForTimeout(800);

    // Pan: drag the empty canvas back and forth for ~3 s with real mouse events.
    const pane = await page.locator('[data-testid="editor-canvas"]').boundingBox();
    if (!pane) throw new Error('no canvas');
    const panSeconds = 3;
    // Start the drag on empty canvas (not on a node, which would move the node instead).
    const empty = (await page.evaluate(`(() => {
      for (let y = ${Math.round(pane.y + 120)}; y < ${Math.round(pane.y + pane.height - 40)}; y += 10)
        for (let x = ${Math.round(pane.x + 40)}; x < ${Math.round(pane.x + pane.width - 40)}; x += 10)
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return [x, y];
      return null;
    })()`)) as [number, number] | null;
    if (!empty) throw new Error('no empty spot on the canvas to drag');
    const [cx, cy] = empty;
    const counting = framesDuring(page, panSeconds, 'await new Promise((r) => setTimeout(r, seconds * 1000)); return 0;');
    const end = Date.now() + panSeconds * 1000;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; Date.now() < end; i++) {
      await page.mouse.move(cx + Math.sin(i / 10) * 150, cy + Math.cos(i / 13) * 100);
    }
    await page.mouse.up();
    const pan = await counting;
    const moved = await page.evaluate(`getComputedStyle(document.querySelector('.react-flow__viewport')).transform`);
    if (moved === 'none') throw new Error('the canvas did not pan');

    // Chart: a fake live run with 90,000 steps already drawn, then 10 updates a second.
    await page.evaluate(`(() => {
      const hooks = window.__layerlab;
      hooks.ui.getState().setBottomTab('charts');
      hooks.runs.setState({ activeRunId: 'bench' });
      const batch = [{ runId: 'bench', kind: 'engine', event: { event: 'start', epochs: 100, stepsPerEpoch: 1000, trainCount: 16000, valCount: 4000, parameterCount: 1000, backend: 'cpu' } }];
      for (let step = 1; step <= 90000; step++) {
        batch.push({ runId: 'bench', kind: 'engine', event: { event: 'step', epoch: Math.ceil(step / 1000), step, loss: 1 / Math.sqrt(step) + Math.random() * 0.1, lr: 0.01 } });
      }
      hooks.runs.getState().applyUpdates(batch);
    })()`);
    await page.waitForTimeout(500);
    const chartSeconds = 3;
    const chart = await framesDuring<number>(
      page,
      chartSeconds,
      `
      const applyAll = window.__layerlab.runs.getState().applyUpdates;
      let step = 90000, busy = 0, updates = 0;
      const begin = performance.now();
      const until = begin + seconds * 1000;
      while (performance.now() < until) {
        const t0 = performance.now();
        const batch = [];
        for (let k = 0; k < 333; k++) {
          step++;
          batch.push({ runId: 'bench', kind: 'engine', event: { event: 'step', epoch: Math.ceil(step / 1000), step, loss: 1 / Math.sqrt(step), lr: 0.01 } });
        }
        if (step % 1000 < 333) batch.push({ runId: 'bench', kind: 'engine', event: { event: 'epoch', epoch: Math.ceil(step / 1000), step, trainLoss: 1 / Math.sqrt(step), trainAcc: 0.9, valLoss: 1.1 / Math.sqrt(step), valAcc: 0.88, lr: 0.01, elapsedMs: 100, samplesPerSec: 1000, layers: {} } });
        applyAll(batch);
        busy += performance.now() - t0;
        updates++;
        // On a fixed 100 ms grid, so timer slack does not pile up.
        await new Promise((r) => setTimeout(r, Math.max(0, begin + updates * 100 - performance.now())));
      }
      window.__benchUpdates = updates;
      return busy / updates;
      `,
    );
    const updates = Number(await page.evaluate('window.__benchUpdates'));
    const renderer = String(
      await page.evaluate(`(() => {
        const gl = document.createElement('canvas').getContext('webgl');
        const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
        return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'software (no WebGL)';
      })()`),
    );
    return {
      nodes: doc.nodes.length,
      edges: doc.edges.length,
      panSeconds,
      panFps: round1(pan.fps),
      chartSeconds,
      chartUpdatesPerSecond: round1(updates / chartSeconds),
      chartSteps: 90_000 + updates * 333,
      chartFps: round1(chart.fps),
      chartUpdateMs: round1(chart.extra),
      renderer,
    };
  } finally {
    await session.close();
  }
}

export function printUiFpsBench(r: UiFpsResult, out: (line: string) => void = console.log): void {
  out(`Panning a ${r.nodes}-node, ${r.edges}-edge graph for ${r.panSeconds} s: ${r.panFps} frames/s (no target)`);
  out(
    `Loss chart at ${r.chartUpdatesPerSecond} updates/s up to ${r.chartSteps.toLocaleString('en')} steps: ${r.chartFps} frames/s ` +
      `(${r.chartUpdateMs} ms to take in each update of 333 steps; the redraw follows in the next frame)`,
  );
  out(`Chromium headless, renderer: ${r.renderer}; software rendering on this machine, so real displays do better.`);
  printUiLiveBench(r.live, out);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runUiFpsBench().then(printUiFpsBench, (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
