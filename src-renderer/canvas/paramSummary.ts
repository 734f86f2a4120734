// The few settings a node shows on the canvas, e.g. "16 units · relu" or "3×3 · 8 filters".
import type { LayerDef, ParamSpec } from '../app/engine';

export function paramSummary(def: LayerDef, params: Record<string, unknown>): string[] {
  const parts: string[] = [];
  for (const spec of def.params) {
    const value = params[spec.name] ?? spec.default;
    const text = describe(spec, value, params[spec.name] !== undefined);
    if (text) parts.push(text);
  }
  return parts.slice(0, 4);
}

function describe(spec: ParamSpec, value: unknown, explicit: boolean): string | null {
  if (value === undefined || value === null) return null;
  switch (spec.kind) {
    case 'int':
    case 'number':
      return `${spec.label.toLowerCase()} ${formatNumber(value as number)}`;
    case 'pair': {
      const [a, b] = value as [number, number];
      return `${spec.label.toLowerCase()} ${a}×${b}`;
    }
    case 'shape':
      return `[${(value as number[]).join(', ')}]`;
    case 'enum':
      return spec.name === 'activation' && value === 'linear' ? null : String(value);
    case 'bool':
      return explicit && value !== spec.default ? `${spec.label.toLowerCase()}: ${value ? 'on' : 'off'}` : null;
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
