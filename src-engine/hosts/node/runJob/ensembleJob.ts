// Several trained runs as one ensemble, in an engine process: every member predicts the first
// run's split (rebuilt from its graph and seed), the predictions are averaged, and the average
// is scored beside each member (src-engine/train/ensemble.ts).
import { useCpuBackend } from '../cpuEngine';
import { prepareRun } from '../../../train/prepareRun';
import { scoreEnsemble } from '../../../train/ensemble';
import { describeIssue, type GraphDoc } from '../../../../src-shared/graphFormat';
import type { EnsembleResult } from '../../../../src-shared/api';
import type { EngineToHost, HostToEngine } from '../../../../src-shared/engineProtocol';
import { loadJobDataset } from './datasetLoad';
import { loadWeights, predictSplit } from './evaluateJob';

type EnsembleRequest = Extract<HostToEngine, { type: 'ensemble' }>;

/** Whether a member trained and validated on exactly the reference run's rows. */
function sameSplit(a: GraphDoc, b: GraphDoc): boolean {
  const [x, y] = [a.training, b.training];
  return (
    x.dataset === y.dataset &&
    x.seed === y.seed &&
    x.validationSplit === y.validationSplit &&
    (x.testSplit ?? 0) === (y.testSplit ?? 0) &&
    JSON.stringify(x.datasetOptions ?? {}) === JSON.stringify(y.datasetOptions ?? {})
  );
}

export async function ensembleJob(request: EnsembleRequest, post: (message: EngineToHost) => void): Promise<void> {
  const result = await ensembleOf(request, post);
  if (typeof result === 'string') post({ type: 'failed', message: result });
  else if (result) post({ type: 'ensemble', ensemble: result });
}

/** The scores, a sentence saying why there are none, or null once `failed` was posted. */
async function ensembleOf(
  request: EnsembleRequest,
  post: (message: EngineToHost) => void,
): Promise<EnsembleResult | string | null> {
  useCpuBackend();
  const reference = request.members[0].graph;
  const dataset = await loadJobDataset(reference, post);
  if (!dataset) return null;
  if (request.split === 'test' && !(dataset.test && dataset.test.count > 0) && !((reference.training.testSplit ?? 0) > 0))
    return `the dataset "${dataset.name}" has no test split; use validation (or train with a test split above 0)`;
  const outputs: Float32Array[] = [];
  let task: 'classification' | 'regression' = 'classification';
  let targets: Float32Array = new Float32Array(0);
  let width = 0;
  for (const [i, member] of request.members.entries()) {
    const label = `run ${i + 1} ("${member.name}")`;
    if (member.graph.training.dataset !== reference.training.dataset)
      return `${label} trained on "${member.graph.training.dataset}", not "${reference.training.dataset}" like the first run`;
    // Every member is rebuilt with the first run's split settings, so all predict the same rows, scaled alike.
    const graph: GraphDoc = {
      ...member.graph,
      training: {
        ...member.graph.training,
        seed: reference.training.seed,
        validationSplit: reference.training.validationSplit,
        testSplit: reference.training.testSplit,
        datasetOptions: reference.training.datasetOptions,
      },
    };
    const prepared = prepareRun(graph, dataset);
    if (!prepared.ok) return `${label}: its graph no longer builds: ${prepared.issues.map(describeIssue).join('; ')}`;
    const run = prepared.run;
    if (run.setup.heads) return `${label}: ensembles average one output; this run has several`;
    const split = request.split === 'test' ? run.splits.test! : run.splits.validation;
    if (split.count === 0) return 'the first run kept no validation samples (its validation split is 0); use the test split';
    const problem = loadWeights(run, member.tensors);
    if (problem) return `${label}: ${problem}`;
    const predicted = predictSplit(run, split);
    if (i === 0) [task, targets, width] = [run.setup.task, split.y, predicted.width];
    else if (run.setup.task !== task || predicted.width !== width)
      return `${label} predicts ${predicted.width} values per sample (${run.setup.task}); the first run predicts ${width} (${task})`;
    outputs.push(predicted.outputs);
  }
  const scores = scoreEnsemble(task, outputs, targets, width);
  return {
    task,
    count: targets.length / (task === 'classification' ? 1 : width),
    members: scores.members.map((score, i) => ({ score, sameSplit: sameSplit(reference, request.members[i].graph) })),
    ensemble: scores.ensemble,
    best: scores.best,
  };
}
