// Python names for graph nodes: a node id becomes an attribute of the PyTorch module when it is a
// safe identifier, otherwise a cleaned-up one (the mapping is recomputed from the graph both ways).

const PYTHON_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);

/** Names an nn.Module already uses (or our module does), which an attribute must not shadow. */
const RESERVED = new Set([
  'training',
  'forward',
  'state_dict',
  'parameters',
  'buffers',
  'modules',
  'children',
  'train',
  'eval',
  'to',
  'cuda',
  'cpu',
  'type',
  'float',
  'double',
  'half',
  'apply',
  'zero_grad',
  'preprocess',
  'x',
  'logits',
  'self',
  'torch',
  'nn',
  'F',
]);

export function pythonNames(ids: readonly string[]): Map<string, string> {
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const id of ids) {
    let name =
      /^[A-Za-z_][A-Za-z0-9_]*$/.test(id) && !PYTHON_KEYWORDS.has(id) && !RESERVED.has(id)
        ? id
        : `n_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    const base = name;
    for (let k = 2; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    names.set(id, name);
  }
  return names;
}
