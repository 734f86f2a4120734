// Weight initializers and fan arithmetic.
export type { InitContext, InitializerInfo, InitOptions } from './types';
export {
  initialValues,
  listInitializers,
  isInitializer,
  checkInitializerOptions,
  initializerRegistry,
  registerInitializer,
  type InitializerDef,
} from './registry';
export { fansOf } from './fans';
export { TRUNCATED_STD_FACTOR } from './sampling';
