// A lesson-only registry of small layers, one of them deliberately wrong, for the lesson on the
// gradient check. They never reach the app's layer registry (so the real gradient-check suite,
// which must pass, never sees them).
import { record } from '../core/autograd';
import type { Tensor } from '../core/tensor';
import { mul, square } from '../ops';
import { runKernel } from '../ops/runKernel';

export interface LessonLayer {
  name: string;
  description: string;
  forward(x: Tensor): Tensor;
}

export const LESSON_LAYERS: readonly LessonLayer[] = [
  { name: 'square', description: 'x² with its true derivative 2x.', forward: (x) => square(x) },
  {
    name: 'broken_square',
    description: 'x² whose backward pass claims the derivative is x (a forgotten factor 2).',
    forward: (x) => record(runKernel('Square', [x], {}), 'brokenSquare', [x], (dy) => [mul(dy, x)]),
  },
  {
    name: 'broken_sigmoid',
    description: 'σ(x) whose backward pass uses σ(x) instead of σ(x)(1 − σ(x)).',
    forward: (x) => {
      const out = runKernel('Sigmoid', [x], {});
      return record(out, 'brokenSigmoid', [x], (dy) => [mul(dy, out)]);
    },
  },
];

export function lessonLayer(name: string): LessonLayer | undefined {
  return LESSON_LAYERS.find((l) => l.name === name);
}
