// An ONNX model as LayerLab trains it, the one way the app's import and the CLI's import-onnx read
// it: the training section it starts with, its ending folded (a final Softmax into its Dense),
// cross-entropy for a classifier and mse otherwise, and the input scaling the model applies.
import { importOnnx, type ImportedOnnx } from './importOnnx';
import { foldOutputSquash } from './foldOutputSquash';

export function importOnnxForTraining(bytes: Uint8Array, dataset: string): ImportedOnnx {
  const imported = importOnnx(bytes, {
    dataset,
    loss: 'mse',
    optimizer: { name: 'adam', lr: 0.001 },
    batchSize: 32,
    epochs: 10,
    seed: 1,
    validationSplit: 0.2,
  });
  const graph = foldOutputSquash(imported.graph);
  const classifier = graph.nodes.some((n) => n.type === 'Softmax' || n.params?.activation === 'softmax');
  graph.training = {
    ...graph.training,
    loss: classifier ? 'cross_entropy' : 'mse',
    ...(imported.scaling ? { datasetOptions: { scaling: 'standard' } } : {}),
  };
  return { ...imported, graph };
}
