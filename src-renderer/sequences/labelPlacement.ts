// Which words of the PCA scatter get a label without covering another: labels are placed in
// priority order (the picked word, its neighbours, then the most frequent words) and a label whose
// box would overlap one already placed is left off. ECharts' own hideOverlap works within a
// series, so labels of different series (picked, neighbours, the rest) used to pile up.

export interface LabelArea {
  /** Plot area in pixels the projection's extent is drawn into. */
  width: number;
  height: number;
  /** Average width of a character and the label's height, in pixels (11 px text). */
  charWidth?: number;
  lineHeight?: number;
}

type Box = { x0: number; y0: number; x1: number; y1: number };

/** Labels in priority order that fit; the rest stay as unlabelled points. */
export function placeLabels(
  candidates: readonly string[],
  positionOf: (word: string) => [number, number] | undefined,
  extent: { x: [number, number]; y: [number, number] },
  area: LabelArea,
): Set<string> {
  const cw = area.charWidth ?? 6.5;
  const lh = area.lineHeight ?? 13;
  const sx = area.width / (extent.x[1] - extent.x[0] || 1);
  const sy = area.height / (extent.y[1] - extent.y[0] || 1);
  const placed: Box[] = [];
  const shown = new Set<string>();
  for (const word of candidates) {
    if (shown.has(word)) continue;
    const p = positionOf(word);
    if (!p) continue;
    // The label sits right of its point (ECharts position 'right'), vertically centred.
    const x = (p[0] - extent.x[0]) * sx + 6;
    const y = (extent.y[1] - p[1]) * sy;
    const box = { x0: x, y0: y - lh / 2, x1: x + word.length * cw, y1: y + lh / 2 };
    if (placed.some((b) => box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1)) continue;
    placed.push(box);
    shown.add(word);
  }
  return shown;
}
