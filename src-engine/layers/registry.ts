// The layer registry: the palette, the inspector, the compiler and the gradient check all read it.
import { Registry } from '../core/registry';
import type { LayerDef } from './types';

export const layerRegistry = new Registry<LayerDef>('layer type', (d) => d.type);

export function registerLayer(def: LayerDef): void {
  layerRegistry.register(def);
}

export function getLayer(type: string): LayerDef | undefined {
  return layerRegistry.get(type);
}

export function listLayers(): LayerDef[] {
  return layerRegistry.list();
}
