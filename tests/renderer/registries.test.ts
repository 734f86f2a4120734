// The palette, forms and templates come from the engine's registries and stay valid.
import { describe, expect, it } from 'vitest';
import { LAYER_CATEGORIES, listLayers } from '../../src-engine/layers';
import { listInitializers } from '../../src-engine/init';
import { LAB_INITIALIZERS } from '../../src-renderer/labs/initLab/probe';
import { LAB_OPTIMIZERS } from '../../src-renderer/labs/optimizerLab/labRuns';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { TrainingPanel } from '../../src-renderer/panels/TrainingPanel';
import { optimizerRegistry } from '../../src-engine/optim';
import { useGraphStore } from '../../src-renderer/document/graphStore';
import { validateGraph } from '../../src-engine/graph/validate';
import { catalogueEntry } from '../../src-engine/data/catalogue';
import { groupLayers } from '../../src-renderer/palette/categories';
import { TEMPLATES } from '../../src-renderer/templates/templates';
import { parseParamText } from '../../src-renderer/inspector/paramInput';
import { paramSummary } from '../../src-renderer/canvas/paramSummary';
import { getLayer } from '../../src-engine/layers';
import type { ParamSpec } from '../../src-engine/core/params';

describe('palette', () => {
  it('shows every registered layer exactly once, in the fixed section order', () => {
    const groups = groupLayers(listLayers());
    const shown = groups.flatMap((g) => g.layers.map((l) => l.type));
    expect(shown.sort()).toEqual(
      listLayers()
        .map((l) => l.type)
        .sort(),
    );
    const order = ['input', 'core', 'convolution', 'pooling', 'recurrent', 'merge', 'activation', 'normalization'];
    const keys = groups.map((g) => g.key).filter((k) => order.includes(k));
    expect(keys).toEqual(order.filter((k) => keys.includes(k)));
    if (listLayers().some((l) => l.category === 'Recurrent')) expect(keys).toContain('recurrent');
  });

  it('filters by name, category and description, exact names first', () => {
    const dense = groupLayers(listLayers(), 'dense').flatMap((g) => g.layers.map((l) => l.type));
    expect(dense[0]).toBe('Dense');
    expect(groupLayers(listLayers(), 'pool').flatMap((g) => g.layers.map((l) => l.type))).toEqual(
      expect.arrayContaining(['MaxPool2D', 'AvgPool2D', 'GlobalAveragePool1D', 'GlobalMaxPool1D']),
    );
    expect(groupLayers(listLayers(), 'zzzz-no-such-layer')).toEqual([]);
  });

  it("takes its sections from the engine's layer categories: order and shared headings", () => {
    const base = listLayers()[0];
    const fixtures = LAYER_CATEGORIES.map((c) => ({ ...base, type: `Fixture${c.name}`, category: c.name }));
    const groups = groupLayers(fixtures);
    expect(groups.map((g) => g.label)).toEqual([...new Set(LAYER_CATEGORIES.map((c) => c.section))]);
    const shared = groups.find((g) => g.label === 'Normalization & regularization')!;
    expect(shared.layers.map((l) => l.category)).toEqual(['Normalization', 'Regularization']);
  });

  it('shows a category it does not know under its own name', () => {
    const odd = { ...listLayers()[0], type: 'Odd', category: 'Attention' as never };
    expect(groupLayers([odd]).map((g) => g.label)).toEqual(['Attention']);
  });
});

describe('labs', () => {
  it("the initializer lab compares the initializers the registry marks for it, in the registry's order", () => {
    expect(LAB_INITIALIZERS).toEqual(
      listInitializers()
        .filter((i) => i.inInitLab)
        .map((i) => i.name),
    );
    expect(LAB_INITIALIZERS).toEqual(['zeros', 'normal', 'xavier_uniform', 'he_normal', 'he_uniform', 'orthogonal']);
  });

  it("the optimizer lab walks the optimizers the registry marks for it, each in its own colour, with the registry's labels", () => {
    const marked = optimizerRegistry.list().filter((o) => o.inOptimizerLab);
    expect(LAB_OPTIMIZERS.map((o) => [o.name, o.label])).toEqual(marked.map((o) => [o.name, o.label]));
    expect(LAB_OPTIMIZERS.map((o) => o.name)).toEqual(['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam']);
    expect(new Set(LAB_OPTIMIZERS.map((o) => o.color)).size).toBe(LAB_OPTIMIZERS.length);
  });
});

describe('training panel', () => {
  it("lists the settings the optimizer's declarations group as regularization apart, under their heading", () => {
    const html = renderToStaticMarkup(createElement(TrainingPanel));
    const heading = html.indexOf('>Regularization<');
    expect(heading).toBeGreaterThan(0);
    const at = (name: string) => html.indexOf(`data-testid="optimizer-${name}"`);
    const optimizer = optimizerRegistry.get(useGraphStore.getState().training.optimizer.name)!;
    const shown = optimizer.params.filter((p) => at(p.name) >= 0);
    expect(shown.filter((p) => p.group === 'regularization').map((p) => p.name)).toEqual(
      expect.arrayContaining(['l1', 'l2', 'clipNorm']),
    );
    for (const p of shown) expect(at(p.name) > heading, p.name).toBe(p.group === 'regularization');
  });
});

describe('templates', () => {
  it('are valid graphs for their datasets, with distinct ids', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([
      'perceptron',
      'mlp-spiral',
      'mlp-mnist',
      'lenet',
      'residual',
      'char-lstm',
      'adding-lstm',
      'adding-rnn',
      'skipgram',
      'cbow',
    ]);
    for (const t of TEMPLATES) {
      const ds = catalogueEntry(t.doc.training.dataset)!;
      const v = validateGraph(t.doc, {
        task: ds.task,
        inputShape: ds.inputShape,
        targetShape: ds.targetShape,
        classCount: ds.classNames?.length,
      });
      expect(v.ok ? [] : v.issues, t.id).toEqual([]);
    }
  });

  it('the residual template adds a skip connection', () => {
    const doc = TEMPLATES.find((t) => t.id === 'residual')!.doc;
    expect(
      doc.edges
        .filter((e) => e.target === 'add')
        .map((e) => e.source)
        .sort(),
    ).toEqual(['block2', 'stem']);
  });
});

describe('setting inputs', () => {
  const units = getLayer('Dense')!.params.find((p) => p.name === 'units')!;
  const rate = getLayer('Dropout')!.params.find((p) => p.name === 'rate')!;
  const kernel = getLayer('Conv2D')!.params.find((p) => p.name === 'kernelSize')!;
  const shape = getLayer('Input')!.params[0];

  it('parses and range-checks numbers with the engine’s rules', () => {
    expect(parseParamText(units, '32')).toEqual({ ok: true, value: 32 });
    expect(parseParamText(units, '2.5')).toMatchObject({ ok: false, message: expect.stringMatching(/whole number/) });
    expect(parseParamText(units, '0')).toMatchObject({ ok: false, message: expect.stringMatching(/at least 1/) });
    expect(parseParamText(units, 'abc')).toMatchObject({ ok: false });
    expect(parseParamText(rate, '1')).toMatchObject({ ok: false, message: expect.stringMatching(/below 1/) });
    expect(parseParamText(rate, '1e-1')).toEqual({ ok: true, value: 0.1 });
  });

  it('parses pairs and shapes in the ways people write them', () => {
    expect(parseParamText(kernel, '3x3')).toEqual({ ok: true, value: [3, 3] });
    expect(parseParamText(kernel, '[5, 3]')).toEqual({ ok: true, value: [5, 3] });
    expect(parseParamText(kernel, '3')).toMatchObject({ ok: false });
    expect(parseParamText(shape, '28, 28, 1')).toEqual({ ok: true, value: [28, 28, 1] });
    expect(parseParamText(shape, '')).toEqual({ ok: true, value: undefined });
  });

  it('treats empty as the default, and refuses empty for required settings without one', () => {
    expect(parseParamText(units, '')).toEqual({ ok: true, value: undefined });
    const required: ParamSpec = { kind: 'int', name: 'n', label: 'N', description: '' };
    expect(parseParamText(required, ' ')).toMatchObject({ ok: false, message: 'N is required' });
  });
});

describe('node summaries', () => {
  it('show the main setting and what the user changed', () => {
    expect(paramSummary(getLayer('Dense')!, {})).toEqual(['16 units']);
    expect(paramSummary(getLayer('Dense')!, { units: 3, activation: 'softmax' })).toEqual(['3 units', 'softmax']);
    expect(paramSummary(getLayer('Conv2D')!, { kernelSize: [5, 5], padding: 'same' })).toEqual([
      '8 filters',
      '5×5 kernel',
      'same',
    ]);
    expect(paramSummary(getLayer('Input')!, {})).toEqual(['shape from dataset']);
    expect(paramSummary(getLayer('Dropout')!, { rate: 0.2 })).toEqual(['rate 0.2']);
  });
});
