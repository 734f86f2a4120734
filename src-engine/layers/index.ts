// Importing this registers every built-in layer.
import './core';
import './convolutional';
import './globalPooling';
import './shaping';
import './regularization';
import './activation';
import './merge';
import './embedding';
import './recurrent';

export { registerLayer, getLayer, listLayers, layerRegistry } from './registry';
export { LAYER_CATEGORIES, type LayerCategoryInfo } from './categories';
export * from './types';
