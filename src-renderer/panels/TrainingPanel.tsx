// Training settings: loss, optimizer and its hyperparameters, schedule, loop, initialization.
import { useState } from 'react';
import type { OptimizerConfig, Scaling, TrainingConfig } from '../../src-shared/graphFormat';
import { listInitializers, listLosses, listOptimizers, listSchedules, type ParamSpec } from '../app/engine';
import { batchSizeSpec, epochsSpec, scalingSpec, seedSpec, testSpec, validationSpec } from '../app/engine';
import { useGraphStore } from '../document/graphStore';
import { useLiveCheck } from '../validation/useLiveCheck';
import { ParamField } from '../inspector/ParamField';
import { BackendField } from '../engineHost/BackendField';
import { StartFromWeightsField } from '../export/StartFromWeightsField';
import { switchOptimizer } from './switchOptimizer';
import { OutputsEditor } from './OutputsEditor';
import { SelectField } from './SelectField';

export function TrainingPanel() {
  const training = useGraphStore((s) => s.training);
  const setTraining = useGraphStore((s) => s.setTraining);
  const setOptimizer = useGraphStore((s) => s.setOptimizer);
  const check = useLiveCheck();
  const [lrNote, setLrNote] = useState<string | null>(null);
  const problemOf = (field: string) => check.issues.find((i) => i.field === field)?.message;
  const losses = listLosses();
  const optimizers = listOptimizers();
  const optimizer = optimizers.find((o) => o.name === training.optimizer.name);
  const optimizerSpecs = optimizer?.params ?? [];
  const schedules = listSchedules();
  const schedule = training.optimizer.schedule;
  const scheduleInfo = schedules.find((s) => s.type === (schedule?.type ?? 'constant'));
  const initializers = listInitializers();
  const init = training.initializer ?? 'xavier_uniform';
  // The initializers that take a setting declare it (one at most today).
  const initOption = initializers.find((i) => i.name === init)?.params[0];
  const optValue = (name: string) => (training.optimizer as unknown as Record<string, unknown>)[name];

  return (
    <div className="training-panel" data-testid="training-panel">
      {/* First when the graph ends in several layers: what each output trains on comes before the rest. */}
      <OutputsEditor />
      <fieldset>
        <legend>Objective</legend>
        <SelectField
          id="loss"
          label={training.outputs ? 'Default loss' : 'Loss'}
          value={training.loss}
          options={losses.map((l) => ({ value: l.name, label: l.label }))}
          help={problemOf('training.loss') ?? losses.find((l) => l.name === training.loss)?.description}
          error={Boolean(problemOf('training.loss'))}
          onChange={(loss) => setTraining({ loss, lossOptions: undefined })}
        />
        {losses
          .find((l) => l.name === training.loss)
          ?.params.map((spec) => (
            <ParamField
              key={`${training.loss}:${spec.name}`}
              spec={spec}
              value={training.lossOptions?.[spec.name]}
              onChange={(v) => {
                const rest = Object.fromEntries(Object.entries(training.lossOptions ?? {}).filter(([k]) => k !== spec.name));
                const next = v === undefined ? rest : { ...rest, [spec.name]: v as number | boolean | string };
                setTraining({ lossOptions: Object.keys(next).length ? next : undefined });
              }}
              problem={problemOf(`training.lossOptions.${spec.name}`)}
              testId={`loss-${spec.name}`}
            />
          ))}
        <SelectField
          id="initializer"
          label="Default initializer"
          value={init}
          options={initializers.map((i) => ({ value: i.name, label: i.label }))}
          help={`${initializers.find((i) => i.name === init)?.description ?? ''} Layers can override it in the inspector.`}
          onChange={(initializer) => setTraining({ initializer, initializerOptions: undefined })}
        />
        {initOption && (
          <ParamField
            spec={initOption}
            value={training.initializerOptions?.[initOption.name as 'std']}
            onChange={(v) =>
              setTraining({ initializerOptions: v === undefined ? undefined : { [initOption.name]: v } }, 'init-option')
            }
          />
        )}
        <StartFromWeightsField />
      </fieldset>

      <fieldset>
        <legend>Optimizer</legend>
        <SelectField
          id="optimizer"
          label="Optimizer"
          value={training.optimizer.name}
          options={optimizers.map((o) => ({ value: o.name, label: o.label }))}
          help={optimizer?.description}
          onChange={(name) => {
            const switched = switchOptimizer(training.optimizer, name);
            setTraining({ optimizer: switched.optimizer });
            setLrNote(switched.lrNote ?? null);
          }}
        />
        {optimizerSpecs
          .filter((s) => !isRegularization(s))
          .map((spec) => (
            <ParamField
              key={`${training.optimizer.name}:${spec.name}`}
              spec={spec}
              value={optValue(spec.name)}
              onChange={(v) => {
                if (spec.name === 'lr') setLrNote(null);
                setOptimizer({ [spec.name]: v } as Partial<OptimizerConfig>);
              }}
              problem={problemOf(`training.optimizer.${spec.name}`)}
              testId={`optimizer-${spec.name}`}
            />
          ))}
        {lrNote && (
          <p className="field-help field-note" role="status" data-testid="lr-note">
            {lrNote}
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend>Learning-rate schedule</legend>
        <SelectField
          id="schedule"
          label="Schedule"
          value={schedule?.type ?? 'constant'}
          options={schedules.map((s) => ({ value: s.type, label: s.label }))}
          help={scheduleInfo?.description}
          onChange={(type) => setOptimizer({ schedule: defaultSchedule(type, training.epochs) })}
        />
        {scheduleInfo?.params.map((spec) => (
          <ParamField
            key={`${scheduleInfo.type}:${spec.name}`}
            spec={spec}
            value={(schedule as Record<string, unknown> | undefined)?.[spec.name]}
            onChange={(v) =>
              setOptimizer({ schedule: { ...schedule, [spec.name]: v } as OptimizerConfig['schedule'] }, `schedule:${spec.name}`)
            }
          />
        ))}
        <h4 className="fieldset-sub">Regularization</h4>
        {optimizerSpecs.filter(isRegularization).map((spec) => (
          <ParamField
            key={`${training.optimizer.name}:${spec.name}`}
            spec={spec}
            value={optValue(spec.name)}
            onChange={(v) => setOptimizer({ [spec.name]: v } as Partial<OptimizerConfig>)}
            testId={`optimizer-${spec.name}`}
          />
        ))}
      </fieldset>

      <fieldset>
        <legend>Training loop</legend>
        <LoopField spec={epochsSpec} training={training} onChange={setTraining} />
        <LoopField spec={batchSizeSpec} training={training} onChange={setTraining} />
        <LoopField spec={validationSpec} training={training} onChange={setTraining} />
        <LoopField spec={testSpec} training={training} onChange={setTraining} />
        <LoopField spec={seedSpec} training={training} onChange={setTraining} />
        <ParamField
          spec={scalingSpec}
          value={training.datasetOptions?.scaling}
          onChange={(scaling) =>
            setTraining({
              datasetOptions: {
                ...training.datasetOptions,
                scaling: scaling as Scaling | undefined,
              },
            })
          }
        />
        <BackendField value={training.backend} onChange={(backend) => setTraining({ backend })} />
      </fieldset>
    </div>
  );
}

/** Penalties, decay and clipping (their declarations say so): shown under Regularization, not next to the update rule. */
const isRegularization = (spec: ParamSpec): boolean => spec.group === 'regularization';

function LoopField({
  spec,
  training,
  onChange,
}: {
  spec: ParamSpec;
  training: TrainingConfig;
  onChange(patch: Partial<TrainingConfig>): void;
}) {
  const key = spec.name as 'epochs' | 'batchSize' | 'validationSplit' | 'testSplit' | 'seed';
  return (
    <ParamField
      spec={{ ...spec, optional: false }}
      value={training[key]}
      onChange={(v) => onChange({ [key]: v ?? spec.default } as Partial<TrainingConfig>)}
      testId={`training-${spec.name}`}
    />
  );
}

function defaultSchedule(type: string, epochs: number): OptimizerConfig['schedule'] {
  switch (type) {
    case 'step':
      return { type: 'step', stepSize: Math.max(1, Math.round(epochs / 3)), gamma: 0.1 };
    case 'exponential':
      return { type: 'exponential', gamma: 0.95 };
    case 'cosine':
      return { type: 'cosine', total: epochs };
    default:
      return undefined;
  }
}
