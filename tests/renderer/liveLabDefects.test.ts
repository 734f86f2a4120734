// Regression tests for the smaller defects of issue #16 ("the editor as a live laboratory").
import { describe, expect, it, vi } from 'vitest';
import { countOf } from '../../src-renderer/runs/format';
import { uniqueRunName } from '../../src-renderer/runs/trainActions';
import { switchOptimizer } from '../../src-renderer/panels/switchOptimizer';
import { blurOutcome } from '../../src-renderer/inspector/paramInput';
import { gradCheckVerdict } from '../../src-renderer/labs/gradCheck/verdict';
import { listOptimizers, type ParamSpec } from '../../src-renderer/app/engine';
import type { GradCheckReport } from '../../src-shared/api';
import type { GraphDoc } from '../../src-shared/graphFormat';
import { shortAxis } from '../../src-renderer/charts/chartOptions';
import { setApi } from '../../src-renderer/app/api';
import { createFakeApi } from './fakes/fakeApi';
import { useRunStore } from '../../src-renderer/runs/runStore';
import { MetricsBuffer } from '../../src-renderer/charts/metricsBuffer';
import { emptyProgress } from '../../src-renderer/runs/progress';
import { openAsNewProject, saveTo } from '../../src-renderer/project/projectActions';
import { selectDirty, useGraphStore } from '../../src-renderer/document/graphStore';
import { fromGraphDoc } from '../../src-renderer/document/document';
import { useUiStore } from '../../src-renderer/ui/uiStore';
import { TEMPLATES } from '../../src-renderer/templates/templates';
import { LAB_INITIALIZERS, scaledProbe } from '../../src-renderer/labs/initLab/probe';

describe('counts', () => {
  it('says "1 run" and "8 runs" (not "Start 1 runs")', () => {
    expect(countOf(1, 'run')).toBe('1 run');
    expect(countOf(8, 'run')).toBe('8 runs');
    expect(countOf(0, 'run')).toBe('0 runs');
  });
});

describe('automatic run names', () => {
  it('differ for runs started in the same minute', () => {
    const at = new Date(2026, 0, 1, 18, 22, 5);
    const first = uniqueRunName('circle · adam 0.01', at, []);
    const second = uniqueRunName('circle · adam 0.01', at, [first]);
    const third = uniqueRunName('circle · adam 0.01', at, [first, second]);
    expect(new Set([first, second, third]).size).toBe(3);
    expect(second).toBe(`${first} (2)`);
    expect(third).toBe(`${first} (3)`);
  });
});

describe('switching the optimizer', () => {
  const optimizers = listOptimizers();
  const defaultLr = (name: string) =>
    optimizers.find((o) => o.name === name)!.params.find((p) => p.name === 'lr')!.default as number;

  it('says so when the learning rate changes with the rule', () => {
    const from = { name: 'sgd', lr: defaultLr('sgd') };
    const switched = switchOptimizer(from, 'adam');
    expect(switched.optimizer.lr).toBe(defaultLr('adam'));
    if (defaultLr('adam') !== defaultLr('sgd')) expect(switched.lrNote).toMatch(/Learning rate set to .*default/);
  });

  it('keeps a learning rate the user chose, and says so', () => {
    const switched = switchOptimizer({ name: 'sgd', lr: 0.123 }, 'adam');
    expect(switched.optimizer.lr).toBe(0.123);
    expect(switched.lrNote).toMatch(/Kept your learning rate, 0.123/);
  });

  it('says nothing when the kept rate is the new rule’s default anyway', () => {
    const sgd = defaultLr('sgd');
    if (sgd !== defaultLr('adam')) expect(switchOptimizer({ name: 'adam', lr: sgd }, 'sgd').lrNote).toBeUndefined();
  });
});

describe('leaving a text field', () => {
  const lr: ParamSpec = {
    kind: 'number',
    name: 'lr',
    label: 'Learning rate',
    default: 0.01,
    min: 0,
    exclusiveMin: true,
    description: '',
  };

  it('keeps invalid input on screen with its message instead of silently reverting', () => {
    expect(blurOutcome(lr, 'abc', 0.01)).toEqual({ kind: 'keep', message: 'Learning rate must be a number' });
    const negative = blurOutcome(lr, '-1', 0.01);
    expect(negative.kind).toBe('keep');
  });

  it('unsets an emptied field with a default, and shows the stored value after valid input', () => {
    expect(blurOutcome(lr, '', 0.01)).toEqual({ kind: 'unset' });
    expect(blurOutcome(lr, '0.5', 0.5)).toEqual({ kind: 'show-stored' });
    expect(blurOutcome(lr, null, 0.5)).toEqual({ kind: 'show-stored' });
  });
});

describe('gradient check verdict', () => {
  const report = (params: Array<{ maxGradient: number; passed?: boolean }>): GradCheckReport => ({
    tolerance: 1e-4,
    samples: 4,
    params: params.map((p, i) => ({
      nodeId: `d${i}`,
      param: 'weight',
      maxRelError: 0,
      maxAbsError: 0,
      maxGradient: p.maxGradient,
      passed: p.passed ?? true,
    })),
    layers: params.map((p, i) => ({ nodeId: `d${i}`, maxRelError: 0, passed: p.passed ?? true })),
    passed: params.every((p) => p.passed ?? true),
  });

  it('does not say "all agree" when every gradient is exactly zero', () => {
    const v = gradCheckVerdict(report([{ maxGradient: 0 }, { maxGradient: 0 }]));
    expect(v.conclusive).toBe(false);
    expect(v.text).toMatch(/exactly zero.*proves nothing/);
    expect(v.text).not.toMatch(/agree\./);
  });

  it('names the parameters checked only on zeros', () => {
    const v = gradCheckVerdict(report([{ maxGradient: 0 }, { maxGradient: 0.3 }]));
    expect(v.conclusive).toBe(false);
    expect(v.text).toMatch(/d0\.weight has only zero gradients/);
  });

  it('agrees when gradients are real and match', () => {
    expect(gradCheckVerdict(report([{ maxGradient: 0.2 }, { maxGradient: 0.3 }]))).toEqual({
      conclusive: true,
      text: 'All 2 parameters of 2 layers agree.',
    });
  });
});

describe('axis labels', () => {
  it('are rounded and never repeat for distinct ticks', () => {
    for (const ticks of [
      [0.00015, 0.0002, 0.00025, 0.0003],
      [10000, 12000, 14000, 16000],
      [0.1, 0.2, 0.30000000000000004],
    ]) {
      const labels = ticks.map(shortAxis);
      expect(new Set(labels).size).toBe(ticks.length);
      for (const l of labels) expect(l.replace(/e-?\d+$/, '').replace(/[-.]/g, '').length).toBeLessThanOrEqual(3);
    }
    expect(shortAxis(0.30000000000000004)).toBe('0.3');
    expect(shortAxis(12000)).toBe('1.2e4');
  });
});

describe('opening another document', () => {
  it('lets go of a finished run’s charts, but not of a run still training', async () => {
    setApi(createFakeApi());
    const runs = useRunStore.getState();
    useRunStore.setState({
      activeRunId: 'r1',
      live: { r1: { runId: 'r1', status: 'completed', metrics: new MetricsBuffer(), revision: 1, progress: emptyProgress() } },
    });
    expect(await openAsNewProject(structuredClone(TEMPLATES[0]!.doc), 'test')).toBe(true);
    expect(useRunStore.getState().activeRunId).toBeNull();
    useRunStore.setState({
      activeRunId: 'r2',
      live: { r2: { runId: 'r2', status: 'running', metrics: new MetricsBuffer(), revision: 1, progress: emptyProgress() } },
    });
    runs.releaseEnded();
    expect(useRunStore.getState().activeRunId).toBe('r2');
  });
});

describe('the initialization lab', () => {
  it('compares He uniform too, and feeds the probe with the project’s feature scaling', () => {
    expect(LAB_INITIALIZERS).toContain('he_uniform');
    const probe = { x: Float32Array.from([10, 100, 20, 300, 30, 200]), count: 3, inputShape: [2] };
    expect(scaledProbe(probe, 'none')).toBe(probe);
    const scaled = scaledProbe(probe, 'standard');
    const first = [scaled.x[0]!, scaled.x[2]!, scaled.x[4]!];
    expect(first.reduce((a, b) => a + b) / 3).toBeCloseTo(0, 5);
    expect(Math.sqrt(first.reduce((a, b) => a + b * b, 0) / 3)).toBeCloseTo(1, 5);
  });
});

describe('the discard dialog', () => {
  it('offers "Save first": it saves the project where it lives, then goes on', async () => {
    const fake = createFakeApi();
    setApi(fake);
    const graph = () => useGraphStore.getState();
    graph().load(fromGraphDoc(TEMPLATES[1]!.doc), null);
    expect(await saveTo('spiral-net')).toBe(true);
    graph().setParam('hidden1', 'units', 7);
    expect(selectDirty(graph())).toBe(true);
    const opening = openAsNewProject(structuredClone(TEMPLATES[0]!.doc), 'Opening a template');
    await vi.waitUntil(() => useUiStore.getState().dialog?.kind === 'confirm');
    const dialog = useUiStore.getState().dialog;
    if (dialog?.kind !== 'confirm' || !dialog.alternative) throw new Error('a "Save first" choice was expected');
    expect(dialog.alternative.label).toBe('Save first');
    useUiStore.setState({ dialog: null });
    dialog.alternative.onChoose();
    expect(await opening).toBe(true);
    const saved = await fake.projects.open('spiral-net.layerlab.json');
    const doc = saved?.doc as GraphDoc;
    expect(doc.nodes.find((n) => n.id === 'hidden1')?.params?.units).toBe(7);
  });
});
