// Python source shared by every exported model.py: the safetensors reader/writer (no package
// needed), preprocessing as buffers, BatchNorm in LayerLab's terms and LayerLab's recurrent cells.

export const SAFETENSORS_PY = `
_DTYPES = {'F32': torch.float32, 'F64': torch.float64, 'I64': torch.int64, 'I32': torch.int32}


def read_safetensors(path):
    """(tensors, metadata) of a .safetensors file; reads the format itself, no package needed."""
    with open(path, 'rb') as f:
        data = f.read()
    if len(data) < 8:
        raise ValueError(f'{path}: too short for a safetensors file')
    (length,) = struct.unpack('<Q', data[:8])
    header = json.loads(data[8:8 + length])
    metadata = header.pop('__metadata__', {}) or {}
    base = 8 + length
    tensors = {}
    for name, entry in header.items():
        begin, end = entry['data_offsets']
        raw = bytearray(data[base + begin:base + end])
        dtype = _DTYPES[entry['dtype']]
        flat = torch.frombuffer(raw, dtype=dtype) if raw else torch.zeros(0, dtype=dtype)
        tensors[name] = flat.reshape(entry['shape']).clone()
    return tensors, metadata


def load_safetensors(path):
    """The tensors of a .safetensors file as {name: tensor}: with the \`safetensors\` package when installed, else our reader."""
    try:
        from safetensors.torch import load_file
    except ImportError:
        return read_safetensors(path)[0]
    return load_file(path)


def save_safetensors(tensors, path, metadata=None):
    """Writes {name: tensor} as float32 safetensors (8-byte length, JSON header, little-endian data)."""
    header, chunks, offset = {}, [], 0
    if metadata:
        header['__metadata__'] = {k: str(v) for k, v in metadata.items()}
    for name, t in tensors.items():
        raw = t.detach().to('cpu', torch.float32).contiguous().numpy().astype('<f4').tobytes()
        header[name] = {'dtype': 'F32', 'shape': list(t.shape), 'data_offsets': [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    text = json.dumps(header).encode('utf-8')
    text += b' ' * ((8 - (8 + len(text)) % 8) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(text)))
        f.write(text)
        for raw in chunks:
            f.write(raw)
`;

const PREPROCESS_PY = `
class Preprocess(nn.Module):
    """LayerLab's input scaling fitted on the training split, x' = (x - offset) * factor, per feature (identity when the graph scales nothing)."""

    def __init__(self):
        super().__init__()
        self.register_buffer('offset', torch.zeros(INPUT_SHAPE))
        self.register_buffer('factor', torch.ones(INPUT_SHAPE))

    def forward(self, x):
        return (x - self.offset) * self.factor
`;

/** The Preprocess module: per-feature scaling, or PCA/ZCA whitening over the flat features. */
export function preprocessPy(whitening: 'pca' | 'zca' | undefined, features: number): string {
  if (!whitening) return PREPROCESS_PY;
  return `
class Preprocess(nn.Module):
    """LayerLab's ${whitening.toUpperCase()} whitening fitted on the training split: x' = matrix @ (x - mean) over one sample's flat features (channels-first order)."""

    def __init__(self):
        super().__init__()
        self.register_buffer('mean', torch.zeros(${features}))
        self.register_buffer('matrix', torch.eye(${features}))

    def forward(self, x):
        return ((x.flatten(1) - self.mean) @ self.matrix.T).reshape(x.shape)
`;
}

export const BATCHNORM_PY = `
class BatchNorm(nn.Module):
    """Batch normalization over the channel axis (dim 1); running statistics in eval mode."""

    def __init__(self, channels, momentum, eps):
        super().__init__()
        self.momentum, self.eps = momentum, eps
        self.weight = nn.Parameter(torch.ones(channels))
        self.bias = nn.Parameter(torch.zeros(channels))
        self.register_buffer('running_mean', torch.zeros(channels))
        self.register_buffer('running_var', torch.ones(channels))

    def forward(self, x):
        return F.batch_norm(x, self.running_mean, self.running_var, self.weight, self.bias, self.training, self.momentum, self.eps)
`;

export const RECURRENT_PY = `
class Recurrent(nn.Module):
    """LayerLab's SimpleRNN, LSTM and GRU, step by step. Fused kernels [features, gates*units] and
    [units, gates*units], gate order as LayerLab's: LSTM i, f, g, o; GRU z, r, candidate (the reset
    gate applies to h before the recurrent product, as in Cho et al. 2014)."""

    GATES = {'SimpleRNN': 1, 'GRU': 3, 'LSTM': 4}

    def __init__(self, cell, features, units, use_bias=True, learned_initial=False, return_sequences=False, activation='tanh'):
        super().__init__()
        self.cell, self.units, self.return_sequences, self.activation = cell, units, return_sequences, activation
        width = self.GATES[cell] * units
        self.kernel = nn.Parameter(torch.empty(features, width))
        self.recurrent_kernel = nn.Parameter(torch.empty(units, width))
        self.bias = nn.Parameter(torch.zeros(width)) if use_bias else None
        self.initial_h = nn.Parameter(torch.zeros(units)) if learned_initial else None
        self.initial_c = nn.Parameter(torch.zeros(units)) if learned_initial and cell == 'LSTM' else None
        nn.init.xavier_uniform_(self.kernel)
        nn.init.orthogonal_(self.recurrent_kernel)

    def _phi(self, z):
        return {'tanh': torch.tanh, 'relu': F.relu, 'sigmoid': torch.sigmoid, 'linear': lambda v: v}[self.activation](z)

    def forward(self, x):
        n, steps, u = x.shape[0], x.shape[1], self.units
        h = self.initial_h.expand(n, u) if self.initial_h is not None else x.new_zeros(n, u)
        c = self.initial_c.expand(n, u) if self.initial_c is not None else x.new_zeros(n, u)
        outputs = []
        for t in range(steps):
            z = x[:, t] @ self.kernel
            if self.bias is not None:
                z = z + self.bias
            if self.cell == 'SimpleRNN':
                h = self._phi(z + h @ self.recurrent_kernel)
            elif self.cell == 'LSTM':
                i, f, g, o = (z + h @ self.recurrent_kernel).chunk(4, dim=1)
                c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
                h = torch.sigmoid(o) * torch.tanh(c)
            else:
                gates = z[:, :2 * u] + h @ self.recurrent_kernel[:, :2 * u]
                update, reset = torch.sigmoid(gates[:, :u]), torch.sigmoid(gates[:, u:])
                candidate = torch.tanh(z[:, 2 * u:] + (reset * h) @ self.recurrent_kernel[:, 2 * u:])
                h = candidate + update * (h - candidate)
            outputs.append(h)
        return torch.stack(outputs, dim=1) if self.return_sequences else h
`;
