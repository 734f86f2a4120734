// Fan-in and fan-out of a weight shape, as Keras counts them: the last axis is outputs, the one
// before it inputs, and any leading axes (a conv's kernel window) multiply both.
export function fansOf(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0], fanOut: shape[0] };
  // Dense [in, out] and recurrent [in, k·units] land here with receptive = 1.
  let receptive = 1;
  for (let i = 0; i < shape.length - 2; i++) receptive *= shape[i];
  return { fanIn: receptive * shape[shape.length - 2], fanOut: receptive * shape[shape.length - 1] };
}
