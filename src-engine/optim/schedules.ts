// Learning-rate schedules: a pure function of (base lr, schedule, epoch), so a resumed run and a
// chart of the schedule agree with what training used.
import { validateParams, type ParamError } from '../core/params';
import { Registry } from '../core/registry';
import type { ScheduleInfo, ScheduleSettings } from './types';

export const scheduleRegistry = new Registry<ScheduleInfo>('learning-rate schedule', (s) => s.type);

const SCHEDULES: ScheduleInfo[] = [
  { type: 'constant', label: 'Constant', description: 'The same learning rate every epoch.', params: [] },
  {
    type: 'step',
    label: 'Step decay',
    description: 'Multiplies the rate by gamma every stepSize epochs: lr·gamma^⌊epoch/stepSize⌋.',
    params: [
      {
        name: 'stepSize',
        label: 'Step size',
        kind: 'int',
        default: 10,
        min: 1,
        description: 'Epochs between two drops of the rate.',
      },
      {
        name: 'gamma',
        label: 'Gamma',
        kind: 'number',
        default: 0.1,
        min: 0,
        max: 1,
        exclusiveMin: true,
        description: 'Factor applied at each drop (0.1 = ten times smaller).',
      },
    ],
  },
  {
    type: 'exponential',
    label: 'Exponential decay',
    description: 'Multiplies the rate by gamma every epoch: lr·gamma^epoch.',
    params: [
      {
        name: 'gamma',
        label: 'Gamma',
        kind: 'number',
        default: 0.95,
        min: 0,
        max: 1,
        exclusiveMin: true,
        description: 'Factor applied once per epoch.',
      },
    ],
  },
  {
    type: 'cosine',
    label: 'Cosine annealing',
    description: 'Glides from lr down to minLr along half a cosine over total epochs, then stays at minLr.',
    params: [
      {
        name: 'total',
        label: 'Total epochs',
        kind: 'int',
        default: 50,
        min: 1,
        description: 'Epoch at which the rate reaches minLr.',
      },
      {
        name: 'minLr',
        label: 'Minimum rate',
        kind: 'number',
        default: 0,
        min: 0,
        optional: true,
        description: 'The rate at the end of the curve.',
      },
    ],
  },
];

for (const schedule of SCHEDULES) scheduleRegistry.register(schedule);

export function listSchedules(): ScheduleInfo[] {
  return scheduleRegistry.list().map((s) => ({ ...s, params: [...s.params] }));
}

/** Learning rate in effect during `epoch` (0-based). No schedule means constant. */
export function learningRateAt(base: number, schedule: ScheduleSettings | undefined, epoch: number): number {
  if (!Number.isFinite(epoch) || epoch < 0) throw new Error(`epoch must be a number ≥ 0, got ${epoch}`);
  if (!schedule || schedule.type === 'constant') {
    if (schedule) resolveSchedule(schedule);
    return base;
  }
  const v = resolveSchedule(schedule);
  switch (schedule.type) {
    case 'step':
      return base * Math.pow(v.gamma, Math.floor(epoch / v.stepSize));
    case 'exponential':
      return base * Math.pow(v.gamma, epoch);
    case 'cosine': {
      const progress = Math.min(epoch, v.total) / v.total;
      return v.minLr + ((base - v.minLr) * (1 + Math.cos(Math.PI * progress))) / 2;
    }
  }
}

/**
 * Checks a schedule against its specs and fills defaults. Fields belonging to other schedule types
 * are ignored. Error fields are the schedule's own (`type`, `gamma`, …).
 */
export function checkSchedule(schedule: ScheduleSettings): {
  values: Record<string, number>;
  errors: ParamError[];
  label: string;
} {
  const info = scheduleRegistry.get(schedule.type);
  if (!info)
    return {
      values: {},
      errors: [{ field: 'type', message: scheduleRegistry.unknownMessage(schedule.type) }],
      label: schedule.type,
    };
  const given = schedule as unknown as Record<string, unknown>;
  const relevant = Object.fromEntries(info.params.filter((p) => given[p.name] !== undefined).map((p) => [p.name, given[p.name]]));
  const { values, errors } = validateParams(info.params, relevant);
  const resolved: Record<string, number> = {};
  for (const p of info.params) resolved[p.name] = (values[p.name] as number | undefined) ?? 0;
  return { values: resolved, errors, label: info.label };
}

/** checkSchedule that throws a plain message when the type is unknown or a number is out of range. */
export function resolveSchedule(schedule: ScheduleSettings): Record<string, number> {
  const { values, errors, label } = checkSchedule(schedule);
  if (errors.length)
    throw new Error(
      errors[0].field === 'type' ? errors[0].message : `${label} schedule: ${errors.map((e) => e.message).join('; ')}`,
    );
  return values;
}
