"""Child process: trains one benchmark model with PyTorch (native reference) and prints Measurements.

    python3 bench/peers/torch_bench.py --model mlp --seconds 5 --warmup 1.5 --data DIR --threads 1,2

Same models, data files, batch order, Adam settings and timing rule as bench/peers/common.ts.
PyTorch at its best: Adam with foreach=True (1.13's default on CPU is a slower per-tensor loop),
and each thread count in --threads measured in turn (the last line is a JSON list, one
Measurement per thread count). The OpenBLAS pins (OPENBLAS_CORETYPE, OPENBLAS_L2_SIZE) are read
when the library loads, so the parent runs this script once with them and once without.
"""
import os
import argparse
import json
import resource
import time

import numpy as np
import torch
from torch import nn

IMAGE = 28
CLASSES = 10
BATCH = {"mlp": 128, "cnn": 64, "lstm": 64, "gru": 64, "adding-lstm": 64, "adding-gru": 64}
# As MODELS in common.ts.
NAMES_VOCABULARY, EMBEDDING_DIM, NAMES_WINDOW, ADDING_LENGTH = 28, 32, 16, 50
RECURRENT = {"lstm": (nn.LSTM, 128, "names"), "gru": (nn.GRU, 128, "names"),
             "adding-lstm": (nn.LSTM, 64, "adding"), "adding-gru": (nn.GRU, 64, "adding")}


class Recurrent(nn.Module):
    """[Embedding →] LSTM/GRU → Dense on the last hidden state, as LayerLab's graph."""

    def __init__(self, cell, units, data):
        super().__init__()
        self.embed = nn.Embedding(NAMES_VOCABULARY, EMBEDDING_DIM) if data == "names" else None
        self.rnn = cell(EMBEDDING_DIM if data == "names" else 2, units, batch_first=True)
        self.out = nn.Linear(units, NAMES_VOCABULARY if data == "names" else 1)

    def forward(self, x):
        if self.embed is not None:
            x = self.embed(x)
        seq, _ = self.rnn(x)
        return self.out(seq[:, -1])


def build(model):
    if model in RECURRENT:
        return Recurrent(*RECURRENT[model])
    if model == "mlp":
        return nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, CLASSES))
    return nn.Sequential(
        nn.Conv2d(1, 8, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(400, CLASSES),
    )


WINDOWS = 5


def best_window(ends, batch, start):
    """Best and mean throughput over WINDOWS equal windows, as bestWindow() in common.ts."""
    total = ends[-1] - start
    best, frm, i = 0.0, start, 0
    for w in range(1, WINDOWS + 1):
        until = start + total * w / WINDOWS
        steps, last = 0, frm
        while i < len(ends) and ends[i] <= until:
            last = ends[i]
            i += 1
            steps += 1
        if steps > 0 and last > frm:
            best = max(best, steps * batch / (last - frm))
        frm = last
    mean = len(ends) * batch / total
    return max(best, mean), mean


def sample_order(count):
    """The same shuffled order as sampleOrder() in common.ts."""
    order = list(range(count))
    state = 99
    for i in range(count - 1, 0, -1):
        state = (state * 1103515245 + 12345) & 0xFFFFFFFF
        j = state % (i + 1)
        order[i], order[j] = order[j], order[i]
    return torch.tensor(order, dtype=torch.long)


def blas_note():
    """The BLAS library actually loaded (Debian picks it through update-alternatives)."""
    try:
        with open("/proc/self/maps") as maps:
            libs = {line.split()[-1] for line in maps if "blas" in line.lower()}
        names = sorted({lib.split("/")[-2] + "/" + lib.split("/")[-1] for lib in libs if "/" in lib})
        return "BLAS: " + (", ".join(names) or "none loaded")
    except OSError:
        return "BLAS: unknown"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", default="mlp")
    p.add_argument("--seconds", type=float, default=5)
    p.add_argument("--warmup", type=float, default=1.5)
    p.add_argument("--data", required=True)
    p.add_argument("--threads", default="2", help="thread counts to measure in turn, e.g. 1,2")
    p.add_argument("--pins", default="", help="label of the OpenBLAS pin setting, for the report")
    p.add_argument("--batch", type=int, default=0, help="samples per step (0: the model's own)")
    a = p.parse_args()
    results = []
    for threads in [int(t) for t in a.threads.split(",")]:
        torch.set_num_threads(threads)
        torch.manual_seed(1)
        results.append(measure(a, threads))
    print(json.dumps(results))


def load(model, data):
    if model in RECURRENT:
        kind = RECURRENT[model][2]
        x = torch.from_numpy(np.fromfile(f"{data}/{kind}/x.f32", dtype=np.float32))
        y = torch.from_numpy(np.fromfile(f"{data}/{kind}/y.f32", dtype=np.float32))
        if kind == "names":
            return x.view(-1, NAMES_WINDOW).long(), y.long(), nn.CrossEntropyLoss()
        return x.view(-1, ADDING_LENGTH, 2), y.view(-1, 1), nn.MSELoss()
    x = torch.from_numpy(np.fromfile(f"{data}/x.f32", dtype=np.float32))
    y = torch.from_numpy(np.fromfile(f"{data}/y.i32", dtype=np.int32).astype(np.int64))
    x = x.view(-1, 784) if model == "mlp" else x.view(-1, 1, IMAGE, IMAGE)  # PyTorch convolutions are NCHW
    return x, y, nn.CrossEntropyLoss()


def measure(a, threads):
    x, y, loss_fn = load(a.model, a.data)
    order = sample_order(len(y))
    batch = a.batch or BATCH[a.model]
    model = build(a.model)
    opt = torch.optim.Adam(model.parameters(), lr=0.001, foreach=True)

    def step(index):
        start = index * batch
        rows = order[(torch.arange(batch) + start) % len(order)]
        xb, yb = x[rows], y[rows]
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        loss.item()

    index = 0
    warm_end = time.perf_counter() + a.warmup
    while time.perf_counter() < warm_end or index < 3:
        step(index)
        index += 1
    start = time.perf_counter()
    ends = []
    while time.perf_counter() < start + a.seconds or len(ends) < WINDOWS:
        step(index)
        index += 1
        ends.append(time.perf_counter())
    best, mean = best_window(ends, batch, start)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pins = a.pins or ("pins set" if os.environ.get("OPENBLAS_CORETYPE") else "pins unset")
    return {
        "engine": f"pytorch {torch.__version__}, {threads} thread{'s' if threads > 1 else ''}, {pins}",
        "model": a.model,
        "samplesPerSec": best,
        "meanSamplesPerSec": mean,
        "steps": len(ends),
        "seconds": ends[-1] - start,
        "threads": torch.get_num_threads(),
        "batch": batch,
        "rssMB": rss,
        "note": f"foreach Adam; {blas_note()}",
    }


if __name__ == "__main__":
    main()
