// A pad to draw a digit with the mouse or a finger; the trained model's class probabilities update
// when a stroke ends.
import { useRef, useState } from 'react';
import { argmax, classify, type TrainedModel } from './trainedModel';
import { digitInput } from './digitInput';

const SIZE = 280;

export function DrawingPad({ model, classNames }: { model: TrainedModel; classNames: readonly string[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ x: number; y: number } | null>(null);
  const [probs, setProbs] = useState<number[] | null>(null);
  const ctx = () => canvas.current?.getContext('2d', { willReadFrequently: true }) ?? null;
  const at = (e: React.PointerEvent) => {
    const r = canvas.current!.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * SIZE, y: ((e.clientY - r.top) / r.height) * SIZE };
  };
  const stroke = (from: { x: number; y: number }, to: { x: number; y: number }) => {
    const c = ctx();
    if (!c) return;
    c.strokeStyle = '#ffffff';
    c.lineWidth = 24;
    c.lineCap = 'round';
    c.beginPath();
    c.moveTo(from.x, from.y);
    c.lineTo(to.x, to.y);
    c.stroke();
  };
  const predict = () => {
    const c = ctx();
    if (!c) return;
    const rgba = c.getImageData(0, 0, SIZE, SIZE).data;
    const ink = new Float32Array(SIZE * SIZE);
    for (let i = 0; i < ink.length; i++) ink[i] = rgba[i * 4]! / 255;
    const x = digitInput(ink, SIZE, SIZE);
    setProbs(x.some((v) => v > 0) ? classify(model, x, 1)[0]! : null);
  };
  const clear = () => {
    const c = ctx();
    if (c) {
      c.fillStyle = '#000000';
      c.fillRect(0, 0, SIZE, SIZE);
    }
    setProbs(null);
  };
  const best = probs ? argmax(probs) : -1;
  return (
    <figure className="chart-box drawing-pad" data-testid="drawing-pad">
      <figcaption className="chart-box-title">
        <span>Draw a digit</span>
        <button type="button" className="link-button" onClick={clear} data-testid="pad-clear">
          Clear
        </button>
      </figcaption>
      <div className="drawing-pad-body">
        <canvas
          ref={(el) => {
            canvas.current = el;
            if (el && !el.dataset.ready) {
              el.dataset.ready = '1';
              const c = el.getContext('2d', { willReadFrequently: true })!;
              c.fillStyle = '#000000';
              c.fillRect(0, 0, SIZE, SIZE);
            }
          }}
          width={SIZE}
          height={SIZE}
          className="pad-canvas"
          data-testid="pad-canvas"
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            drawing.current = at(e);
            stroke(drawing.current, drawing.current);
          }}
          onPointerMove={(e) => {
            if (!drawing.current) return;
            const p = at(e);
            stroke(drawing.current, p);
            drawing.current = p;
          }}
          onPointerUp={() => {
            drawing.current = null;
            predict();
          }}
        />
        <ol className="pad-probs" data-testid="pad-probs" data-prediction={best >= 0 ? (classNames[best] ?? String(best)) : ''}>
          {(probs ?? classNames.map(() => 0)).map((p, i) => (
            <li key={i} className={i === best ? 'is-best' : undefined}>
              <span className="pad-class">{classNames[i] ?? i}</span>
              <span className="pad-bar" style={{ width: `${Math.round(p * 100)}%` }} />
              <span className="pad-p">{probs ? `${(p * 100).toFixed(0)}%` : ''}</span>
            </li>
          ))}
        </ol>
      </div>
    </figure>
  );
}
