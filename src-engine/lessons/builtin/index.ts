// The built-in lessons, in teaching order.
import type { LessonInput } from '../../../src-shared/lessonFormat';
import { linearStackLesson, perceptronLesson } from './perceptron';
import { dyingReluLesson, saturationLesson, zeroCentredLesson } from './activations';
import { initScaleLesson, orthogonalLesson, symmetryLesson } from './initialization';
import { gradCheckLesson, overfittingLesson, penaltiesLesson, scalingLesson } from './regularization';
import { batchNormLesson, batchSizeLesson, learningRateLesson, momentumLesson } from './optimization';
import { addingLesson, wordVectorsLesson } from './sequences';

export const BUILTIN_LESSONS: readonly LessonInput[] = [
  perceptronLesson,
  linearStackLesson,
  saturationLesson,
  zeroCentredLesson,
  dyingReluLesson,
  symmetryLesson,
  initScaleLesson,
  orthogonalLesson,
  learningRateLesson,
  momentumLesson,
  batchSizeLesson,
  batchNormLesson,
  overfittingLesson,
  penaltiesLesson,
  scalingLesson,
  gradCheckLesson,
  addingLesson,
  wordVectorsLesson,
];
