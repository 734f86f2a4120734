// The safetensors writer and reader: round trips, the exact byte layout, and refusals that name
// the tensor of a corrupt or truncated file; the weights loader names tensors that do not fit.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSafetensors, encodeSafetensors, SafetensorsError } from '../../src-engine/export/safetensors';
import { encodeNpz } from '../../src-engine/export/npz';
import { optimizerCode, scheduleCode, lossCode } from '../../src-engine/export/pytorch/trainingCode';
import { ExportError } from '../../src-engine/export/pytorch/stateMapping';
import { activationCode } from '../../src-engine/export/pytorch/layerCode';

describe('safetensors', () => {
  it('round-trips any float32 tensors and string metadata', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 })),
          { maxLength: 5 },
        ),
        fc.dictionary(
          fc.string({ maxLength: 6 }).filter((k) => k !== '__proto__'),
          fc.string(),
        ),
        (specs, metadata) => {
          const names = new Set<string>();
          const tensors = specs
            .filter(([name]) => name !== '__metadata__' && !names.has(name) && names.add(name))
            .map(([name, shape]) => {
              const size = shape.reduce((a, b) => a * b, 1);
              return { name, shape, data: Float32Array.from({ length: size }, (_, i) => Math.fround(i * 0.37 - 1)) };
            });
          const back = decodeSafetensors(encodeSafetensors(tensors, metadata));
          // Tensors come back in data order; empty tensors share an offset, so their order is the
          // header's (a JSON object lists integer-like names first) and only the set is compared.
          const byName = <T extends { name: string }>(list: readonly T[]) =>
            [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
          expect(byName(back.tensors)).toEqual(byName(tensors));
          const filled = (list: ReadonlyArray<{ name: string; data: Float32Array }>) =>
            list.filter((t) => t.data.length > 0).map((t) => t.name);
          expect(filled(back.tensors)).toEqual(filled(tensors));
          expect(back.metadata).toEqual(Object.keys(metadata).length ? metadata : {});
        },
      ),
    );
  });

  it('writes the layout of the format: 8-byte little-endian header length, JSON header padded to 8, little-endian data', () => {
    const bytes = encodeSafetensors([{ name: 'w', shape: [2], data: Float32Array.from([1.5, -2]) }], { format: 'pt' });
    const view = new DataView(bytes.buffer);
    const length = Number(view.getBigUint64(0, true));
    expect((8 + length) % 8).toBe(0);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)));
    expect(header).toEqual({ __metadata__: { format: 'pt' }, w: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } });
    expect(view.getFloat32(8 + length, true)).toBe(1.5);
    expect(view.getFloat32(8 + length + 4, true)).toBe(-2);
  });

  it('refuses truncated and corrupt files, naming the tensor where it breaks', () => {
    const good = encodeSafetensors([
      { name: 'dense.kernel', shape: [2, 3], data: new Float32Array(6) },
      { name: 'dense.bias', shape: [3], data: new Float32Array(3) },
    ]);
    expect(() => decodeSafetensors(good.subarray(0, 5))).toThrow(/too short/);
    expect(() => decodeSafetensors(good.subarray(0, good.length - 4))).toThrow(/tensor dense.bias: .*truncated/);
    expect(() => decodeSafetensors(good.subarray(0, 20))).toThrow(SafetensorsError);
    const corrupt = Uint8Array.from(good);
    corrupt[9] = 0x7b; // '{' twice: no longer JSON
    expect(() => decodeSafetensors(corrupt)).toThrow(/header is not valid JSON/);
    const header = (entries: object) => {
      const json = new TextEncoder().encode(JSON.stringify(entries));
      const out = new Uint8Array(8 + json.length + 16);
      new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
      out.set(json, 8);
      return out;
    };
    expect(() => decodeSafetensors(header({ 'conv.kernel': { dtype: 'F32', shape: [3], data_offsets: [0, 8] } }))).toThrow(
      /tensor conv.kernel: shape \[3\] of F32 needs 12 bytes/,
    );
    expect(() => decodeSafetensors(header({ 'conv.kernel': { dtype: 'Q4', shape: [1], data_offsets: [0, 4] } }))).toThrow(
      /tensor conv.kernel: unknown dtype/,
    );
    expect(decodeSafetensors(header({ x: { dtype: 'F64', shape: [2], data_offsets: [0, 16] } })).tensors[0].data).toEqual(
      new Float32Array(2),
    );
  });
});

describe('npz', () => {
  it('stores .npy entries in a zip with correct CRCs (end record, central directory)', () => {
    const bytes = encodeNpz([
      { name: 'x', shape: [2, 2], data: Float32Array.from([1, 2, 3, 4]) },
      { name: 'y', shape: [2], data: BigInt64Array.from([0n, 1n]) },
    ]);
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint32(bytes.length - 22, true)).toBe(0x06054b50);
    expect(view.getUint16(bytes.length - 22 + 10, true)).toBe(2);
    const npy = new TextDecoder().decode(bytes.subarray(30 + 5, 30 + 5 + 128));
    expect(npy).toContain("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }");
  });
});

describe('the loss settings in train.py', () => {
  it('maps mse with its ½ and KL divergence as LayerLab computes them', () => {
    expect(lossCode('mse')).toBe('F.mse_loss(out, target)');
    expect(lossCode('mse', { half: true })).toBe('0.5 * F.mse_loss(out, target)');
    expect(lossCode('kl_divergence')).toBe(
      '(target * (torch.log(target + 1e-30) - F.log_softmax(out, dim=1))).sum() / out.shape[0]',
    );
  });
});

describe('what the PyTorch export cannot map is refused by name', () => {
  it('names an unknown optimizer, loss, activation and schedule', () => {
    expect(() => optimizerCode({ name: 'perceptron', lr: 1 })).toThrow(
      new ExportError('optimizer "perceptron" has no PyTorch mapping'),
    );
    expect(() => lossCode('focal')).toThrow(/loss "focal"/);
    expect(() => activationCode('step', 'x', false)).toThrow(/activation "step"/);
    expect(() => scheduleCode(0.1, { type: 'warmup' } as never)).toThrow(/schedule "warmup"/);
  });

  it('maps coupled weight decay into L2 and keeps AdamW decoupled', () => {
    expect(optimizerCode({ name: 'adam', lr: 0.01, weightDecay: 0.1, l2: 0.01 })).toMatchObject({ l2: 0.11, decoupledDecay: 0 });
    expect(optimizerCode({ name: 'adamw', lr: 0.01, weightDecay: 0.1 })).toMatchObject({ l2: 0, decoupledDecay: 0.1 });
    expect(optimizerCode({ name: 'nesterov', lr: 0.01 }).build).toContain('nesterov=True');
  });
});
