// The numeric gradient check of a graph in an engine process: backprop against central
// differences in float64, on the first few training samples of the graph's own dataset (loaded,
// split and scaled as a run would), summarised per parameter and per layer.
import { cpuFloat64, useCpuBackend } from '../cpuEngine';
import { prepareRun } from '../../../train/prepareRun';
import { modelGradCheck } from '../../../train/modelGradCheck';
import { describeIssue } from '../../../../src-shared/graphFormat';
import type { GradCheckReport, ParamGradCheck } from '../../../../src-shared/api';
import type { EngineToHost, HostToEngine } from '../../../../src-shared/engineProtocol';
import { loadJobDataset } from './datasetLoad';

type GradCheckRequest = Extract<HostToEngine, { type: 'gradcheck' }>;

/** Relative errors above this mean backprop and the finite differences disagree (float64). */
export const GRADCHECK_TOLERANCE = 1e-4;
const DEFAULT_SAMPLES = 4;

export async function gradcheckJob(request: GradCheckRequest, post: (message: EngineToHost) => void): Promise<void> {
  useCpuBackend();
  const dataset = await loadJobDataset(request.graph, post);
  if (!dataset) return;
  const prepared = prepareRun(request.graph, dataset);
  if (!prepared.ok) {
    post({ type: 'failed', message: `the graph cannot be checked: ${prepared.issues.map(describeIssue).join('; ')}` });
    return;
  }
  const { validated, setup } = prepared.run;
  const samples = Math.min(request.samples ?? DEFAULT_SAMPLES, setup.train.count);
  if (samples === 0) {
    post({ type: 'failed', message: 'the training split is empty: there are no samples to check with' });
    return;
  }
  const errors = modelGradCheck(validated, { split: setup.train, task: setup.task, inputShape: setup.inputShape }, cpuFloat64(), {
    samples,
  });
  post({ type: 'gradcheck', report: summarize(errors, samples) });
}

export function summarize(errors: Array<Omit<ParamGradCheck, 'passed'>>, samples: number): GradCheckReport {
  // NaN (a broken gradient) must fail: compare so that NaN is never "below".
  const passes = (e: number) => e <= GRADCHECK_TOLERANCE;
  const params = errors.map((e) => ({ ...e, passed: passes(e.maxRelError) }));
  const layers: GradCheckReport['layers'] = [];
  for (const p of params) {
    const layer = layers.find((l) => l.nodeId === p.nodeId);
    if (!layer) layers.push({ nodeId: p.nodeId, maxRelError: p.maxRelError, passed: p.passed });
    else {
      layer.maxRelError = Number.isNaN(p.maxRelError) || p.maxRelError > layer.maxRelError ? p.maxRelError : layer.maxRelError;
      layer.passed &&= p.passed;
    }
  }
  return { tolerance: GRADCHECK_TOLERANCE, samples, params, layers, passed: params.every((p) => p.passed) };
}
