// Check kinds that need no training run: the numeric gradient check of a lesson-only layer, and
// the optimizer lab's walk on a test surface.
import { withBackend } from '../core/backend';
import { tensor } from '../core/tensor';
import { gradCheck } from '../core/gradcheck';
import { Rng } from '../core/rng';
import { CpuBackend, registerCpuKernels } from '../kernels/cpu';
import { trajectory } from '../analysis/optimizerLab';
import { registerMeasure, optionalNumber, stringParam } from './measureRegistry';
import { LESSON_LAYERS, lessonLayer } from './brokenLayers';

/** Largest relative error between backprop and central differences, in float64, on 6 inputs in ±(0.2…1). */
export function lessonLayerGradError(name: string): number {
  const layer = lessonLayer(name);
  if (!layer)
    throw new Error(
      `measure "gradcheckError": no lesson layer "${name}" (known: ${LESSON_LAYERS.map((l) => l.name).join(', ')})`,
    );
  registerCpuKernels();
  return withBackend(new CpuBackend('float64'), () => {
    const rng = new Rng(7);
    const x = tensor(
      Array.from({ length: 6 }, () => (rng.next() < 0.5 ? -1 : 1) * rng.uniform(0.2, 1)),
      [6],
    );
    x.requiresGrad = true;
    return gradCheck(() => layer.forward(x), [x]).maxRelError;
  });
}

registerMeasure({
  kind: 'gradcheckError',
  description: 'Largest relative error of a lesson-only layer’s backprop against central differences (float64).',
  needsRun: false,
  name: (p) => `gradcheckError ${stringParam(p, 'layer')}`,
  measure: (_run, p) => lessonLayerGradError(stringParam(p, 'layer')),
});

registerMeasure({
  kind: 'labLoss',
  description: 'The optimizer lab: the surface’s value after `steps` updates of an optimizer from the surface’s start.',
  needsRun: false,
  name: (p) => `labLoss ${stringParam(p, 'optimizer')}`,
  measure: (_run, p) => {
    const settings = {
      name: stringParam(p, 'optimizer'),
      lr: optionalNumber(p, 'lr', 0.01),
      ...(typeof p.momentum === 'number' ? { momentum: p.momentum } : {}),
    };
    const path = trajectory(stringParam(p, 'surface'), settings, optionalNumber(p, 'steps', 100));
    return path[path.length - 1].f;
  },
});
