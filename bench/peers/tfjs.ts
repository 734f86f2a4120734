// Child process: trains one benchmark model with TensorFlow.js 4.22 (tfjs-core ops, tf.train.adam)
// on the cpu or wasm backend, batches built from host arrays, and prints a Measurement.
//   node --import tsx --import ./bench/peers/tfjs-gradients.mjs bench/peers/tfjs.ts \
//     --backend cpu|wasm --model mlp --seconds 5 --warmup 1.5 --data DIR
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients.js';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import {
  CLASSES,
  IMAGE,
  MLP_WIDTHS,
  MODELS,
  gatherBatch,
  parseChildArgs,
  readBenchData,
  report,
  rssMB,
  sampleOrder,
  timeSteps,
  type ModelId,
} from './common';

type Forward = (x: tf.Tensor) => tf.Tensor2D;

function heNormal(shape: number[], fanIn: number): tf.Variable {
  return tf.variable(tf.mul(tf.randomNormal(shape, 0, 1, 'float32', 1), Math.sqrt(2 / fanIn)));
}

function buildModel(model: ModelId): Forward {
  if (model === 'mlp') {
    const layers = MLP_WIDTHS.slice(1).map((out, i) => ({
      w: heNormal([MLP_WIDTHS[i], out], MLP_WIDTHS[i]),
      b: tf.variable(tf.zeros([out])),
    }));
    return (x) => {
      let h = x as tf.Tensor2D;
      layers.forEach(({ w, b }, i) => {
        const z = tf.add(tf.matMul(h, w), b) as tf.Tensor2D;
        h = i < layers.length - 1 ? tf.relu(z) : z;
      });
      return h;
    };
  }
  const k1 = heNormal([3, 3, 1, 8], 9);
  const b1 = tf.variable(tf.zeros([8]));
  const k2 = heNormal([3, 3, 8, 16], 72);
  const b2 = tf.variable(tf.zeros([16]));
  const w3 = heNormal([400, CLASSES], 400);
  const b3 = tf.variable(tf.zeros([CLASSES]));
  return (x) => {
    const c1 = tf.maxPool(
      tf.relu(tf.add(tf.conv2d(x as tf.Tensor4D, k1 as tf.Tensor4D, 1, 'valid'), b1)) as tf.Tensor4D,
      2,
      2,
      'valid',
    );
    const c2 = tf.maxPool(tf.relu(tf.add(tf.conv2d(c1, k2 as tf.Tensor4D, 1, 'valid'), b2)) as tf.Tensor4D, 2, 2, 'valid');
    return tf.add(tf.matMul(tf.reshape(c2, [-1, 400]) as tf.Tensor2D, w3), b3) as tf.Tensor2D;
  };
}

async function useBackend(name: string): Promise<void> {
  if (name === 'wasm') {
    // The .wasm files from node_modules, read from disk (no network).
    const require = createRequire(import.meta.url);
    setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);
  }
  if (!(await tf.setBackend(name))) throw new Error(`TensorFlow.js backend ${name} is not available`);
  await tf.ready();
}

async function main(): Promise<void> {
  const args = parseChildArgs(process.argv.slice(2));
  await useBackend(args.backend);
  const data = readBenchData(args.data);
  const spec = MODELS[args.model];
  const batch = spec.batchSize;
  const width = IMAGE * IMAGE;
  const shape = args.model === 'mlp' ? [batch, width] : [batch, IMAGE, IMAGE, 1];
  const forward = buildModel(args.model);
  const optimizer = tf.train.adam(0.001);
  const order = sampleOrder(data.y.length);
  const xs = new Float32Array(batch * width);
  const labels = new Int32Array(batch);
  const step = (index: number) => {
    gatherBatch(data, width, order, index * batch, batch, xs, labels);
    tf.tidy(() => {
      const x = tf.tensor(xs, shape);
      const y = tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES);
      const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, forward(x)) as tf.Scalar, true);
      loss?.dataSync();
    });
  };
  const engine = `tfjs-${args.backend}`;
  try {
    step(0);
  } catch (e) {
    // e.g. the wasm backend has no Conv2DBackpropFilter kernel, so it cannot train a CNN.
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    report({
      engine,
      model: args.model,
      samplesPerSec: null,
      steps: 0,
      seconds: 0,
      rssMB: rssMB(),
      note: `cannot train: ${message}`,
    });
    return;
  }
  const timed = await timeSteps(step, batch, args.seconds, args.warmup);
  report({ engine, model: args.model, ...timed, threads: 1, rssMB: rssMB() });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
  process.exitCode = 1;
});
