// The layer categories, in the order the palette lists them, each with the palette section it
// belongs to: declared here once, so a new category is one line and the palette follows.
export interface LayerCategoryInfo {
  name: string;
  /** The palette section's heading; categories that share one are listed together. */
  section: string;
}

export const LAYER_CATEGORIES = [
  { name: 'Input', section: 'Input' },
  { name: 'Core', section: 'Core' },
  { name: 'Convolution', section: 'Convolution' },
  { name: 'Pooling', section: 'Pooling' },
  { name: 'Recurrent', section: 'Recurrent' },
  { name: 'Merge', section: 'Merge' },
  { name: 'Activation', section: 'Activation' },
  { name: 'Normalization', section: 'Normalization & regularization' },
  { name: 'Regularization', section: 'Normalization & regularization' },
] as const satisfies readonly LayerCategoryInfo[];

export type LayerCategory = (typeof LAYER_CATEGORIES)[number]['name'];
