// Runs a lesson's variants in this process, one after another, and collects from each exactly
// what the app stores for a run (events, step losses, initial and final weights), then the check.
// The CLI and the tests use it; the app trains the same graphs as a sweep and checks stored runs.
import { runTrainingJob, type TrainingJobMessage } from '../train/runTrainingJob';
import type { Dataset } from '../data/types';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { Lesson, LessonOutcome } from '../../src-shared/lessonFormat';
import { evaluateLesson, lessonNeeds } from './evaluate';
import type { LessonRun } from './runData';
import { planLessonRuns, type PlanOptions } from './variants';
import { lessonInsightRequest } from './viewData';
import type { InsightRequest } from '../../src-shared/api';

export interface RunLessonOptions extends PlanOptions {
  loadDataset(graph: GraphDoc): Promise<Dataset>;
  backendName?: string;
  /** Also record what the lesson's views draw (histograms, decision boundary), as the app's sweep runs do. */
  views?: boolean;
}

export async function runLesson(
  lesson: Lesson,
  options: RunLessonOptions,
): Promise<{ runs: LessonRun[]; outcome: LessonOutcome }> {
  const needs = lessonNeeds(lesson);
  const insights = options.views ? lessonInsightRequest(lesson) : undefined;
  const runs: LessonRun[] = [];
  for (const plan of planLessonRuns(lesson, options)) {
    const dataset = await options.loadDataset(plan.graph);
    const run = await trainVariant(plan.variant, plan.graph, dataset, needs.steps, options.backendName ?? 'cpu', insights);
    if (needs.inputs || insights?.boundary)
      run.inputs = {
        x: dataset.x,
        features: dataset.x.length / dataset.count,
        count: dataset.count,
        labels: dataset.y,
        ...wordsOf(dataset),
      };
    runs.push(run);
  }
  return { runs, outcome: evaluateLesson(lesson, runs) };
}

async function trainVariant(
  variant: string,
  graph: GraphDoc,
  dataset: Dataset,
  everyStep: boolean,
  backendName: string,
  insights: InsightRequest | undefined,
): Promise<LessonRun> {
  const run: LessonRun = {
    variant,
    status: 'failed',
    epochs: [],
    steps: [],
    checkpoints: {},
    ...(insights ? { insights: [] } : {}),
  };
  const post = (m: TrainingJobMessage) => {
    if (m.type === 'failed') throw new Error(`${graph.name ?? variant}: ${m.message}`);
    if (m.type === 'checkpoint' && (m.kind === 'initial' || m.kind === 'final')) run.checkpoints[m.kind] = m.tensors;
    if (m.type !== 'event') return;
    const e = m.event;
    if (e.event === 'epoch')
      run.epochs.push({
        epoch: e.epoch,
        step: e.step,
        trainLoss: e.trainLoss,
        trainAcc: e.trainAcc,
        valLoss: e.valLoss,
        valAcc: e.valAcc,
        valR2: e.valR2,
        layers: e.layers,
      });
    else if (e.event === 'step') run.steps.push({ step: e.step, loss: e.loss });
    else if (e.event === 'insight') run.insights?.push(e);
    else if (e.event === 'done') run.status = e.status;
  };
  // Without `everyStep`, about 20 step losses per epoch, as the app stores them.
  await runTrainingJob({
    request: { graph, ...(everyStep ? { stepEventEvery: 1 } : {}), ...(insights ? { insights } : {}) },
    dataset,
    post,
    control: {},
    backendName,
  });
  return run;
}

/** The word of each id, for datasets of word ids (skip-gram and CBOW pairs carry their vocabulary). */
export function wordsOf(dataset: Dataset): { vocabulary?: readonly string[] } {
  const vocabulary = (dataset as Dataset & { vocabulary?: unknown }).vocabulary;
  return Array.isArray(vocabulary) ? { vocabulary: vocabulary as string[] } : {};
}
