// Readable, unique node and edge ids ("dense2", "e7"): they appear in problems and run charts.

export function nextNodeId(layerType: string, taken: ReadonlySet<string>): string {
  const base = layerType.toLowerCase().replace(/[^a-z0-9]+/g, '');
  if (base === 'input' && !taken.has('input')) return 'input';
  for (let n = 1; ; n++) {
    const id = `${base}${n}`;
    if (!taken.has(id)) return id;
  }
}

export function nextEdgeId(taken: ReadonlySet<string>): string {
  for (let n = taken.size + 1; ; n++) {
    const id = `e${n}`;
    if (!taken.has(id)) return id;
  }
}
