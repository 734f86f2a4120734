// One accent colour per layer category, used by nodes, the palette and the minimap.
import type { LayerCategory } from '../app/engine';

export const CATEGORY_COLOR: Record<LayerCategory, string> = {
  Input: '#2f9e44',
  Core: '#1c7ed6',
  Convolution: '#7048e8',
  Pooling: '#ae3ec9',
  Recurrent: '#d6336c',
  Merge: '#f08c00',
  Activation: '#e8590c',
  Normalization: '#0c8599',
  Regularization: '#0c8599',
};

export function categoryColor(category: string | undefined): string {
  return (category && CATEGORY_COLOR[category as LayerCategory]) || '#868e96';
}
