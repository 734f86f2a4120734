// What the lesson views draw, from the runs themselves: the decision boundary of each perceptron
// run (AND's line, XOR's failure, the two-layer net's XOR) and the activation histograms by depth
// of the initialization-scale lesson (saturated, collapsed, preserved).
import { describe, expect, it } from 'vitest';
import '../setup';
import {
  activationHistograms,
  getBuiltinLesson,
  lessonInsightRequest,
  lessonViews,
  parseLesson,
  runBoundary,
} from '../../../src-engine/lessons';
import { runLesson } from '../../../src-engine/lessons/runLesson';
import { loadGraphDataset } from '../../../src-engine/hosts/node/runJob/datasetLoad';
import type { HistogramData } from '../../../src-shared/engineEvents';

const lesson = (id: string) => getBuiltinLesson(id)!;

/** The predicted class at the grid cell nearest to each of the four corners (0,0), (0,1), (1,0), (1,1). */
function cornerClasses(grid: { xs: number[]; ys: number[]; predicted: number[][] }): number[] {
  const nearest = (axis: number[], v: number) =>
    axis.reduce((best, a, i) => (Math.abs(a - v) < Math.abs(axis[best]! - v) ? i : best), 0);
  return [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ].map(([x, y]) => grid.predicted[nearest(grid.ys, y!)]![nearest(grid.xs, x!)]!);
}

/** Share of the values in the outer three bins at each end: where saturated sigmoid units pile up. */
function atTheEnds(h: HistogramData): number {
  const total = h.counts.reduce((a, b) => a + b, 0);
  const n = h.counts.length;
  return h.counts.reduce((s, c, i) => (i < 3 || i >= n - 3 ? s + c : s), 0) / total;
}

describe('lesson views', () => {
  it('ask the runs for the insights they draw, and only those', () => {
    expect(lessonInsightRequest(lesson('perceptron'))).toEqual({ boundary: true });
    expect(lessonInsightRequest(lesson('init-scale'))).toEqual({ histograms: true });
    expect(lessonInsightRequest(lesson('learning-rate'))).toBeUndefined();
    expect(lessonViews(lesson('init-scale')).map((v) => v.kind)).toEqual(['histograms', 'byDepth']);
  });

  it('refuse a histogram view that names no layers, naming the field', () => {
    const broken = structuredClone(lesson('init-scale'));
    broken.extraViews = [{ kind: 'histograms' }];
    const parsed = parseLesson(broken);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors).toContain(
        'lesson "init-scale" (extraViews.0.nodes): a "histograms" view names the layers it shows, input to output',
      );
  });

  it('perceptron: each run’s decision boundary separates what it learned, in the data’s own plane', async () => {
    const { runs } = await runLesson(lesson('perceptron'), { seed: 1, loadDataset: loadGraphDataset, views: true });
    const byVariant = Object.fromEntries(runs.map((r) => [r.variant, r]));
    const corners = (id: string) => cornerClasses(runBoundary(byVariant[id]!)!.grid);
    expect(corners('and')).toEqual([0, 0, 0, 1]);
    expect(corners('or')).toEqual([0, 1, 1, 1]);
    expect(corners('nand')).toEqual([1, 1, 1, 0]);
    expect(corners('two-layer-xor')).toEqual([0, 1, 1, 0]);
    // A line cannot split XOR: at least one corner is on the wrong side.
    expect(corners('xor')).not.toEqual([0, 1, 1, 0]);
    // The logistic unit at loss ln 2 answers ½ everywhere: the whole plane is unsure.
    const flat = runBoundary(byVariant['sigmoid-xor']!)!.grid.confidence.flat();
    expect(Math.max(...flat.map((c) => Math.abs(c - 0.5)))).toBeLessThan(0.02);
    const grid = runBoundary(byVariant.and!)!.grid;
    expect([grid.xs[0], grid.xs[grid.xs.length - 1]]).toEqual([expect.closeTo(-0.1, 5), expect.closeTo(1.1, 5)]);
    expect(Array.from(byVariant.xor!.inputs!.labels!)).toEqual([0, 1, 1, 0]);
  });

  it('init-scale: the activation histograms by depth saturate, collapse or keep their width', async () => {
    const view = lesson('init-scale').view;
    const { runs } = await runLesson(lesson('init-scale'), { seed: 1, loadDataset: loadGraphDataset, views: true });
    const layers = (variant: string) => {
      const h = activationHistograms(
        runs.find((r) => r.variant === variant)!,
        view.nodes!,
        view.epoch,
      );
      expect(h!.epoch).toBe(1);
      expect(h!.layers.map((l) => l.node)).toEqual(view.nodes);
      return Object.fromEntries(h!.layers.map((l) => [l.node, l.histogram]));
    };
    const sigmoid = layers('sigmoid-big');
    expect(sigmoid.d10!.min).toBeGreaterThanOrEqual(0);
    expect(sigmoid.d10!.max).toBeLessThanOrEqual(1);
    expect(atTheEnds(sigmoid.d10!)).toBeGreaterThan(0.4);
    const small = layers('tanh-small');
    expect(Math.max(Math.abs(small.d10!.min), Math.abs(small.d10!.max))).toBeLessThan(1e-6);
    const xavier = layers('tanh-xavier');
    expect(xavier.d10!.max - xavier.d10!.min).toBeGreaterThan(0.3 * (xavier.d2!.max - xavier.d2!.min));
    expect(atTheEnds(xavier.d10!)).toBeLessThan(0.2);
  });
});
