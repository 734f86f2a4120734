// Deterministic 64-bit content hash (two MurmurHash3-style 32-bit lanes) of typed arrays,
// as 16 hex digits. Word-at-a-time so hashing 60,000 MNIST-sized images stays well under a second.
// Not cryptographic: it identifies what a run trained on, it does not defend against forgery.
// Reads the arrays' bytes in platform order (little-endian on every platform we ship to).

const SEED_A = 0x811c9dc5;
const SEED_B = 0x2545f491;

export function hashArrays(arrays: ArrayBufferView[]): string {
  let a = SEED_A;
  let b = SEED_B;
  for (const view of arrays) {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    // The length goes in first so that [1,2],[3] and [1],[2,3] hash differently.
    [a, b] = mixWord(a, b, bytes.length);
    const wordCount = bytes.length >>> 2;
    const words =
      bytes.byteOffset % 4 === 0
        ? new Uint32Array(bytes.buffer, bytes.byteOffset, wordCount)
        : new Uint32Array(bytes.slice(0, wordCount * 4).buffer);
    for (let i = 0; i < wordCount; i++) {
      const w = words[i];
      let k = Math.imul(w, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      a ^= Math.imul(k, 0x1b873593);
      a = (a << 13) | (a >>> 19);
      a = (Math.imul(a, 5) + 0xe6546b64) | 0;
      let m = Math.imul(w, 0x85ebca6b);
      m = (m << 16) | (m >>> 16);
      b ^= Math.imul(m, 0xc2b2ae35);
      b = (b << 17) | (b >>> 15);
      b = (Math.imul(b, 5) + 0x52dce729) | 0;
    }
    let tail = 0;
    for (let i = wordCount * 4; i < bytes.length; i++) tail = (tail << 8) | bytes[i];
    [a, b] = mixWord(a, b, tail);
  }
  const high = finalMix(a ^ Math.imul(b, 0x9e3779b1));
  const low = finalMix(b ^ Math.imul(high, 0x85ebca6b));
  return hex32(high) + hex32(low);
}

function mixWord(a: number, b: number, w: number): [number, number] {
  a = Math.imul(a ^ w, 0x01000193);
  b = Math.imul(b ^ Math.imul(w, 0xcc9e2d51), 0x1b873593);
  return [a | 0, b | 0];
}

function finalMix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
