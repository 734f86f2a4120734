import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BinaryMessageError,
  createChunkAssembler,
  decodeBinaryMessage,
  encodeBinaryMessage,
  splitBinaryMessage,
} from '../../src-shared/binaryMessage';

describe('binary messages', () => {
  it('round-trips nested values with Float32Arrays and non-finite numbers', () => {
    const value = {
      type: 'checkpoint',
      epoch: 3,
      tensors: [
        { name: 'dense.kernel', shape: [2, 3], data: new Float32Array([1, -2.5, 3, NaN, Infinity, -0]) },
        { name: 'empty', shape: [0], data: new Float32Array(0) },
      ],
      loss: NaN,
      best: -Infinity,
      label: 'é ✓ ünïcode',
      nested: [[true, null, 'x']],
    };
    const back = decodeBinaryMessage(encodeBinaryMessage(value)) as typeof value;
    expect(back.tensors[0].data).toBeInstanceOf(Float32Array);
    expect(Array.from(back.tensors[0].data)).toEqual([1, -2.5, 3, NaN, Infinity, -0]);
    expect(back.tensors[1].data).toBeInstanceOf(Float32Array);
    expect(back.tensors[1].data.length).toBe(0);
    expect(back.loss).toBeNaN();
    expect(back.best).toBe(-Infinity);
    expect({ ...back, tensors: undefined, loss: undefined }).toEqual({ ...value, tensors: undefined, loss: undefined });
  });

  it('decodes from a Node Buffer at an odd offset (as ws delivers frames)', () => {
    const encoded = new Uint8Array(encodeBinaryMessage({ x: new Float32Array([0.1, 0.2, 0.3]) }));
    const big = Buffer.alloc(encoded.length + 3);
    big.set(encoded, 3);
    const back = decodeBinaryMessage(big.subarray(3)) as { x: Float32Array };
    expect(Array.from(back.x)).toEqual(Array.from(new Float32Array([0.1, 0.2, 0.3])));
  });

  it('round-trips any JSON value with float arrays inside (property)', () => {
    const floats = fc.float32Array({ maxLength: 20 });
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        floats,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(
          fc.string().filter((k) => !k.startsWith('$') && k !== '__proto__'),
          tie('node'),
          { maxKeys: 4 },
        ),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(decodeBinaryMessage(encodeBinaryMessage(v))).toEqual(v);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses malformed frames with a plain message, never a crash', () => {
    const good = new Uint8Array(encodeBinaryMessage({ a: new Float32Array([1, 2]) }));
    const cases: Array<[Uint8Array, RegExp]> = [
      [new Uint8Array(0), /bad signature/],
      [new TextEncoder().encode('{"id":1}'), /bad signature/],
      [good.slice(0, good.length - 4), /bytes where its header announces/],
      [
        (() => {
          const b = good.slice();
          new DataView(b.buffer).setUint32(4, 1e9, true);
          return b;
        })(),
        /cut short/,
      ],
      [
        (() => {
          const b = good.slice();
          b[9] = 0xff;
          return b;
        })(),
        /unreadable header/,
      ],
    ];
    for (const [bytes, message] of cases) {
      expect(() => decodeBinaryMessage(bytes)).toThrow(BinaryMessageError);
      expect(() => decodeBinaryMessage(bytes)).toThrow(message);
    }
    const forged = (header: string, floats = 0): Uint8Array => {
      const h = new TextEncoder().encode(header);
      const out = new Uint8Array(((8 + h.length + 3) & ~3) + floats * 4);
      out.set([0x4c, 0x4c, 0x42, 0x31]);
      new DataView(out.buffer).setUint32(4, h.length, true);
      out.set(h, 8);
      return out;
    };
    expect(() => decodeBinaryMessage(forged('{"value":{"$f32":2},"lengths":[1]}', 1))).toThrow(/does not hold/);
    expect(() => decodeBinaryMessage(forged('{"value":{"$num":"big"},"lengths":[]}'))).toThrow(/unknown number/);
    expect(() => decodeBinaryMessage(forged('{"value":1,"lengths":[-1]}'))).toThrow(/array lengths/);
    expect(() => decodeBinaryMessage(forged('{"value":1}'))).toThrow(/array lengths/);
  });

  it('refuses to encode objects that use the reserved keys', () => {
    expect(() => encodeBinaryMessage({ $f32: 1 })).toThrow(/reserved key/);
  });
});

describe('chunked binary messages', () => {
  const bytes = (b: ArrayBuffer) => new Uint8Array(b);

  it('passes small frames whole and joins a big one from its chunks, whatever the sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 700 }), (n, chunkBytes) => {
        const frame = encodeBinaryMessage({ kind: 'relay', data: new Float32Array(n).map((_, i) => i - 0.5) });
        const chunks = splitBinaryMessage(frame, chunkBytes);
        expect(chunks.length).toBe(frame.byteLength <= chunkBytes ? 1 : Math.ceil(frame.byteLength / chunkBytes));
        const assembler = createChunkAssembler();
        const results = chunks.map((c) => assembler.accept(bytes(c)));
        expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
        expect(Buffer.from(results.at(-1)!).equals(Buffer.from(frame))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("refuses chunks out of order, a frame inside another one's chunks, and messages over the limit", () => {
    const frame = encodeBinaryMessage({ data: new Float32Array(100) });
    const chunks = splitBinaryMessage(frame, 64).map(bytes);
    const assembler = createChunkAssembler();
    assembler.accept(chunks[0]);
    expect(() => assembler.accept(chunks[2])).toThrow(/out of order/);
    // After a refusal the next message starts clean.
    expect(chunks.map((c) => assembler.accept(c)).at(-1)?.length).toBe(frame.byteLength);
    assembler.accept(chunks[0]);
    expect(() => assembler.accept(bytes(frame))).toThrow(/middle of another one's chunks/);
    expect(() => createChunkAssembler(300).accept(chunks[0])).toThrow(BinaryMessageError);
    expect(() => createChunkAssembler(300).accept(chunks[0])).toThrow(/larger than the 0\.0 MB allowed/);
  });
});
