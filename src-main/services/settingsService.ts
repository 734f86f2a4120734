// settings.*: small JSON preferences. `engine.concurrency` (1–8) also sets how many runs train at once.
import type { LayerLabApi } from '../../src-shared/api';
import { MAX_SETTING_BYTES } from '../../src-shared/apiSchemas';
import type { Store } from '../store/store';
import type { RunManager } from '../engine/runManager';
import { MAX_CONCURRENCY } from '../engine/runManager';
import { UserError } from './userError';

export const CONCURRENCY_KEY = 'engine.concurrency';

export function createSettingsService(store: Store, manager: RunManager): LayerLabApi['settings'] {
  return {
    async get(key) {
      return store.settings.get(key);
    },
    async set(key, value) {
      const json = JSON.stringify(value);
      if (json !== undefined && Buffer.byteLength(json) > MAX_SETTING_BYTES) {
        throw new UserError(`setting "${key}" is too large (${Buffer.byteLength(json)} bytes; the most is ${MAX_SETTING_BYTES})`);
      }
      if (key === CONCURRENCY_KEY) {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_CONCURRENCY) {
          throw new UserError(`setting "${key}" must be a whole number from 1 to ${MAX_CONCURRENCY}`);
        }
        manager.setConcurrency(value);
      }
      store.settings.set(key, value);
    },
  };
}
