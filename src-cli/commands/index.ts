// The CLI's commands: each one's help (summary, arguments, flags) and how it runs. The top-level
// help, each command's --help and the dispatcher all read this table.
import type { CommandHelp } from '../help';
import type { FlagSpec } from '../args';
import { trainCommand, trainFlags } from './train';
import { gradcheckCommand, gradcheckFlags } from './gradcheck';
import { datasetsCommand, datasetsFlags } from './datasets';
import { sweepCommand, sweepCommandFlags } from './sweep';
import { word2vecCommand, WORD2VEC_FLAGS } from './word2vec';
import { predictCommand, predictFlags } from './predict';
import { exportCommand, exportFlags } from './export';
import { importOnnxCommand, importOnnxFlags } from './importOnnx';
import { lessonsCommand, lessonsFlags } from './lessons';

export interface CommandDef extends CommandHelp {
  run(argv: string[]): Promise<number>;
}

export function commands(): CommandDef[] {
  return [
    {
      name: 'train',
      args: '<graph.json>',
      flags: trainFlags(),
      run: trainCommand,
      summary: 'Trains a saved graph; flags override its training section. Prints a table, or JSON lines with --json.',
      notes: [
        'example: npm run cli -- train examples/spiral.json --epochs 20 --optimizer sgd --lr 0.1 --schedule cosine:total=20 --json',
      ],
    },
    {
      name: 'sweep',
      args: '<graph.json>',
      flags: sweepCommandFlags(),
      run: sweepCommand,
      summary:
        'Searches hyperparameters: random trials drawn from ranges (or a --grid), trained concurrently, weak ones stopped early with --halving. Prints one line per trial, then the best.',
      notes: [
        'A setting is a training field (lr, batchSize, epochs, weightDecay, l1, l2, optimizer, schedule, schedule.gamma, scaling, …),',
        "a layer's <node>.<setting> (hidden.units, hidden.activation, drop.rate), or <node>.repeat (copies of that node in a chain).",
        'example: npm run cli -- sweep examples/spiral.json --trials 20 --param lr=1e-4..1e-1:log --param batchSize=16,32,64 --param hidden1.units=8..128:int --json',
      ],
    },
    {
      name: 'predict',
      args: '<graph.json>',
      flags: predictFlags(),
      run: predictCommand,
      summary:
        'Runs trained weights on raw rows of a CSV (columns by header name) or on a split of a dataset; writes class probabilities or regression values as CSV.',
      notes: [
        'example: npm run cli -- predict examples/iris-mlp.json --weights iris.safetensors --input flowers.csv --out predictions.csv',
      ],
    },
    {
      name: 'export',
      args: '<graph.json>',
      flags: exportFlags(),
      run: exportCommand,
      summary:
        'Writes the model for PyTorch (model.py, train.py for python or torchrun, weights, data) or as an ONNX file (opset 13, preprocessing included).',
      notes: [
        'example: npm run cli -- export examples/iris-mlp.json --weights iris.safetensors --to pytorch --out iris-torch',
        'see docs/export.md',
      ],
    },
    {
      name: 'import-onnx',
      args: '<M.onnx>',
      flags: importOnnxFlags(),
      run: importOnnxCommand,
      summary:
        'Reads an ONNX model whose operators all map (dense-style graphs) into a graph file and its weights; lists unsupported operators by node.',
    },
    {
      name: 'gradcheck',
      args: '<graph.json>',
      flags: gradcheckFlags(),
      run: gradcheckCommand,
      summary:
        'Compares backprop with central differences (float64) for every parameter; exits 1 when an error is above --tolerance.',
    },
    {
      name: 'datasets',
      args: '[show <ID|file>]',
      flags: datasetsFlags(),
      run: datasetsCommand,
      summary: 'Lists the built-in datasets, or describes one (loading it).',
    },
    {
      name: 'word2vec',
      args: '',
      flags: WORD2VEC_FLAGS as unknown as FlagSpec[],
      run: word2vecCommand,
      summary: 'Learns word vectors (skip-gram or CBOW) from a corpus and prints nearest neighbours.',
    },
    {
      name: 'lessons',
      args: '[run <ID|lesson.json> | export <ID>]',
      flags: lessonsFlags(),
      run: lessonsCommand,
      summary:
        'Lists the lessons, runs one and says whether its claim held in your run (exit 0 either way), or prints a lesson as JSON to edit or share.',
      notes: ['example: npm run cli -- lessons run symmetry --seed 3 --json'],
    },
  ];
}
