// Warnings that teach: each looks at what a run recorded (its graph, per-epoch losses and per-layer
// diagnostics) and explains in one line what went wrong and where to learn about it. Pure
// functions, so the run view, the editor and the tests all read the same verdicts.
import type { GraphDoc } from '../../src-shared/graphFormat';
import { initializerRegistry } from '../init/registry';
import { getLayer } from '../layers';
import type { EpochMetric, LayerMetric, RunStatus } from '../../src-shared/api';

export type WarningKind = 'divergence' | 'dead-relu' | 'symmetry' | 'vanishing' | 'exploding' | 'lr-too-small' | 'overfitting';

export interface TrainingWarning {
  kind: WarningKind;
  /** One line for a person. */
  text: string;
  /** The lab that explains it. */
  lab?: 'initLab' | 'optimizerLab' | 'gradCheck';
  nodeId?: string;
}

export interface WarningInput {
  graph: Pick<GraphDoc, 'nodes' | 'edges' | 'training'>;
  epochs: ReadonlyArray<Pick<EpochMetric, 'epoch' | 'trainLoss' | 'valLoss' | 'trainAcc'>>;
  layers: ReadonlyArray<LayerMetric>;
  status?: RunStatus;
}

/** Thresholds, named so tests and docs can cite them. */
export const WARNING_LIMITS = {
  /** Gradient norms across depth spanning more than this ratio: vanishing or exploding. */
  gradientSpan: 1e3,
  /** Epochs of a flat loss before the learning rate is called too small. */
  flatEpochs: 5,
  /** "Flat": the loss never fell this share below its first epoch's. */
  flatShare: 0.02,
  /** Epochs since the best validation loss before calling it overfitting. */
  overfitEpochs: 3,
  /** ...and how far above its best the validation loss must be. */
  overfitRise: 0.1,
  /** Share of a ReLU layer's units dead (0 on every probe sample) before it is worth a warning. */
  deadShare: 0.5,
} as const;

/** How many units a node of a layer with per-unit weight rows has (the layer registry says which); else undefined. */
function unitCount(node: WarningInput['graph']['nodes'][number]): number | undefined {
  const def = getLayer(node.type);
  const name = def?.unitsParam;
  if (!def || !name) return undefined;
  return Number(node.params?.[name] ?? def.params.find((p) => p.name === name)?.default ?? 0);
}

/** The initializer's registry entry says every weight starts the same (zeros, constant). */
function startsUniform(initializer: string): boolean {
  return initializerRegistry.get(initializer)?.sameForEveryWeight === true;
}

export function detectWarnings(input: WarningInput): TrainingWarning[] {
  const out: TrainingWarning[] = [];
  const divergence = divergenceWarning(input);
  if (divergence) return [divergence];
  out.push(...merged(symmetryWarnings(input.graph)));
  const dead = merged(deadWarnings(input));
  out.push(...dead);
  const gradient = gradientSpanWarning(input);
  if (gradient) out.push(gradient);
  // A dead or symmetric network is also flat; the cause is the one to name.
  const flat = dead.length || out.some((w) => w.kind === 'symmetry') ? undefined : flatLossWarning(input);
  if (flat) out.push(flat);
  const overfit = overfittingWarning(input);
  if (overfit) out.push(overfit);
  return out;
}

function divergenceWarning({ epochs, status }: WarningInput): TrainingWarning | undefined {
  const bad = epochs.find((e) => !Number.isFinite(e.trainLoss) || (e.valLoss !== undefined && !Number.isFinite(e.valLoss)));
  if (status !== 'diverged' && !bad) return undefined;
  const where = bad ? ` at epoch ${bad.epoch}` : '';
  return {
    kind: 'divergence',
    lab: 'optimizerLab',
    text: `Diverged${where}: the loss stopped being a number. The steps overshoot — lower the learning rate (or clip gradients).`,
  };
}

/** Hidden layers whose units start equal and whose next layer also starts constant: every unit gets the same update forever. */
function symmetryWarnings(graph: WarningInput['graph']): TrainingWarning[] {
  const out: TrainingWarning[] = [];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const initOf = (id: string): string => {
    const own = byId.get(id)?.params?.initializer;
    return typeof own === 'string' && own !== 'default' ? own : (graph.training.initializer ?? 'xavier_uniform');
  };
  const nextParameterized = (id: string): string[] => {
    const found: string[] = [];
    const seen = new Set<string>();
    const walk = (from: string) => {
      for (const e of graph.edges) {
        if (e.source !== from || seen.has(e.target)) continue;
        seen.add(e.target);
        const target = byId.get(e.target);
        if (target && unitCount(target) !== undefined) found.push(e.target);
        else walk(e.target);
      }
    };
    walk(id);
    return found;
  };
  for (const node of graph.nodes) {
    const units = unitCount(node);
    if (units === undefined || !startsUniform(initOf(node.id))) continue;
    const next = nextParameterized(node.id);
    if (!next.length || !next.every((id) => startsUniform(initOf(id)))) continue;
    if (units < 2) continue;
    out.push({
      kind: 'symmetry',
      lab: 'initLab',
      nodeId: node.id,
      text: `Symmetry in ${node.id}: the ${units} units start identical (${initOf(node.id)} init) and get identical updates, so they stay copies — a layer of them acts as one unit. Use a random initializer.`,
    });
  }
  return out;
}

/** One line per kind: several layers with the same problem are named together. */
function merged(warnings: TrainingWarning[]): TrainingWarning[] {
  const out: TrainingWarning[] = [];
  for (const kindOf of new Set(warnings.map((w) => `${w.kind}|${w.text.replace(w.nodeId ?? '', '§')}`))) {
    const same = warnings.filter((w) => `${w.kind}|${w.text.replace(w.nodeId ?? '', '§')}` === kindOf);
    const first = same[0]!;
    if (same.length === 1) out.push(first);
    else out.push({ ...first, text: first.text.replace(first.nodeId ?? '', same.map((w) => w.nodeId).join(', ')) });
  }
  return out;
}

function latestLayers(layers: ReadonlyArray<LayerMetric>): LayerMetric[] {
  const last = layers.reduce((m, l) => Math.max(m, l.epoch), 0);
  return layers.filter((l) => l.epoch === last);
}

function isRelu(node: GraphDoc['nodes'][number] | undefined): boolean {
  return !!node && (node.type === 'ReLU' || node.params?.activation === 'relu');
}

/**
 * ReLU layers that output 0 for every probe sample, layers where at least half the units never
 * fire (a few dead units are normal), and layers that got no gradient at all, in the latest epoch.
 */
function deadWarnings({ graph, layers }: WarningInput): TrainingWarning[] {
  const out: TrainingWarning[] = [];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const l of latestLayers(layers)) {
    const node = byId.get(l.nodeId);
    if (isRelu(node) && l.actMean === 0 && l.actStd === 0) {
      out.push({
        kind: 'dead-relu',
        lab: 'initLab',
        nodeId: l.nodeId,
        text: `Dead ReLUs in ${l.nodeId}: every unit outputs 0 on every sample in epoch ${l.epoch}, so no gradient flows through it. Try another initializer, a lower learning rate or LeakyReLU.`,
      });
    } else if (l.units && l.deadUnits !== undefined && l.deadUnits / l.units >= WARNING_LIMITS.deadShare) {
      out.push({
        kind: 'dead-relu',
        lab: 'initLab',
        nodeId: l.nodeId,
        text: `Dead ReLUs in ${l.nodeId}: ${l.deadUnits} of its ${l.units} units output 0 on every sample in epoch ${l.epoch}, so they have stopped learning. Try a lower learning rate, He initialization or LeakyReLU.`,
      });
    } else if (l.gradNorm === 0) {
      out.push({
        kind: 'dead-relu',
        lab: 'initLab',
        nodeId: l.nodeId,
        text: `No gradient reaches ${l.nodeId} (norm 0 in epoch ${l.epoch}): it cannot learn. Dead units or an all-zero initialization block the signal.`,
      });
    }
  }
  return out;
}

/** Nodes in the order data flows through them (sources first). */
function depthOrder(graph: WarningInput['graph']): string[] {
  const indegree = new Map(graph.nodes.map((n) => [n.id, 0]));
  for (const e of graph.edges) indegree.set(e.target, (indegree.get(e.target) ?? 0) + 1);
  const queue = graph.nodes.filter((n) => !indegree.get(n.id)).map((n) => n.id);
  const order: string[] = [];
  while (queue.length) {
    const id = queue.shift()!;
    order.push(id);
    for (const e of graph.edges) {
      if (e.source !== id) continue;
      const d = (indegree.get(e.target) ?? 1) - 1;
      indegree.set(e.target, d);
      if (d === 0) queue.push(e.target);
    }
  }
  return order;
}

function gradientSpanWarning({ graph, layers }: WarningInput): TrainingWarning | undefined {
  const latest = new Map(latestLayers(layers).map((l) => [l.nodeId, l]));
  const norms = depthOrder(graph)
    .map((id) => ({ id, norm: latest.get(id)?.gradNorm }))
    .filter((l): l is { id: string; norm: number } => l.norm !== undefined && Number.isFinite(l.norm) && l.norm > 0);
  if (norms.length < 3) return undefined;
  let lo = norms[0]!;
  let hi = norms[0]!;
  for (const l of norms) {
    if (l.norm < lo.norm) lo = l;
    if (l.norm > hi.norm) hi = l;
  }
  const span = hi.norm / lo.norm;
  if (span <= WARNING_LIMITS.gradientSpan) return undefined;
  const orders = Math.round(Math.log10(span));
  // Smallest near the input: the signal fades on its way back (vanishing); otherwise it grows (exploding).
  const vanishing = norms.indexOf(lo) < norms.indexOf(hi);
  return vanishing
    ? {
        kind: 'vanishing',
        lab: 'initLab',
        nodeId: lo.id,
        text: `Vanishing gradients: ${lo.id}'s gradient is 10^${orders} times smaller than ${hi.id}'s, so the early layers barely learn. Try ReLU instead of sigmoid/tanh, He initialization or batch normalization.`,
      }
    : {
        kind: 'exploding',
        lab: 'initLab',
        nodeId: hi.id,
        text: `Exploding gradients: ${hi.id}'s gradient is 10^${orders} times larger than ${lo.id}'s. Try a smaller initialization, gradient clipping or batch normalization.`,
      };
}

function flatLossWarning({ graph, epochs }: WarningInput): TrainingWarning | undefined {
  const n = WARNING_LIMITS.flatEpochs;
  if (epochs.length < n) return undefined;
  const first = epochs[0]!.trainLoss;
  const best = Math.min(...epochs.map((e) => e.trainLoss));
  const last = epochs[epochs.length - 1]!;
  if (!(first > 0) || (first - best) / first >= WARNING_LIMITS.flatShare) return undefined;
  if ((last.trainAcc ?? 0) >= 0.99) return undefined;
  const lr = graph.training.optimizer.lr;
  return {
    kind: 'lr-too-small',
    lab: 'optimizerLab',
    text: `The loss has barely moved in ${epochs.length} epochs (${first.toPrecision(3)} → ${last.trainLoss.toPrecision(3)}): the learning rate (${lr}) may be too small.`,
  };
}

function overfittingWarning({ epochs }: WarningInput): TrainingWarning | undefined {
  const withVal = epochs.filter(
    (e): e is typeof e & { valLoss: number } => e.valLoss !== undefined && Number.isFinite(e.valLoss),
  );
  // Validation loss is noisy epoch to epoch: judge a moving average over a tenth of the run (at least 3 epochs),
  // and ask the rise to last as long (a late wobble of a converged run is not overfitting).
  const w = Math.max(WARNING_LIMITS.overfitEpochs, Math.round(withVal.length / 10));
  if (withVal.length < 2 * w + 1) return undefined;
  const val = movingAverage(
    withVal.map((e) => e.valLoss),
    w,
  );
  const trainLoss = movingAverage(
    withVal.map((e) => e.trainLoss),
    w,
  );
  let best = 0;
  val.forEach((v, i) => (v < val[best]! ? (best = i) : undefined));
  const last = val.length - 1;
  const rose = val[last]! > val[best]! * (1 + WARNING_LIMITS.overfitRise) + 0.01;
  if (last - best < w || !rose || trainLoss[last]! >= trainLoss[best]!) return undefined;
  const b = withVal[best]!;
  return {
    kind: 'overfitting',
    text: `Overfitting: validation loss has risen since about epoch ${b.epoch} (${val[best]!.toPrecision(3)} → ${val[last]!.toPrecision(3)}, averaged over ${w} epochs) while training loss kept falling. Try dropout, L2, more data or fewer epochs.`,
  };
}

/** Trailing moving average: entry i averages values i − w + 1 … i (fewer at the start). */
function movingAverage(values: readonly number[], w: number): number[] {
  let sum = 0;
  return values.map((v, i) => {
    sum += v;
    if (i >= w) sum -= values[i - w]!;
    return sum / Math.min(i + 1, w);
  });
}
