// Declaring a WebAssembly function: named parameters, locals on demand, a body of Code.
import type { EncodedFunction, ValType } from './encoding';
import { Local, type Code } from './expr';

export class FunctionScope {
  private readonly extra: Local[] = [];
  constructor(private readonly paramCount: number) {}

  /** A fresh local of `type`. */
  local(type: ValType, name = `l${this.extra.length}`): Local {
    const l = new Local(this.paramCount + this.extra.length, type, name);
    this.extra.push(l);
    return l;
  }

  /** Several fresh locals of one type. */
  locals(type: ValType, count: number, name = 'l'): Local[] {
    return Array.from({ length: count }, (_, i) => this.local(type, `${name}${i}`));
  }

  get localTypes(): ValType[] {
    return this.extra.map((l) => l.type);
  }
}

export type Params<P extends Record<string, ValType>> = { [K in keyof P]: Local };

/** Builds one exported function; `params` lists the arguments in call order. */
export function wasmFunction<P extends Record<string, ValType>>(
  name: string,
  params: P,
  build: (p: Params<P>, scope: FunctionScope) => Code[],
): EncodedFunction {
  const names = Object.keys(params);
  const locals = Object.fromEntries(names.map((n, i) => [n, new Local(i, params[n], n)])) as Params<P>;
  const scope = new FunctionScope(names.length);
  const body: number[] = [];
  for (const c of build(locals, scope)) {
    if (c.type !== 'void') throw new Error(`wasm function ${name}: a statement leaves a ${c.type} on the stack`);
    c.emit(body);
  }
  return { name, params: names.map((n) => params[n]), locals: scope.localTypes, body };
}
