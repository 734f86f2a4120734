"""Runs exported PyTorch folders on their validation samples and compares with LayerLab's predictions.
usage: compare_pytorch.py DIR PREDICTIONS.csv [DIR PREDICTIONS.csv ...]
prints one JSON line per folder: {dir, maxAbsDiff, rows, keysMatch}"""
import csv
import os
import importlib.util
import json
import sys

import numpy as np
import torch

args = sys.argv[1:]
for k in range(0, len(args), 2):
    folder, predicted = args[k], args[k + 1]
    spec = importlib.util.spec_from_file_location(f'exported_model_{k}', f'{folder}/model.py')
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.Model()
    state = module.load_safetensors(f'{folder}/weights.safetensors')
    keys_match = list(state.keys()) == list(model.state_dict().keys())
    model.load_state_dict(state)
    model.eval()
    x = torch.from_numpy(np.load(f'{folder}/data.npz')['x_val']).float().reshape(-1, *module.INPUT_SHAPE)
    with torch.no_grad():
        out = model(x)
        # A multi-output Model returns a tuple; predict writes its outputs' columns side by side.
        out = torch.cat([o.reshape(len(x), -1) for o in out], 1) if isinstance(out, tuple) else out.reshape(len(x), -1)
        out = out.numpy()
    with open(predicted) as f:
        rows = list(csv.reader(f))
    expected = np.array([[float(v) for v in r] for r in rows[1:]], dtype=np.float64)
    onnx_checked = False
    if os.path.exists(f'{folder}/model.onnx'):
        import onnx
        onnx.checker.check_model(onnx.load(f'{folder}/model.onnx'), full_check=True)
        onnx_checked = True
    print(json.dumps({'onnxChecked': onnx_checked, 'dir': folder, 'maxAbsDiff': float(np.abs(out - expected).max()), 'rows': len(expected), 'keysMatch': keys_match, 'header': rows[0], 'outputNames': module.OUTPUT_NAMES}), flush=True)
