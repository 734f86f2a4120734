// Data controls beside the output, as TensorFlow Playground has them: noise and sample count of a
// generated dataset, the validation split and the batch size as sliders, and for 2-D data the
// input features (x₁², x₂², x₁x₂, sin x₁, sin x₂) the engine appends as columns.
import { useGraphStore } from '../document/graphStore';
import { batchSizeSpec, catalogueEntry, isPlane, planeFeatures, validationSpec } from '../app/engine';
import type { PlaneFeature } from '../../src-shared/graphFormat';
import './livelab.css';

const BATCH_SIZES = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512].filter(
  (b) => batchSizeSpec.kind !== 'int' || b <= (batchSizeSpec.max ?? Infinity),
);

export function DataControls() {
  const training = useGraphStore((s) => s.training);
  const setTraining = useGraphStore((s) => s.setTraining);
  const entry = catalogueEntry(training.dataset);
  const options = training.datasetOptions ?? {};
  const generated = entry?.source === 'generated' && entry.defaults && entry.inputShape.length === 1 ? entry.defaults : undefined;
  const plane = entry ? isPlane(entry.inputShape) : false;
  const setOptions = (patch: Partial<typeof options>, key: string) =>
    setTraining({ datasetOptions: { ...training.datasetOptions, ...patch } }, key);
  const chosen = new Set(options.features ?? []);
  const toggle = (id: PlaneFeature) => {
    const next = planeFeatures.map((f) => f.id).filter((f) => (f === id ? !chosen.has(f) : chosen.has(f)));
    setOptions({ features: next.length ? next : undefined }, 'data:features');
  };
  const validationMax = validationSpec.kind === 'number' ? (validationSpec.max ?? 0.9) : 0.9;
  const batchIndex = Math.max(
    0,
    BATCH_SIZES.findIndex((b) => b >= training.batchSize),
  );
  return (
    <section className="data-controls" aria-label="Data" data-testid="data-controls">
      <h3 className="output-title">Data</h3>
      {generated && (
        <>
          <Slider
            label="Noise"
            value={options.noise ?? generated.noise}
            min={0}
            max={Math.max(0.5, generated.noise * 5)}
            step={0.01}
            shown={(v) => v.toFixed(2)}
            onChange={(noise) => setOptions({ noise }, 'data:noise')}
            testId="data-noise"
          />
          <Slider
            label="Samples"
            value={options.samples ?? generated.samples}
            min={50}
            max={2000}
            step={50}
            shown={(v) => String(v)}
            onChange={(samples) => setOptions({ samples }, 'data:samples')}
            testId="data-samples"
          />
        </>
      )}
      <Slider
        label="Validation"
        value={training.validationSplit}
        min={0}
        max={validationMax}
        step={0.05}
        shown={(v) => `${Math.round(v * 100)} %`}
        onChange={(validationSplit) => setTraining({ validationSplit }, 'data:validation')}
        testId="data-validation"
      />
      <Slider
        label="Batch size"
        value={batchIndex}
        min={0}
        max={BATCH_SIZES.length - 1}
        step={1}
        shown={() => String(training.batchSize)}
        onChange={(i) => setTraining({ batchSize: BATCH_SIZES[i]! }, 'data:batch')}
        testId="data-batch"
      />
      {plane && (
        <div className="data-features" role="group" aria-label="Input features">
          <span className="data-label">Input features</span>
          <div className="data-chips">
            {planeFeatures.map((f) => (
              <button
                key={f.id}
                type="button"
                className="chip"
                aria-pressed={chosen.has(f.id)}
                onClick={() => toggle(f.id)}
                data-testid={`feature-${f.id}`}
              >
                {f.label}
              </button>
            ))}
          </div>
          <p className="data-hint">x₁ and x₂ always go in; each feature adds an input.</p>
        </div>
      )}
    </section>
  );
}

function Slider(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  shown(v: number): string;
  onChange(v: number): void;
  testId: string;
}) {
  return (
    <label className="data-slider">
      <span className="data-label">{props.label}</span>
      <input
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
        aria-label={props.label}
        data-testid={props.testId}
      />
      <output className="data-value">{props.shown(props.value)}</output>
    </label>
  );
}
