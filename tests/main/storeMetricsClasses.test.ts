// R² of regression runs and per-class validation accuracy of classifiers are stored with each
// epoch and come back as they were sent, so a reopened run charts them like a live one.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../src-main/store/store';
import { epochEvent } from '../helpers/epochEvent';
import { tempDir } from './helpers/temp';
import { xorGraph } from './helpers/graphs';

const dir = tempDir();
const at = '2025-01-01T00:00:00.000Z';

describe('epoch metrics for regression and per-class accuracy', () => {
  it('round-trips valR2 of a regression run', () => {
    const store = openStore(join(dir, 'r2.sqlite'));
    store.runs.insert({ id: 'reg', name: 'reg', graph: xorGraph(), backend: 'cpu', createdAt: at });
    store.transaction(() => {
      store.metrics.record('reg', epochEvent(1, { valLoss: 0.9, valR2: -0.25 }));
      store.metrics.record('reg', epochEvent(2, { valLoss: 0.3, valR2: 0.871 }));
    });
    const epochs = store.metrics.epochs('reg');
    expect(epochs.map((e) => e.valR2)).toEqual([-0.25, 0.871]);
    expect(epochs.every((e) => e.valClassAcc === undefined && e.valAcc === undefined)).toBe(true);
    store.close();
  });

  it('round-trips valClassAcc in class order, a class without samples as NaN', () => {
    const store = openStore(join(dir, 'classes.sqlite'));
    store.runs.insert({ id: 'cls', name: 'cls', graph: xorGraph(), backend: 'cpu', createdAt: at });
    store.transaction(() => {
      store.metrics.record('cls', epochEvent(1, { valAcc: 0.6, valClassAcc: [1, 0.5, 0.3] }));
      store.metrics.record('cls', epochEvent(2, { valAcc: 0.9, valClassAcc: [1, 0.875, NaN] }));
      store.metrics.record('cls', epochEvent(3, { valAcc: 0.95 }));
    });
    const epochs = store.metrics.all('cls').epochs;
    expect(epochs[0].valClassAcc).toEqual([1, 0.5, 0.3]);
    expect(epochs[1].valClassAcc).toEqual([1, 0.875, NaN]);
    // An engine that does not send per-class accuracy leaves the field out.
    expect(epochs[2].valClassAcc).toBeUndefined();
    expect(epochs[2].valR2).toBeUndefined();
    expect(
      store.db.prepare("SELECT val_class_acc_json FROM epoch_metrics WHERE run_id = 'cls' AND epoch = 2").pluck().get(),
    ).toBe('[1,0.875,null]');
    store.close();
  });

  it('replaces an epoch written twice rather than keeping both', () => {
    const store = openStore(join(dir, 'twice.sqlite'));
    store.runs.insert({ id: 't', name: 't', graph: xorGraph(), backend: 'cpu', createdAt: at });
    store.transaction(() => {
      store.metrics.record('t', epochEvent(1, { valClassAcc: [0.1, 0.2] }));
      store.metrics.record('t', epochEvent(1, { valClassAcc: [0.3, 0.4] }));
    });
    expect(store.metrics.epochs('t').map((e) => e.valClassAcc)).toEqual([[0.3, 0.4]]);
    store.close();
  });
});
