// The initialization lab: activation variance per layer at step 0 for the current graph under
// zeros, a fixed-std normal (std 0.05 unless the graph sets it), Xavier, He and orthogonal weights, side by side (computed in this window).
import { useEffect, useState } from 'react';
import type { LineSeriesOption } from 'echarts/charts';
import type { InitLabRow } from '../../../src-engine';
import { IconButton } from '../../ui/IconButton';
import { useScreenStore } from '../../navigation/screenStore';
import { ChartBox } from '../../compare/ChartBox';
import { baseOption } from '../../charts/chartOptions';
import { api, errorText } from '../../app/api';
import { currentContent } from '../../document/graphStore';
import { toGraphDoc } from '../../document/document';
import { useDatasetStore } from '../../datasets/datasetStore';
import { asDatasetPreview } from '../../datasets/previewTypes';
import { labInitializerLabel, probeFromPreview, runInitLab, scaledProbe } from './probe';
import '../../compare/compare.css';

type LabState =
  | { kind: 'loading' }
  | { kind: 'error'; text: string }
  | { kind: 'done'; rows: InitLabRow[]; samples: number; options: Record<string, number | undefined> | undefined };

export function InitLab() {
  const [state, setState] = useState<LabState>({ kind: 'loading' });
  const list = useDatasetStore((s) => s.list);
  useEffect(() => {
    let live = true;
    (async () => {
      const doc = toGraphDoc(currentContent());
      const ds = list.find((d) => d.id === doc.training.dataset);
      if (!ds) throw new Error(`the dataset “${doc.training.dataset}” is not in the list`);
      const preview = asDatasetPreview((await api().datasets.preview(ds.id)).preview);
      if (!preview) throw new Error('the dataset preview could not be read');
      const probe = probeFromPreview(preview, ds.inputShape);
      if ('error' in probe) throw new Error(probe.error);
      const rows = runInitLab(
        doc,
        { task: ds.task, inputShape: ds.inputShape, targetShape: ds.targetShape, classCount: ds.classNames?.length },
        scaledProbe(probe, doc.training.datasetOptions?.scaling),
      );
      if ('error' in rows) throw new Error(rows.error);
      if (live) setState({ kind: 'done', rows, samples: probe.count, options: doc.training.initializerOptions });
    })().catch((e) => live && setState({ kind: 'error', text: errorText(e) }));
    return () => {
      live = false;
    };
  }, [list]);
  const rows = state.kind === 'done' ? state.rows : [];
  const layerIds = rows[0]?.layers.map((l) => l.nodeId) ?? [];
  const label = (name: string) => labInitializerLabel(name, state.kind === 'done' ? state.options : undefined);
  return (
    <section className="compare-view" aria-label="Initialization lab" data-testid="init-lab">
      <div className="run-view-bar">
        <IconButton
          icon="back"
          label="Back to the editor"
          onClick={() => useScreenStore.getState().show(null)}
          testId="init-back"
          className="has-text"
        >
          Editor
        </IconButton>
        <h2 className="run-view-title">Initialization lab</h2>
      </div>
      <div className="compare-body">
        <p className="dialog-hint">
          The spread of each layer’s output at step 0, before any training, on{' '}
          {state.kind === 'done' ? `${state.samples} samples of` : ''} the dataset preview. Zeros give every unit the same output,
          so nothing can break the symmetry; a fixed-std normal ({label('normal').replace(/^normal \((.*)\)$/, '$1')}, not N(0,
          1)) shrinks (or, with a large std, blows up) the spread layer after layer; Xavier, He and orthogonal scale with the
          layer’s width to keep it steady.
        </p>
        {state.kind === 'loading' && <p className="panel-empty">Computing…</p>}
        {state.kind === 'error' && <p className="field-error">The lab cannot run on this graph: {state.text}</p>}
        {state.kind === 'done' && (
          <>
            <ChartBox
              title="Activation variance per layer (log scale)"
              testId="init-variance"
              points={rows.length * layerIds.length}
              option={(theme) => {
                const base = baseOption(theme, { x: 'layer (input → output)', y: 'variance', log: true });
                // A log axis cannot show 0; zeros' flat line is spelled out in the table instead.
                const series: LineSeriesOption[] = rows.map((r) => ({
                  type: 'line',
                  name: label(r.initializer),
                  data: r.layers.map((l) => (l.variance > 0 ? l.variance : null)),
                  symbolSize: 6,
                }));
                return {
                  ...base,
                  xAxis: { type: 'category', data: layerIds, axisLabel: { color: theme.muted, fontSize: 10 } },
                  series,
                };
              }}
              deps={[rows]}
              height={320}
            />
            {rows.some((r) => r.layers.every((l) => l.variance === 0)) && (
              <p className="dialog-hint" data-testid="init-zero-note">
                {rows
                  .filter((r) => r.layers.every((l) => l.variance === 0))
                  .map((r) => label(r.initializer))
                  .join(', ')}
                : variance exactly 0 at every layer — a log axis cannot draw 0, so there is no line; the table shows it.
              </p>
            )}
            <div className="compare-table-wrap">
              <table className="compare-table" data-testid="init-table">
                <thead>
                  <tr>
                    <th>Initializer</th>
                    {layerIds.map((id) => (
                      <th key={id}>{id}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.initializer} data-testid="init-row" data-initializer={r.initializer}>
                      <td>{label(r.initializer)}</td>
                      {r.layers.map((l) => (
                        <td key={l.nodeId} className="num">
                          {l.variance === 0 ? '0' : l.variance.toPrecision(3)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
