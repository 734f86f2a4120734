// LayerLab's training rules in PyTorch terms: losses, optimizers (each update rule mapped exactly)
// and learning-rate schedules. A name without a mapping is refused, never approximated.
import { resolveSchedule, type OptimizerSettings, type ScheduleSettings } from '../../optim';
import { ExportError } from './stateMapping';

/**
 * Python expression of the mean loss from `out` [N, width] and `target` [N, width] (one-hot rows for
 * classes); `options` are the graph's lossOptions (mse's ½).
 */
export function lossCode(name: string, options?: Record<string, unknown>): string {
  switch (name) {
    case 'mse':
      return options?.half === true ? '0.5 * F.mse_loss(out, target)' : 'F.mse_loss(out, target)';
    case 'kl_divergence':
      // Σ y·(log y − log softmax(out)), 0·log 0 = 0 as in LayerLab.
      return '(target * (torch.log(target + 1e-30) - F.log_softmax(out, dim=1))).sum() / out.shape[0]';
    case 'mae':
      return 'F.l1_loss(out, target)';
    case 'smooth_l1':
      return 'F.smooth_l1_loss(out, target, beta=1.0)';
    case 'cross_entropy':
      return '-(target * F.log_softmax(out, dim=1)).sum() / out.shape[0]';
    case 'binary_cross_entropy':
      return 'F.binary_cross_entropy_with_logits(out, target)';
    case 'hinge':
      return '(F.relu(out - (out * target).sum(1, keepdim=True) + 1) * (1 - target)).sum() / out.shape[0]';
  }
  throw new ExportError(`loss "${name}" has no PyTorch mapping`);
}

export interface OptimizerCode {
  /** Python building the optimizer from `groups` (decayed and exempt parameter groups). */
  build: string;
  /** AdamW's decoupled decay on the decayed group (0 elsewhere). */
  decoupledDecay: number;
  /** Coupled L1/L2 added to gradients before clipping, as LayerLab does (exempt: biases, BatchNorm γ/β). */
  l1: number;
  /** L1 as a soft-threshold step after the update (LayerLab's l1Proximal) instead of in the gradient. */
  l1Proximal: boolean;
  l2: number;
  clipNorm: number | null;
}

/**
 * LayerLab's rules → torch.optim. Momentum is PyTorch's form already (v ← μv + g; p ← p − lr·v).
 * Coupled decay (L2, and weightDecay on every rule but AdamW) is added to the gradient before
 * clipping by train.py itself, because torch.optim would add it after clipping and to every param.
 * AdamW's decoupled decay goes to torch.optim.AdamW for the decayed group only.
 */
export function optimizerCode(o: OptimizerSettings): OptimizerCode {
  const n = (v: number | undefined, d: number): number => v ?? d;
  const decoupled = o.name === 'adamw';
  const l2 = n(o.l2, 0) + (decoupled ? 0 : n(o.weightDecay, 0));
  const common = { l1: n(o.l1, 0), l1Proximal: o.l1Proximal === true, l2, clipNorm: o.clipNorm ?? null, decoupledDecay: 0 };
  const groups = 'groups';
  switch (o.name) {
    case 'sgd':
      return { ...common, build: `torch.optim.SGD(${groups}, lr=${o.lr})` };
    case 'momentum':
    case 'nesterov':
      return {
        ...common,
        build: `torch.optim.SGD(${groups}, lr=${o.lr}, momentum=${n(o.momentum, 0.9)}, nesterov=${o.name === 'nesterov' ? 'True' : 'False'})`,
      };
    case 'adagrad':
      return { ...common, build: `torch.optim.Adagrad(${groups}, lr=${o.lr}, eps=${n(o.eps, 1e-10)})` };
    case 'rmsprop':
      return { ...common, build: `torch.optim.RMSprop(${groups}, lr=${o.lr}, alpha=${n(o.rho, 0.9)}, eps=${n(o.eps, 1e-8)})` };
    case 'adam':
      return {
        ...common,
        build: `torch.optim.Adam(${groups}, lr=${o.lr}, betas=(${n(o.beta1, 0.9)}, ${n(o.beta2, 0.999)}), eps=${n(o.eps, 1e-8)})`,
      };
    case 'adamw': {
      return {
        ...common,
        decoupledDecay: n(o.weightDecay, 0.01),
        build: `torch.optim.AdamW(${groups}, lr=${o.lr}, betas=(${n(o.beta1, 0.9)}, ${n(o.beta2, 0.999)}), eps=${n(o.eps, 1e-8)})`,
      };
    }
  }
  throw new ExportError(`optimizer "${o.name}" has no PyTorch mapping`);
}

/** Python expression of the learning rate during `epoch` (0-based), as LayerLab's schedules. */
export function scheduleCode(base: number, schedule: ScheduleSettings | undefined): string {
  if (!schedule || schedule.type === 'constant') return `${base}`;
  let v: Record<string, number>;
  try {
    v = resolveSchedule(schedule);
  } catch {
    throw new ExportError(`learning-rate schedule "${schedule.type}" has no PyTorch mapping`);
  }
  switch (schedule.type) {
    case 'step':
      return `${base} * ${v.gamma} ** (epoch // ${v.stepSize})`;
    case 'exponential':
      return `${base} * ${v.gamma} ** epoch`;
    case 'cosine':
      return `${v.minLr} + (${base} - ${v.minLr}) * (1 + math.cos(math.pi * min(epoch, ${v.total}) / ${v.total})) / 2`;
  }
  throw new ExportError(`learning-rate schedule "${(schedule as { type: string }).type}" has no PyTorch mapping`);
}
