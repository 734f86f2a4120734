// A small builder of ONNX graphs over the official onnx.proto messages (the onnx-proto package,
// protobufjs code generated from onnx.proto): nodes, float/int64 initializers, unique names.
import onnxProto from 'onnx-proto';

export const { onnx } = onnxProto;
export type AttributeValue = number | number[] | string;

export class OnnxGraph {
  readonly nodes: InstanceType<typeof onnx.NodeProto>[] = [];
  readonly initializers: InstanceType<typeof onnx.TensorProto>[] = [];
  private readonly used = new Set<string>();

  /** A fresh value name starting with `base`. */
  name(base: string): string {
    let n = base;
    for (let k = 2; this.used.has(n); k++) n = `${base}_${k}`;
    this.used.add(n);
    return n;
  }

  floats(base: string, dims: number[], data: ArrayLike<number>): string {
    const name = this.name(base);
    const values = Float32Array.from(data);
    this.initializers.push(
      onnx.TensorProto.create({ name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(values.buffer) }),
    );
    return name;
  }

  ints(base: string, values: number[]): string {
    const name = this.name(base);
    const data = BigInt64Array.from(values.map((v) => BigInt(v)));
    this.initializers.push(
      onnx.TensorProto.create({
        name,
        dims: [values.length],
        dataType: onnx.TensorProto.DataType.INT64,
        rawData: new Uint8Array(data.buffer),
      }),
    );
    return name;
  }

  /** Adds a node; returns its (single) output's name. */
  op(
    opType: string,
    inputs: string[],
    attributes: Record<string, AttributeValue> = {},
    outputBase = opType.toLowerCase(),
  ): string {
    const output = this.name(outputBase);
    const attribute = Object.entries(attributes).map(([name, v]) => attributeOf(name, v));
    this.nodes.push(
      onnx.NodeProto.create({ opType, input: inputs, output: [output], name: this.name(`${outputBase}_node`), attribute }),
    );
    return output;
  }
}

function attributeOf(name: string, v: AttributeValue): InstanceType<typeof onnx.AttributeProto> {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof v === 'string') return onnx.AttributeProto.create({ name, type: T.STRING, s: new TextEncoder().encode(v) });
  if (Array.isArray(v)) return onnx.AttributeProto.create({ name, type: T.INTS, ints: v });
  if (Number.isInteger(v) && !name.match(/alpha|epsilon|momentum|beta|gamma/))
    return onnx.AttributeProto.create({ name, type: T.INT, i: v });
  return onnx.AttributeProto.create({ name, type: T.FLOAT, f: v });
}
