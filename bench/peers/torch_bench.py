"""Child process: trains one benchmark model with PyTorch (native reference) and prints a Measurement.

    python3 bench/peers/torch_bench.py --model mlp --seconds 5 --warmup 1.5 --data DIR --threads 2

Same models, data files, batch order, Adam settings and timing rule as bench/peers/common.ts.
"""
import argparse
import json
import resource
import time

import numpy as np
import torch
from torch import nn

IMAGE = 28
CLASSES = 10
BATCH = {"mlp": 128, "cnn": 64}


def build(model):
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
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    x = torch.from_numpy(np.fromfile(f"{a.data}/x.f32", dtype=np.float32))
    y = torch.from_numpy(np.fromfile(f"{a.data}/y.i32", dtype=np.int32).astype(np.int64))
    x = x.view(-1, 784) if a.model == "mlp" else x.view(-1, 1, IMAGE, IMAGE)  # PyTorch convolutions are NCHW
    order = sample_order(len(y))
    batch = BATCH[a.model]
    model = build(a.model)
    opt = torch.optim.Adam(model.parameters(), lr=0.001)
    loss_fn = nn.CrossEntropyLoss()

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
    print(json.dumps({
        "engine": f"pytorch {torch.__version__}",
        "model": a.model,
        "samplesPerSec": best,
        "meanSamplesPerSec": mean,
        "steps": len(ends),
        "seconds": ends[-1] - start,
        "threads": torch.get_num_threads(),
        "rssMB": rss,
        "note": blas_note(),
    }))


if __name__ == "__main__":
    main()
