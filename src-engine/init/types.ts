// The initializer contract: layers ask for starting values by name, giving the fans and a stream.
import type { Rng } from '../core/rng';
import type { ParamSpec } from '../core/params';
import type { Described } from '../core/registry';

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

/** What consumers need to know about an initializer besides its formula. */
export interface InitializerTraits {
  /** Every weight starts at the same value, so the units of a layer start (and stay) identical. */
  sameForEveryWeight?: boolean;
  /** One of the initializers the initializer lab compares by default. */
  inInitLab?: boolean;
}

export interface InitializerInfo extends Described, InitializerTraits {
  name: string;
  label: string;
  description: string;
  /** The settings it takes (std, limit, value, gain), with defaults and ranges; empty for most. */
  params: ParamSpec[];
}
