// Turns a drawing into an MNIST-like input: the ink's bounding box scaled to fit 20 × 20 (keeping its
// aspect) and centred by its centre of mass in 28 × 28, values 0 (paper) to 1 (ink), as MNIST's digits were prepared.
export function digitInput(ink: Float32Array, width: number, height: number, size = 28, box = 20): Float32Array {
  let x0 = width,
    y0 = height,
    x1 = -1,
    y1 = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (ink[y * width + x]! > 0.1) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  const out = new Float32Array(size * size);
  if (x1 < 0) return out;
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const scale = box / Math.max(w, h);
  const ox = (size - w * scale) / 2;
  const oy = (size - h * scale) / 2;
  // Each output pixel averages the source pixels that fall in it.
  const sums = new Float32Array(size * size);
  const counts = new Float32Array(size * size);
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const tx = Math.floor(ox + (x - x0 + 0.5) * scale);
      const ty = Math.floor(oy + (y - y0 + 0.5) * scale);
      if (tx < 0 || ty < 0 || tx >= size || ty >= size) continue;
      sums[ty * size + tx] += ink[y * width + x]!;
      counts[ty * size + tx]! += 1;
    }
  for (let i = 0; i < out.length; i++) out[i] = counts[i]! ? Math.min(1, sums[i]! / counts[i]!) : 0;
  return centreOfMass(out, size);
}

/** Shifts the image by whole pixels so its centre of mass is in the middle, as MNIST's digits are. */
function centreOfMass(img: Float32Array, size: number): Float32Array {
  let total = 0,
    cx = 0,
    cy = 0;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const v = img[y * size + x]!;
      total += v;
      cx += v * x;
      cy += v * y;
    }
  if (total === 0) return img;
  const dx = Math.round((size - 1) / 2 - cx / total);
  const dy = Math.round((size - 1) / 2 - cy / total);
  const out = new Float32Array(size * size);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const sx = x - dx,
        sy = y - dy;
      if (sx >= 0 && sy >= 0 && sx < size && sy < size) out[y * size + x] = img[sy * size + sx]!;
    }
  return out;
}
