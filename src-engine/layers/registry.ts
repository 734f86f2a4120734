// The layer registry: the palette, the inspector, the compiler and the gradient check all read it.
import type { LayerDef } from './types';

const layers = new Map<string, LayerDef>();

export function registerLayer(def: LayerDef): void {
  if (layers.has(def.type)) throw new Error(`layer ${def.type} registered twice`);
  layers.set(def.type, def);
}

export function getLayer(type: string): LayerDef | undefined {
  return layers.get(type);
}

export function listLayers(): LayerDef[] {
  return [...layers.values()];
}
