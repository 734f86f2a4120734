// The few settings a node shows on the canvas, e.g. "16 units · relu" or "8 filters · 3×3 kernel".
// The main setting always shows; others only when the user changed them.
import type { LayerDef, ParamSpec } from '../app/engine';

export function paramSummary(def: LayerDef, params: Record<string, unknown>): string[] {
  const parts: string[] = [];
  const primary = def.params.find((s) => s.kind === 'int' || s.kind === 'pair' || s.kind === 'shape' || s.kind === 'number');
  for (const spec of def.params) {
    const explicit = params[spec.name] !== undefined && JSON.stringify(params[spec.name]) !== JSON.stringify(spec.default);
    if (spec !== primary && !explicit) continue;
    const text = describe(spec, params[spec.name] ?? spec.default, def.type);
    if (text) parts.push(text);
  }
  return parts.slice(0, 4);
}

function describe(spec: ParamSpec, value: unknown, type: string): string | null {
  if (value === undefined || value === null) return spec.kind === 'shape' && type === 'Input' ? 'shape from dataset' : null;
  const label = spec.label.toLowerCase();
  switch (spec.kind) {
    case 'int':
      // "1 unit", not "1 units".
      return `${formatNumber(value as number)} ${value === 1 && /[^s]s$/.test(label) ? label.slice(0, -1) : label}`;
    case 'number':
      return `${label} ${formatNumber(value as number)}`;
    case 'pair': {
      const [a, b] = value as [number, number];
      return `${a}×${b} ${label.replace(/ size$/, '')}`;
    }
    case 'shape':
      return `[${(value as number[]).join(', ')}]`;
    case 'enum':
      return spec.name === 'activation' && value === 'linear' ? null : String(value);
    case 'bool':
      return `${label}: ${value ? 'on' : 'off'}`;
    case 'initializer':
      return value === 'default' ? null : `init ${String(value)}`;
  }
}

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e5)) return v.toExponential(1);
  return String(Number(v.toPrecision(3)));
}
