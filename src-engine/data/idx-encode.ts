// Writes unsigned-byte IDX data (the inverse of parseIdx), for exports, tests and benchmarks.

/** Header only: magic 0x000008NN (NN = number of dims) and the big-endian dims. */
export function encodeIdxHeader(dims: number[]): Uint8Array {
  const header = new Uint8Array(4 + 4 * dims.length);
  const view = new DataView(header.buffer);
  view.setUint32(0, 0x0800 | dims.length);
  dims.forEach((dim, d) => view.setUint32(4 + 4 * d, dim));
  return header;
}

export function encodeIdx(dims: number[], data: Uint8Array): Uint8Array {
  const header = encodeIdxHeader(dims);
  const out = new Uint8Array(header.length + data.length);
  out.set(header);
  out.set(data, header.length);
  return out;
}
