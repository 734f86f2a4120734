// A graph's outputs when it ends in several layers (training.outputs): each output's loss, weight,
// target columns and metrics, edited in place, with the validator's messages under the output
// they concern. Every change is one undo step, as in the rest of the Training panel.
import { useMemo } from 'react';
import type { OutputSpec, TrainingConfig } from '../../src-shared/graphFormat';
import { deadEnds, listLosses, metricsFor, outputWeightSpec, sizeOf, targetColumnsOf, type DatasetInfo } from '../app/engine';
import { useGraphStore } from '../document/graphStore';
import { toGraphDoc } from '../document/document';
import { useDatasetInfo, useLiveCheck } from '../validation/useLiveCheck';
import { ParamField } from '../inspector/ParamField';
import { SelectField } from './SelectField';
import { guessOutputs } from './guessOutputs';

type Metric = NonNullable<OutputSpec['metrics']>[number];
const METRIC_LABELS: Record<Metric, string> = { accuracy: 'accuracy', r2: 'R²', mae: 'MAE' };

export function OutputsEditor() {
  const nodes = useGraphStore((s) => s.nodes);
  const edges = useGraphStore((s) => s.edges);
  const training = useGraphStore((s) => s.training);
  const meta = useGraphStore((s) => s.meta);
  const setTraining = useGraphStore((s) => s.setTraining);
  const info = useDatasetInfo();
  const check = useLiveCheck();
  const ends = useMemo(() => deadEnds(toGraphDoc({ nodes, edges, training, meta })), [nodes, edges, training, meta]);
  const labelOf = (id: string) => nodes.find((n) => n.id === id)?.data.label || id;
  const declared = training.outputs;
  if (!declared && ends.length < 2) return null;
  const columns = info ? targetColumnsOf(info) : [];
  const setOutputs = (outputs: OutputSpec[] | undefined, key: string) => setTraining({ outputs }, key);

  if (!declared) {
    return (
      <fieldset className="outputs-editor" data-testid="outputs-editor">
        <legend>Outputs</legend>
        <p className="field-help">
          The graph ends in {ends.length} layers ({ends.map(labelOf).join(', ')}). Declare them as outputs to train each with its
          own loss, weight and target columns; the total loss is Σ weight·loss.
        </p>
        <button
          type="button"
          className="button"
          data-testid="declare-outputs"
          onClick={() => {
            const heads = ends.map((node) => ({ node, width: widthOf(check.shapes[node]) }));
            setOutputs(guessOutputs(heads, columns, training.loss, taskOfLoss), 'outputs:declare');
          }}
        >
          Declare {ends.length} outputs
        </button>
      </fieldset>
    );
  }

  const undeclared = ends.filter((id) => !declared.some((o) => o.node === id));
  const update = (i: number, patch: Partial<OutputSpec>, key: string) =>
    setOutputs(
      declared.map((o, k) => (k === i ? withoutUnset({ ...o, ...patch }) : o)),
      `outputs:${i}:${key}`,
    );
  const remove = (i: number) => {
    const rest = declared.filter((_, k) => k !== i);
    setOutputs(rest.length ? rest : undefined, `outputs:remove:${i}`);
  };
  const wideProblems = check.issues.filter((p) => p.field === 'training.outputs').map((p) => p.message);

  return (
    <fieldset className="outputs-editor" data-testid="outputs-editor">
      <legend>Outputs · total loss Σ weight·loss</legend>
      <div className="output-cards">
        {declared.map((o, i) => (
          <OutputCard
            key={o.node}
            index={i}
            output={o}
            label={labelOf(o.node)}
            training={training}
            info={info}
            // Its fields' issues, and its node's own (e.g. more units than target columns).
            problems={check.issues.filter(
              (p) => p.field?.startsWith(`training.outputs[${i}]`) || (p.nodeId === o.node && !p.field),
            )}
            onChange={(patch, key) => update(i, patch, key)}
            onRemove={() => remove(i)}
          />
        ))}
      </div>
      {wideProblems.map((m) => (
        <p key={m} className="field-help field-error">
          {m}
        </p>
      ))}
      {undeclared.length > 0 && (
        <SelectField
          id="add-output"
          label="Add output"
          value=""
          options={[
            { value: '', label: `${undeclared.length} more layer${undeclared.length > 1 ? 's end' : ' ends'} the graph…` },
            ...undeclared.map((id) => ({ value: id, label: labelOf(id) })),
          ]}
          onChange={(node) => {
            if (!node) return;
            // Guessed among the columns the declared outputs leave free.
            const free = columns.filter((c) => !declared.some((o) => o.targets.includes(c.name)));
            const [added] = guessOutputs(
              [{ node, width: widthOf(check.shapes[node]) }],
              free.length ? free : columns,
              training.loss,
              taskOfLoss,
            );
            setOutputs([...declared, added], 'outputs:add');
          }}
        />
      )}
    </fieldset>
  );
}

interface CardProps {
  index: number;
  output: OutputSpec;
  label: string;
  training: TrainingConfig;
  info: DatasetInfo | undefined;
  problems: Array<{ field?: string; message: string }>;
  onChange(patch: Partial<OutputSpec>, key: string): void;
  onRemove(): void;
}

function OutputCard({ index, output, label, training, info, problems, onChange, onRemove }: CardProps) {
  const losses = listLosses();
  const loss = losses.find((l) => l.name === (output.loss ?? training.loss));
  const columns = info ? targetColumnsOf(info) : [];
  const metrics = loss ? metricsFor(loss.task) : [];
  const chosenMetrics = output.metrics ?? metrics.slice(0, 1);
  const problemOf = (field: string) => problems.find((p) => p.field === `training.outputs[${index}].${field}`)?.message;
  const toggle = <T,>(list: readonly T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
  const lastTarget = output.targets.length === 1;
  return (
    <div className="output-card" data-testid={`output-${output.node}`}>
      <div className="output-card-head">
        <span className="output-name">{label}</span>
        <button
          type="button"
          className="icon-button"
          aria-label={`Stop training ${label} as an output`}
          title="Remove this output"
          data-testid={`output-remove-${output.node}`}
          onClick={onRemove}
        >
          ×
        </button>
      </div>
      <div className="output-row">
        <SelectField
          id={`output-loss-${output.node}`}
          label="Loss"
          value={output.loss ?? ''}
          options={[
            { value: '', label: `Default (${losses.find((l) => l.name === training.loss)?.label ?? training.loss})` },
            ...losses.map((l) => ({ value: l.name, label: l.label })),
          ]}
          help={problemOf('loss')}
          error={Boolean(problemOf('loss'))}
          onChange={(name) => onChange({ loss: name || undefined, metrics: undefined }, 'loss')}
        />
        <ParamField
          spec={outputWeightSpec}
          value={output.weight}
          onChange={(v) => onChange({ weight: v as number | undefined }, 'weight')}
          problem={problemOf('weight')}
          testId={`output-weight-${output.node}`}
          compact
        />
      </div>
      <div className={`field ${problemOf('targets') ? 'has-error' : ''}`}>
        <span className="field-label">Targets</span>
        <div className="output-choices" data-testid={`output-targets-${output.node}`}>
          {columns.map((c) => {
            const on = output.targets.includes(c.name);
            return (
              <label
                key={c.name}
                className="output-choice"
                title={
                  on && lastTarget
                    ? 'An output predicts at least one column: tick another before unticking this one'
                    : c.classes
                      ? `${c.classes.length} classes`
                      : 'values'
                }
              >
                <input
                  type="checkbox"
                  checked={on}
                  // An output names at least one column: its last one is changed by choosing another first.
                  disabled={on && lastTarget}
                  onChange={(e) => onChange({ targets: toggle(output.targets, c.name, e.target.checked) }, `targets:${c.name}`)}
                />
                {c.name}
              </label>
            );
          })}
        </div>
        {problemOf('targets') && <p className="field-help field-error">{problemOf('targets')}</p>}
      </div>
      {metrics.length > 1 && (
        <div className={`field ${problemOf('metrics') ? 'has-error' : ''}`}>
          <span className="field-label">Metrics</span>
          <div className="output-choices" data-testid={`output-metrics-${output.node}`}>
            {metrics.map((m) => {
              const on = chosenMetrics.includes(m);
              return (
                <label key={m} className="output-choice">
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={on && chosenMetrics.length === 1}
                    onChange={(e) => onChange({ metrics: toggle(chosenMetrics, m, e.target.checked) }, `metrics:${m}`)}
                  />
                  {METRIC_LABELS[m]}
                </label>
              );
            })}
          </div>
        </div>
      )}
      {[problemOf('metrics'), problemOf('node'), ...problems.filter((p) => !p.field).map((p) => p.message)]
        .filter((m): m is string => Boolean(m))
        .map((m) => (
          <p key={m} className="field-help field-error" data-testid="output-problem">
            {m}
          </p>
        ))}
    </div>
  );
}

const widthOf = (shape: number[] | undefined) => (shape ? sizeOf(shape) : undefined);
const taskOfLoss = (name: string) => listLosses().find((l) => l.name === name)?.task;

/** Drops fields set back to their default, so the saved file stays as a person would write it. */
function withoutUnset(o: OutputSpec): OutputSpec {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as OutputSpec;
}
