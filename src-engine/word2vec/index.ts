// word2vec: training word vectors (skip-gram / CBOW; negative sampling / hierarchical / full softmax)
// and looking at them (nearest neighbours by cosine, analogies, a 2-D PCA projection).
export { trainWord2Vec, type Word2VecOptions, type Word2VecResult } from './train';
export { buildHuffman, type HuffmanCodes } from './huffman';
export { binaryStep, fullSoftmaxStep } from './objectives';
export { costPerPair, meanCodeLength, type PairCost, type Word2VecObjective } from './cost';
export { cosine, nearestNeighbours, nearestTo, analogy, vectorOf, type WordVectors, type Neighbour } from './vectors';
export { pca2d, type Projection } from './pca';
export { embeddingVectors } from './fromModel';
export { checkpointVectors, type NamedTensor } from './fromCheckpoint';
