// The initializer contract: layers ask for starting values by name, giving the fans and a stream.
import type { Rng } from '../core/rng';
import type { ParamSpec } from '../core/params';

export interface InitContext {
  fanIn: number;
  fanOut: number;
  /** The only source of randomness, so one seed always gives the same weights. */
  rng: Rng;
}

export interface InitOptions {
  /** `constant`: the value (default 0.1). */
  value?: number;
  /** `normal`: the standard deviation (default 0.05). */
  std?: number;
  /** `uniform`: the half-width (default 0.05). */
  limit?: number;
  /** `orthogonal`: the scale of the orthonormal matrix (default 1). */
  gain?: number;
}

export interface InitializerInfo {
  name: string;
  label: string;
  description: string;
  /** The settings it takes (std, limit, value, gain), with defaults and ranges; empty for most. */
  params: ParamSpec[];
}
