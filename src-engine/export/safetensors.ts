// The safetensors format, written and read in plain TypeScript: an 8-byte little-endian header
// length, a JSON header (dtype, shape and byte offsets per tensor, plus string `__metadata__`),
// then the raw little-endian data. Reading checks every offset, so a corrupt or truncated file
// is refused with the tensor it breaks at, never read past its end.

export interface NamedTensor {
  name: string;
  shape: number[];
  data: Float32Array;
}

export interface SafetensorsFile {
  tensors: NamedTensor[];
  metadata: Record<string, string>;
}

/** A file that is not valid safetensors; the message names the tensor or header field. */
export class SafetensorsError extends Error {}

const BYTES: Record<string, number> = { F32: 4, F64: 8, F16: 2, I64: 8, I32: 4, I16: 2, I8: 1, U8: 1, BOOL: 1 };
const littleEndianHost = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function encodeSafetensors(tensors: readonly NamedTensor[], metadata: Record<string, string> = {}): Uint8Array {
  // No prototype: a tensor may be called "valueOf" or "__proto__".
  const header = Object.create(null) as Record<string, unknown>;
  if (Object.keys(metadata).length) header.__metadata__ = metadata;
  let offset = 0;
  for (const t of tensors) {
    const size = t.shape.reduce((a, b) => a * b, 1);
    if (size !== t.data.length)
      throw new Error(`tensor ${t.name}: shape [${t.shape.join(', ')}] holds ${size} values, the data ${t.data.length}`);
    if (Object.hasOwn(header, t.name) || t.name === '__metadata__') throw new Error(`tensor ${t.name} is listed twice`);
    header[t.name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + t.data.length * 4] };
    offset += t.data.length * 4;
  }
  let json = JSON.stringify(header);
  // Padding with spaces to a multiple of 8 keeps the data aligned (the format allows it).
  const rawLength = new TextEncoder().encode(json).length;
  json += ' '.repeat((8 - ((8 + rawLength) % 8)) % 8);
  const headerBytes = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  let at = 8 + headerBytes.length;
  for (const t of tensors) {
    if (littleEndianHost) out.set(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength), at);
    else for (let i = 0; i < t.data.length; i++) view.setFloat32(at + i * 4, t.data[i], true);
    at += t.data.byteLength;
  }
  return out;
}

export function decodeSafetensors(bytes: Uint8Array): SafetensorsFile {
  if (bytes.length < 8)
    throw new SafetensorsError(`the file is ${bytes.length} bytes long, too short for the 8-byte header length`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (headerLength > bytes.length - 8)
    throw new SafetensorsError(
      `the header claims ${headerLength} bytes but the file holds only ${bytes.length - 8} after the length (truncated or not safetensors)`,
    );
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength)));
  } catch (e) {
    throw new SafetensorsError(`the header is not valid JSON (${(e as Error).message})`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    throw new SafetensorsError('the header is not a JSON object');
  const dataStart = 8 + headerLength;
  const dataLength = bytes.length - dataStart;
  const metadata: Record<string, string> = {};
  const tensors: Array<NamedTensor & { begin: number }> = [];
  for (const [name, entry] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      for (const [k, v] of Object.entries((entry ?? {}) as Record<string, unknown>)) {
        if (typeof v !== 'string') throw new SafetensorsError(`metadata field ${k} is not a string`);
        metadata[k] = v;
      }
      continue;
    }
    tensors.push(readTensor(name, entry, bytes.subarray(dataStart), dataLength));
  }
  // In the order of the data (JSON objects list integer-like keys first, whatever the writer did).
  tensors.sort((a, b) => a.begin - b.begin || a.data.length - b.data.length);
  return { tensors: tensors.map(({ name, shape, data }) => ({ name, shape, data })), metadata };
}

function readTensor(name: string, entry: unknown, data: Uint8Array, dataLength: number): NamedTensor & { begin: number } {
  const e = entry as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
  if (typeof e !== 'object' || e === null) throw new SafetensorsError(`tensor ${name}: its header entry is not an object`);
  const dtype = e.dtype;
  if (typeof dtype !== 'string' || !(dtype in BYTES))
    throw new SafetensorsError(`tensor ${name}: unknown dtype ${JSON.stringify(dtype)}`);
  if (!['F32', 'F64', 'I64', 'I32'].includes(dtype))
    throw new SafetensorsError(`tensor ${name}: dtype ${dtype} is not supported (F32, F64, I64, I32 are)`);
  const shape = e.shape;
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0))
    throw new SafetensorsError(`tensor ${name}: shape ${JSON.stringify(shape)} is not a list of sizes`);
  const offsets = e.data_offsets;
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isInteger(o) && o >= 0)) {
    throw new SafetensorsError(`tensor ${name}: data_offsets ${JSON.stringify(offsets)} is not [begin, end]`);
  }
  const [begin, end] = offsets as [number, number];
  const count = (shape as number[]).reduce((a, b) => a * b, 1);
  const width = BYTES[dtype];
  if (end < begin || end - begin !== count * width)
    throw new SafetensorsError(
      `tensor ${name}: shape [${(shape as number[]).join(', ')}] of ${dtype} needs ${count * width} bytes, its offsets span ${end - begin}`,
    );
  if (end > dataLength)
    throw new SafetensorsError(
      `tensor ${name}: its data ends at byte ${end} but the file holds ${dataLength} data bytes (truncated)`,
    );
  const view = new DataView(data.buffer, data.byteOffset + begin, end - begin);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const at = i * width;
    out[i] =
      dtype === 'F32'
        ? view.getFloat32(at, true)
        : dtype === 'F64'
          ? view.getFloat64(at, true)
          : dtype === 'I32'
            ? view.getInt32(at, true)
            : Number(view.getBigInt64(at, true));
  }
  return { name, shape: shape as number[], data: out, begin };
}
