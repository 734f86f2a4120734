// Registers TensorFlow.js's gradient functions (what the @tensorflow/tfjs bundle does with
// register_all_gradients). tfjs-core ships them only as ES modules with extensionless imports,
// which Node's loader refuses, so a resolve hook adds the ".js" inside @tensorflow packages.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (e) {
    const inTfjs = context.parentURL && context.parentURL.includes('/@tensorflow/');
    if (inTfjs && specifier.startsWith('.') && (e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'ERR_UNSUPPORTED_DIR_IMPORT')) {
      return next(specifier + '.js', context);
    }
    throw e;
  }
}`),
);
