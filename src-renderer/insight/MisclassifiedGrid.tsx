// The samples a model got wrong, the most confident mistakes first: images as thumbnails, 2-D
// points and small tables as their values, each with its true and predicted class.
import type { MisclassifiedSample } from '../../src-shared/api';

interface Props {
  samples: readonly MisclassifiedSample[];
  total: number;
  classNames: readonly string[];
  inputShape: readonly number[];
  featureNames?: readonly string[];
}

export function MisclassifiedGrid({ samples, total, classNames, inputShape, featureNames }: Props) {
  if (total === 0)
    return (
      <p className="panel-empty" data-testid="misclassified-none">
        No sample of this split is misclassified.
      </p>
    );
  const image = inputShape.length === 3;
  return (
    <section className="eval-mistakes">
      <h4>
        Misclassified: {total}
        {total > samples.length ? ` (the ${samples.length} most confident shown)` : ''}
      </h4>
      <ul className={image ? 'mistake-grid images' : 'mistake-grid'} data-testid="misclassified">
        {samples.map((s) => (
          <li key={s.index} data-testid="misclassified-item" title={`row ${s.index} of the split`}>
            {image && s.input && <Thumb values={s.input} shape={inputShape} />}
            {!image && s.input && <span className="mistake-values">{describeValues(s.input, featureNames)}</span>}
            <span className="mistake-label">
              <span className="mistake-true">{classNames[s.label]}</span> →{' '}
              <span className="mistake-predicted">{classNames[s.predicted]}</span>
            </span>
            <span className="mistake-confidence">{(s.confidence * 100).toFixed(0)}% sure</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function describeValues(values: readonly number[], names?: readonly string[]): string {
  if (values.length === 2 && !names) return `(${values[0]!.toFixed(2)}, ${values[1]!.toFixed(2)})`;
  return values.map((v, i) => `${names?.[i] ?? `x${i + 1}`} ${Number(v.toPrecision(3))}`).join(', ');
}

function Thumb({ values, shape }: { values: readonly number[]; shape: readonly number[] }) {
  const [height, width, channels] = shape as [number, number, number];
  // Datasets hold pixels as 0–1 or 0–255; draw either at full contrast.
  const scale = Math.max(...values) <= 1.0001 ? 255 : 1;
  return (
    <canvas
      width={width}
      height={height}
      className="thumb"
      ref={(el) => {
        const c = el?.getContext('2d');
        if (!c) return;
        const img = c.createImageData(width, height);
        for (let i = 0; i < width * height; i++) {
          const at = (k: number) => Math.max(0, Math.min(255, values[i * channels + Math.min(k, channels - 1)]! * scale));
          img.data.set([at(0), at(1), at(2), 255], i * 4);
        }
        c.putImageData(img, 0, 0);
      }}
    />
  );
}
