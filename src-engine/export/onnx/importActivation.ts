// The parameters of an imported activation node (Relu, Softmax, Dropout, …), or why it cannot
// map. LayerLab's Softmax normalizes each position's last axis (an image's channels), so an ONNX
// Softmax maps only where it does the same; Dropout keeps its ratio.

/** What the importer knows of the activation's input value. */
export interface ActivationInput {
  /** 'nchw' or 'nhwc' for an image (rank 4), undefined for features. */
  layout?: 'nchw' | 'nhwc';
  /** LayerLab's [h, w, c] of an image. */
  hwc?: number[];
  /** Rank of a features value, batch included. */
  rank: number;
}

export interface ActivationNode {
  op: string;
  /** An integer or float attribute, when the node has it. */
  attribute(name: string): number | undefined;
  /** The value of a constant input (Dropout's ratio from opset 12). */
  constantInput(index: number): number | undefined;
  /** The model's default-domain opset. */
  opset: number;
}

/** Parameters for LayerLab's layer, or a string saying why the node has no mapping. */
export function activationParams(node: ActivationNode, input: ActivationInput): Record<string, unknown> | string {
  if (node.op === 'LeakyRelu') return { alpha: node.attribute('alpha') ?? 0.01 };
  if (node.op === 'Dropout') return { rate: node.constantInput(1) ?? node.attribute('ratio') ?? 0.5 };
  if (node.op === 'Softmax') return softmaxIssue(node, input) ?? {};
  return {};
}

function softmaxIssue(node: ActivationNode, input: ActivationInput): string | null {
  // Opset 13 normalizes along `axis` (default −1); earlier opsets flatten from `axis` (default 1) on.
  const modern = node.opset >= 13;
  const rank = input.layout ? 4 : input.rank;
  const given = node.attribute('axis') ?? (modern ? -1 : 1);
  const axis = given < 0 ? given + rank : given;
  const last = rank - 1;
  const pixels = input.hwc ? input.hwc[0] * input.hwc[1] : 1;
  const maps =
    input.layout === 'nchw'
      ? axis === 1 && (modern || pixels === 1) // channels are axis 1
      : axis === last;
  if (maps) return null;
  const over = !modern && axis < last ? `axes ${axis}–${last} together (opset ${node.opset})` : `axis ${given}`;
  const ours = input.layout ? "each pixel's channels" : 'the last axis';
  return `it normalizes over ${over}; LayerLab's Softmax normalizes ${ours}`;
}
