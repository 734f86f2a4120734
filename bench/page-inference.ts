// In-page inference in serve mode, in Debian's Chromium (issue #19, "the fast CPU path in the
// page"): the time to predict a decision-boundary grid with the page's InferenceSession, on the
// plain JavaScript kernels (what the page used before it was cross-origin isolated) and on the
// fast WebAssembly kernels with 1 and 2 threads, measured interleaved in the same page.
//   npx tsx bench/page-inference.ts [--rounds N]
import { pathToFileURL } from 'node:url';
import { startSession } from '../tests/e2e/harness';
import { GRAPH_FORMAT, type GraphDoc } from '../src-shared/graphFormat';
import { validateGraph, type DatasetInfo } from '../src-engine/graph/validate';
import { Model } from '../src-engine/graph/model';
import { snapshotModel } from '../src-engine/train/checkpoints';
import { InferenceSession } from '../src-engine/train/inferenceSession';

export interface PageInferenceRow {
  model: string;
  points: number;
  /** Median ms per prediction of the whole grid. */
  plainMs: number;
  fast1Ms: number;
  fast2Ms: number;
}

function mlp(hidden: number[]): GraphDoc {
  const layers: Array<[string, string, Record<string, unknown>]> = [
    ['input', 'Input', {}],
    ...hidden.map((units, i): [string, string, Record<string, unknown>] => [`h${i + 1}`, 'Dense', { units, activation: 'tanh' }]),
    ['output', 'Dense', { units: 2, activation: 'softmax' }],
  ];
  return {
    format: GRAPH_FORMAT,
    name: `bench-page-${hidden.join('x')}`,
    nodes: layers.map(([id, type, params], i) => ({ id, type, params, position: { x: i * 220, y: 0 } })),
    edges: layers.slice(1).map(([id], i) => ({ id: `e${i + 1}`, source: layers[i]![0], target: id })),
    training: {
      dataset: 'spiral',
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.01 },
      batchSize: 16,
      epochs: 1,
      seed: 1,
      validationSplit: 0.2,
    },
  };
}

const DATASET: DatasetInfo = { task: 'classification', inputShape: [2], targetShape: [1], classCount: 2 };

/** The model's weights from its seed, as a run's checkpoint carries them. */
async function storedWeights(doc: GraphDoc): Promise<Array<{ name: string; data: number[] }>> {
  const v = validateGraph(doc, DATASET);
  if (!v.ok) throw new Error(`the bench graph must validate: ${v.issues[0]?.message}`);
  const session = new InferenceSession();
  const model = session.run(() => new Model(v.validated, doc.training.seed, 'he_normal'));
  return (await snapshotModel(model)).map((t) => ({ name: t.name, data: Array.from(t.data) }));
}

const MODELS = [
  { label: 'spiral MLP 8×3 (the live lab)', doc: mlp([8, 8, 8]), side: 100 },
  { label: 'MLP 64×64', doc: mlp([64, 64]), side: 100 },
  { label: 'MLP 256×256', doc: mlp([256, 256]), side: 100 },
];

export async function runPageInferenceBench(rounds = 15): Promise<PageInferenceRow[]> {
  const s = await startSession({ query: 'testHooks=1' });
  try {
    const rows: PageInferenceRow[] = [];
    for (const m of MODELS) {
      const times = await s.page.evaluate(
        async ({ doc, side, rounds, stored, dataset }) => {
          const hooks = window.__layerlab!.inference;
          const x = new Float32Array(side * side * 2);
          for (let i = 0; i < side * side; i++) {
            x[2 * i] = ((i % side) / (side - 1)) * 12 - 6;
            x[2 * i + 1] = (Math.floor(i / side) / (side - 1)) * 12 - 6;
          }
          const plain = hooks.plainSession();
          const fast = hooks.session();
          const out: Record<string, number[]> = { plain: [], fast1: [], fast2: [] };
          for (let r = 0; r < rounds; r++) {
            for (const variant of ['plain', 'fast1', 'fast2'] as const) {
              if (variant !== 'plain') {
                hooks.setThreads(variant === 'fast1' ? 1 : 2);
                await hooks.ready();
              }
              const session = variant === 'plain' ? plain : fast;
              const loaded = session.loadModel(doc, dataset, stored);
              if ('error' in loaded) throw new Error(loaded.error);
              session.predict(loaded, x, side * side); // warm
              const t0 = performance.now();
              session.predict(loaded, x, side * side);
              out[variant]!.push(performance.now() - t0);
            }
          }
          return out;
        },
        { doc: m.doc, side: m.side, rounds, stored: await storedWeights(m.doc), dataset: DATASET },
      );
      const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
      rows.push({
        model: m.label,
        points: m.side * m.side,
        plainMs: median(times.plain!),
        fast1Ms: median(times.fast1!),
        fast2Ms: median(times.fast2!),
      });
    }
    return rows;
  } finally {
    await s.close();
  }
}

export function printPageInferenceBench(rows: PageInferenceRow[]): void {
  console.log('In-page inference (serve mode, Chromium): predicting a decision-boundary grid, median ms');
  console.log('model                           points   plain JS   cpu-fast 1 thr   cpu-fast 2 thr   speed-up (2 thr)');
  for (const r of rows)
    console.log(
      `${r.model.padEnd(30)} ${String(r.points).padStart(7)} ${r.plainMs.toFixed(2).padStart(10)} ${r.fast1Ms.toFixed(2).padStart(16)} ${r.fast2Ms.toFixed(2).padStart(16)} ${(r.plainMs / r.fast2Ms).toFixed(1).padStart(17)}×`,
    );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--rounds');
  printPageInferenceBench(await runPageInferenceBench(at > 0 ? Number(process.argv[at + 1]) : undefined));
}
