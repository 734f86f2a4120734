// One binary frame for a JSON-like value that holds Float32Arrays (datasets going to a GPU
// worker, checkpoints coming back), so the floats cross a WebSocket without JSON's cost and
// NaN/±Infinity survive (JSON would turn them into null).
//
// Layout: "LLB1" | header byte length (uint32 LE) | header (UTF-8 JSON) | zero padding to 4 bytes |
// the arrays' floats, one after another (little-endian float32). In the header a Float32Array is
// `{"$f32": i}` (the i-th array; the header's `lengths` gives the sizes) and a non-finite number
// is `{"$num": "NaN" | "Infinity" | "-Infinity"}`.

const MAGIC = [0x4c, 0x4c, 0x42, 0x31]; // "LLB1"
const PREFIX = 8;
const F32 = '$f32';
const NUM = '$num';

export class BinaryMessageError extends Error {
  override name = 'BinaryMessageError';
}

interface Header {
  value: unknown;
  lengths: number[];
}

const align4 = (n: number): number => (n + 3) & ~3;

/** Encodes `value` (plain objects, arrays, strings, numbers, booleans, null, Float32Arrays). */
export function encodeBinaryMessage(value: unknown): ArrayBuffer {
  const arrays: Float32Array[] = [];
  const json = JSON.stringify(value ?? null, (key, v: unknown) => {
    if (v instanceof Float32Array) {
      arrays.push(v);
      return { [F32]: arrays.length - 1 };
    }
    if (typeof v === 'number' && !Number.isFinite(v)) return { [NUM]: String(v) };
    if (v && typeof v === 'object' && !Array.isArray(v) && (F32 in v || NUM in v)) {
      throw new BinaryMessageError(`cannot encode an object with the reserved key "${F32 in v ? F32 : NUM}" (at "${key}")`);
    }
    return v;
  });
  // The lengths are known once the value is walked.
  const header = new TextEncoder().encode(`{"value":${json},"lengths":[${arrays.map((a) => a.length).join(',')}]}`);
  const floatsAt = align4(PREFIX + header.length);
  const total = floatsAt + arrays.reduce((sum, a) => sum + a.length * 4, 0);
  const buffer = new ArrayBuffer(total);
  const bytes = new Uint8Array(buffer);
  bytes.set(MAGIC, 0);
  new DataView(buffer).setUint32(4, header.length, true);
  bytes.set(header, PREFIX);
  let offset = floatsAt;
  for (const a of arrays) {
    new Float32Array(buffer, offset, a.length).set(a);
    offset += a.length * 4;
  }
  return buffer;
}

/** Decodes a frame made by encodeBinaryMessage; throws BinaryMessageError (plain words) on anything else. */
export function decodeBinaryMessage(data: ArrayBuffer | ArrayBufferView, maxHeaderBytes = Infinity): unknown {
  const bytes =
    data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.length < PREFIX || MAGIC.some((b, i) => bytes[i] !== b))
    throw new BinaryMessageError('not a LayerLab binary message (bad signature)');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, PREFIX).getUint32(4, true);
  if (PREFIX + headerLength > bytes.length)
    throw new BinaryMessageError('the binary message is cut short (its header is incomplete)');
  if (headerLength > maxHeaderBytes)
    throw new BinaryMessageError(
      `the binary message's header is ${megabytes(headerLength)}, larger than the ${megabytes(maxHeaderBytes)} allowed`,
    );
  let header: Header;
  try {
    header = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREFIX, PREFIX + headerLength)),
    ) as Header;
  } catch {
    throw new BinaryMessageError('the binary message has an unreadable header');
  }
  const lengths = header?.lengths;
  if (!Array.isArray(lengths) || !lengths.every((n) => Number.isInteger(n) && n >= 0))
    throw new BinaryMessageError('the binary message header has no valid array lengths');
  const floatsAt = align4(PREFIX + headerLength);
  const expected = floatsAt + lengths.reduce((sum: number, n: number) => sum + n * 4, 0);
  if (expected !== bytes.length)
    throw new BinaryMessageError(`the binary message has ${bytes.length} bytes where its header announces ${expected}`);
  const arrays: Float32Array[] = [];
  let offset = floatsAt;
  for (const n of lengths) {
    // A copy: the frame's buffer may be shared and not 4-byte aligned (Node's Buffer pool).
    const copy = new Uint8Array(n * 4);
    copy.set(bytes.subarray(offset, offset + n * 4));
    arrays.push(new Float32Array(copy.buffer));
    offset += n * 4;
  }
  return revive(header.value, arrays);
}

function revive(value: unknown, arrays: Float32Array[]): unknown {
  if (Array.isArray(value)) return value.map((v) => revive(v, arrays));
  if (!value || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === F32) {
    const index = record[F32];
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= arrays.length) {
      throw new BinaryMessageError(`the binary message refers to array ${String(index)}, which it does not hold`);
    }
    return arrays[index];
  }
  if (keys.length === 1 && keys[0] === NUM) {
    const n = record[NUM];
    if (n === 'NaN' || n === 'Infinity' || n === '-Infinity') return Number(n);
    throw new BinaryMessageError(`the binary message holds an unknown number "${String(n)}"`);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = revive(record[key], arrays);
  return out;
}

// Big messages cross in chunks. The server's WebSocket refuses frames over 16 MB (a bound on what
// any client may make it buffer at once), and a checkpoint of a few million parameters is bigger.
// Rather than raising that bound for every socket, the page splits a big frame into chunks below
// it and the server joins them, up to MAX_DEVICE_MESSAGE_BYTES per message, so memory stays bounded
// and the socket stays open. Chunk layout: "LLC1" | index | count | total bytes (uint32 LE) | bytes.
// Chunks of one message are sent back to back (the page sends them in one go), so they arrive in order.

const CHUNK_MAGIC = [0x4c, 0x4c, 0x43, 0x31]; // "LLC1"
const CHUNK_PREFIX = 16;
/** Chunk payload size: well below the server's 16 MB frame limit. */
export const CHUNK_BYTES = 4 * 1024 * 1024;
/** The largest message a page may send the server (a checkpoint of about 250 million parameters). */
export const MAX_DEVICE_MESSAGE_BYTES = 1024 * 1024 * 1024;

/** The frame as it goes on the wire: itself when small, else its chunks. */
export function splitBinaryMessage(frame: ArrayBuffer, chunkBytes = CHUNK_BYTES): ArrayBuffer[] {
  if (frame.byteLength <= chunkBytes) return [frame];
  const count = Math.ceil(frame.byteLength / chunkBytes);
  const chunks: ArrayBuffer[] = [];
  for (let index = 0; index < count; index++) {
    const part = new Uint8Array(frame, index * chunkBytes, Math.min(chunkBytes, frame.byteLength - index * chunkBytes));
    const chunk = new ArrayBuffer(CHUNK_PREFIX + part.length);
    const view = new DataView(chunk);
    new Uint8Array(chunk).set(CHUNK_MAGIC, 0);
    view.setUint32(4, index, true);
    view.setUint32(8, count, true);
    view.setUint32(12, frame.byteLength, true);
    new Uint8Array(chunk, CHUNK_PREFIX).set(part);
    chunks.push(chunk);
  }
  return chunks;
}

export interface ChunkAssembler {
  /** A frame from the wire: the whole message's bytes once complete, null while chunks are pending. Throws BinaryMessageError. */
  accept(data: Uint8Array): Uint8Array | null;
}

export function createChunkAssembler(maxBytes = MAX_DEVICE_MESSAGE_BYTES): ChunkAssembler {
  // Parts are kept as they come and joined at the end: a chunk's announced total is only a claim,
  // so nothing is allocated for it before the bytes have actually arrived.
  let pending: { parts: Uint8Array[]; next: number; count: number; total: number; filled: number } | null = null;
  return {
    accept(data) {
      if (data.length < 4 || CHUNK_MAGIC.some((b, i) => data[i] !== b)) {
        if (pending) {
          pending = null;
          throw new BinaryMessageError("a message arrived in the middle of another one's chunks; both were dropped");
        }
        return data;
      }
      try {
        if (data.length < CHUNK_PREFIX) throw new BinaryMessageError('a message chunk is cut short');
        const view = new DataView(data.buffer, data.byteOffset, CHUNK_PREFIX);
        const [index, count, total] = [view.getUint32(4, true), view.getUint32(8, true), view.getUint32(12, true)];
        if (total > maxBytes)
          throw new BinaryMessageError(`a message of ${megabytes(total)} is larger than the ${megabytes(maxBytes)} allowed`);
        if (index === 0) pending = { parts: [], next: 0, count, total, filled: 0 };
        if (!pending || index !== pending.next || count !== pending.count || total !== pending.total)
          throw new BinaryMessageError('a message chunk arrived out of order');
        const part = data.subarray(CHUNK_PREFIX);
        if (pending.filled + part.length > total)
          throw new BinaryMessageError("a message's chunks hold more bytes than it announced");
        // A copy: the frame's buffer belongs to the socket.
        pending.parts.push(part.slice());
        pending.filled += part.length;
        pending.next++;
        if (pending.next < count) return null;
        const done = pending;
        pending = null;
        if (done.filled !== total) throw new BinaryMessageError("a message's chunks hold fewer bytes than it announced");
        const bytes = new Uint8Array(total);
        let offset = 0;
        for (const p of done.parts) {
          bytes.set(p, offset);
          offset += p.length;
        }
        return bytes;
      } catch (e) {
        pending = null;
        throw e;
      }
    },
  };
}

/** "20.0 MB", for messages about sizes. */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
