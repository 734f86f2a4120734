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
export * from './types';
