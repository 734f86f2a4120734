// The run's opening event, the same for one-output and multi-output training.
import type { Model } from '../graph/model';
import type { EngineEvent } from '../../src-shared/engineEvents';
import type { TrainSetup } from './trainer';

export function startEvent(
  setup: Pick<TrainSetup, 'train' | 'validation' | 'backendName'>,
  model: Model,
  epochs: number,
  batchSize: number,
): EngineEvent {
  return {
    event: 'start',
    epochs,
    stepsPerEpoch: Math.ceil(setup.train.count / batchSize),
    trainCount: setup.train.count,
    valCount: setup.validation?.count ?? 0,
    parameterCount: model.parameterCount(),
    backend: setup.backendName ?? 'cpu',
  };
}
