"""Runs an exported PyTorch folder on its validation samples and compares with LayerLab's predict CSV.
usage: compare_pytorch.py EXPORT_DIR PREDICT_CSV  → one JSON line {maxAbsDiff, rows, keysMatch}"""
import csv
import json
import sys

import numpy as np
import torch

folder, predicted = sys.argv[1], sys.argv[2]
sys.path.insert(0, folder)
from model import INPUT_SHAPE, Model, load_safetensors  # noqa: E402

model = Model()
state = load_safetensors(f'{folder}/weights.safetensors')
keys_match = sorted(state.keys()) == sorted(model.state_dict().keys())
model.load_state_dict(state)
model.eval()
x = torch.from_numpy(np.load(f'{folder}/data.npz')['x_val']).float().reshape(-1, *INPUT_SHAPE)
with torch.no_grad():
    out = model(x).reshape(len(x), -1).numpy()
with open(predicted) as f:
    rows = list(csv.reader(f))
expected = np.array([[float(v) for v in r] for r in rows[1:]], dtype=np.float64)
print(json.dumps({'maxAbsDiff': float(np.abs(out - expected).max()), 'rows': len(expected), 'keysMatch': keys_match, 'shape': list(out.shape)}))
