// An executable model built from a validated graph: layers in dependency order, weights drawn
// from per-node streams of the run seed (so sweeps can share initial weights exactly).
import { Rng } from '../core/rng';
import type { Tensor } from '../core/tensor';
import type { ForwardMode, LayerDef, LayerInstance } from '../layers';
import type { Squash } from '../layers/types';
import type { ValidatedGraph } from './validate';

export interface ModelNode {
  id: string;
  type: string;
  def: LayerDef;
  instance: LayerInstance;
  inputIds: string[];
  outputShape: number[];
}

export interface ForwardResult {
  /** The model's output; for the loss, the logits where the loss absorbs the final squashing. */
  output: Tensor;
  /** Every node's output, when asked for. */
  activations?: Map<string, Tensor>;
}

export class Model {
  readonly nodes: ModelNode[];
  readonly inputId: string;
  readonly outputId: string;

  constructor(
    readonly validated: ValidatedGraph,
    seed: number,
    initializer = validated.initializer,
  ) {
    const initRoot = new Rng(seed).fork('init');
    this.inputId = validated.structure.inputId;
    this.outputId = validated.structure.outputId;
    this.nodes = validated.structure.order.map((id) => {
      const v = validated.nodes.get(id)!;
      const instance = v.def.build(v.inputShapes, v.params, {
        rng: initRoot.fork(id),
        defaultInitializer: initializer,
        initializerOptions: validated.graph.training.initializerOptions,
        name: id,
      });
      return { id, type: v.def.type, def: v.def, instance, inputIds: v.inputIds, outputShape: v.outputShape };
    });
  }

  params(): Tensor[] {
    return this.nodes.flatMap((n) => n.instance.params);
  }

  /** Parameters and non-trainable state (what a checkpoint saves). */
  stateTensors(): Tensor[] {
    return this.nodes.flatMap((n) => [...n.instance.params, ...(n.instance.state ?? [])]);
  }

  get outputNode(): ModelNode {
    return this.nodes[this.nodes.length - 1].id === this.outputId
      ? this.nodes[this.nodes.length - 1]
      : this.nodes.find((n) => n.id === this.outputId)!;
  }

  /**
   * Runs the network on a batch. With `logitsFor`, the output node skips that final squashing
   * (softmax or sigmoid) when it has it, so the loss can work from logits stably.
   */
  forward(
    x: Tensor,
    mode: ForwardMode,
    options: { logitsFor?: Squash; logitsAt?: ReadonlyMap<string, Squash>; keepActivations?: boolean } = {},
  ): ForwardResult {
    const values = new Map<string, Tensor>();
    for (const node of this.nodes) {
      if (node.id === this.inputId) {
        values.set(node.id, x);
        continue;
      }
      const inputs = node.inputIds.map((i) => values.get(i)!);
      // Outputs are dead ends (structure.ts), so their logits never feed another layer.
      const wanted = node.id === this.outputId && options.logitsFor ? options.logitsFor : options.logitsAt?.get(node.id);
      const useLogits = wanted && node.instance.squash === wanted && node.instance.logits;
      values.set(node.id, useLogits ? node.instance.logits!(inputs, mode) : node.instance.forward(inputs, mode));
    }
    return { output: values.get(this.outputId)!, activations: options.keepActivations ? values : undefined };
  }

  /**
   * Runs the network once and returns the given output nodes' values; `logitsAt` names the
   * outputs whose final squashing their loss absorbs (multi-output graphs).
   */
  forwardOutputs(x: Tensor, mode: ForwardMode, ids: readonly string[], logitsAt: ReadonlyMap<string, Squash>): Tensor[] {
    const { activations } = this.forward(x, mode, { logitsAt, keepActivations: true });
    return ids.map((id) => activations!.get(id)!);
  }

  /** Whether forward(..., {logitsFor}) really returns logits (the output ends in that squashing). */
  outputSquash(): Squash | undefined {
    return this.outputNode.instance.squash;
  }

  parameterCount(): number {
    return this.params().reduce((n, p) => n + p.size, 0);
  }
}
