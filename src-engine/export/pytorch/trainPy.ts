// train.py of a PyTorch export: LayerLab's loss, optimizer, schedule, batch size, epochs and seed,
// alone (`python train.py`) or data-parallel (`torchrun --nproc_per_node N train.py`, DDP with
// gloo on CPU and nccl on CUDA, a DistributedSampler per rank). Saves weights.safetensors back in
// a form LayerLab loads (`train --load`).
import type { GraphDoc } from '../../../src-shared/graphFormat';
import type { Preprocessing } from '../preprocessing';
import { PENALTY_EXEMPT_SUFFIXES } from '../../optim';
import { lossCode, optimizerCode, scheduleCode } from './trainingCode';
import type { StateEntry } from './stateMapping';

/** One output of a multi-output graph as train.py trains it. */
export interface TrainedOutput {
  node: string;
  columns: number[];
  width: number;
  weight: number;
  loss: string;
  classes: boolean;
}

/** train.py's loss, targets and output flattening for several outputs: Σ weightᵢ·Lᵢ on each output's own columns. */
function severalOutputsCode(heads: readonly TrainedOutput[]): string {
  const spec = heads.map(
    (h) =>
      `    {'columns': ${JSON.stringify(h.columns)}, 'width': ${h.width}, 'weight': ${h.weight}, 'classes': ${h.classes ? 'True' : 'False'}},`,
  );
  const losses = heads.map(
    (h, i) =>
      `def loss_${i}(out, target):\n    # LayerLab's ${h.loss} for output "${h.node}", a mean over the batch.\n    return ${lossCode(h.loss)}\n`,
  );
  return `HEADS = [
${spec.join('\n')}
]


${losses.join('\n\n')}

LOSSES = [${heads.map((_, i) => `loss_${i}`).join(', ')}]


def loss_of(out, target):
    # The total LayerLab trains: the weighted sum of the outputs' own losses.
    return sum(head['weight'] * f(o, t) for head, f, o, t in zip(HEADS, LOSSES, out, target))


def targets(y):
    """Each output's targets from its columns of y: one-hot rows (or 0/1) for a class column, else the values."""
    y = y.float().reshape(y.shape[0], -1)
    out = []
    for head in HEADS:
        t = y[:, head['columns']]
        if head['classes']:
            t = t.reshape(-1, 1) if head['width'] == 1 else F.one_hot(t[:, 0].long(), head['width']).float()
        out.append(t)
    return out


def flat(out, n):
    return tuple(o.reshape(n, -1) for o in out)


def output_losses(out, target):
    return {name: f(o, t).item() for name, f, o, t in zip(OUTPUTS, LOSSES, out, target)}
`;
}

/** PyTorch keys LayerLab's penalties and decay leave alone (biases, BatchNorm γ and β). */
function exemptKeys(entries: StateEntry[]): string[] {
  return entries.filter((e) => PENALTY_EXEMPT_SUFFIXES.some((s) => e.engineName.endsWith(s))).map((e) => e.torchKey);
}

export function trainPy(
  graph: GraphDoc,
  pre: Preprocessing,
  entries: StateEntry[],
  outputWidth: number,
  lossName: string,
  lossAbsorbs: string | undefined,
  heads: readonly TrainedOutput[] = [],
): string {
  const t = graph.training;
  const multi = heads.length > 0;
  const opt = optimizerCode(t.optimizer);
  const threshold = lossAbsorbs === 'sigmoid' ? 0 : 0.5;
  return `"""Trains model.Model as LayerLab trains this graph: same loss, optimizer, schedule, batch size,
epochs and seed. Runs alone or under torchrun with DistributedDataParallel:

    python train.py [--epochs N] [--data data.npz] [--weights weights.safetensors] [--out weights.safetensors]
    torchrun --nproc_per_node N train.py [...]     # gloo on CPU, nccl on CUDA (one GPU per process)

Under torchrun every process sees batch_size / N samples per step, so a step still averages
${t.batchSize} samples. Rank 0 evaluates and writes the weights (loadable by \`layerlab train --load\`).
"""
import argparse
import json
import math
import os

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

from model import Model, read_safetensors, save_safetensors

TASK = '${multi ? 'multi' : pre.task}'
OUTPUTS = ${JSON.stringify(heads.map((h) => h.node))}
BATCH_SIZE = ${t.batchSize}
EPOCHS = ${t.epochs}
SEED = ${t.seed}
OUTPUT_WIDTH = ${outputWidth}
L1, L2 = ${opt.l1}, ${opt.l2}
# L1 by a soft-threshold step after each update (weights reach exactly 0) instead of in the gradient.
L1_PROXIMAL = ${opt.l1Proximal ? 'True' : 'False'}
CLIP_NORM = ${opt.clipNorm ?? 'None'}
DECOUPLED_DECAY = ${opt.decoupledDecay}
# Biases and BatchNorm scale/shift: no penalties, no weight decay (as LayerLab).
EXEMPT = set(${JSON.stringify(exemptKeys(entries))})


def learning_rate(epoch):
    return ${scheduleCode(t.optimizer.lr, t.optimizer.schedule)}


${
  multi
    ? severalOutputsCode(heads)
    : `def loss_of(out, target):
    # LayerLab's ${lossName}, a mean over the batch.
    return ${lossCode(lossName, t.lossOptions)}


def targets(y):
    """Labels become one-hot rows (or 0/1 for a single unit); regression values keep their shape."""
    if TASK == 'classification':
        return y.float().reshape(-1, 1) if OUTPUT_WIDTH == 1 else F.one_hot(y.long(), OUTPUT_WIDTH).float()
    return y.float().reshape(y.shape[0], -1)


def flat(out, n):
    return out.reshape(n, -1)
`
}

def correct(out, y):
    if OUTPUT_WIDTH == 1:
        return ((out.reshape(-1) > ${threshold}).long() == y.long()).sum().item()
    return (out.argmax(1) == y.long()).sum().item()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument('--epochs', type=int, default=EPOCHS)
    parser.add_argument('--data', default=os.path.join(here, 'data.npz'))
    parser.add_argument('--weights', default=os.path.join(here, 'weights.safetensors'), help='starting weights ("none" keeps a fresh model)')
    parser.add_argument('--out', default=os.path.join(here, 'weights.safetensors'))
    args = parser.parse_args()

    distributed = 'LOCAL_RANK' in os.environ
    device = torch.device('cpu')
    if distributed:
        local_rank = int(os.environ['LOCAL_RANK'])
        if torch.cuda.is_available():
            torch.cuda.set_device(local_rank)
            device = torch.device('cuda', local_rank)
        dist.init_process_group('nccl' if device.type == 'cuda' else 'gloo')
    elif torch.cuda.is_available():
        device = torch.device('cuda')
    rank = dist.get_rank() if distributed else 0
    world = dist.get_world_size() if distributed else 1
    torch.manual_seed(SEED)

    data = np.load(args.data)
    label_type = torch.long if TASK == 'classification' else torch.float32
    train_set = TensorDataset(torch.from_numpy(data['x_train']).float(), torch.from_numpy(data['y_train']).to(label_type))
    x_val = torch.from_numpy(data['x_val']).float().to(device)
    y_val = torch.from_numpy(data['y_val']).to(label_type).to(device)

    model = Model()
    metadata = {}
    if args.weights != 'none':
        state, metadata = read_safetensors(args.weights)
        model.load_state_dict(state)
    model.to(device)
    net = DistributedDataParallel(model, device_ids=[device.index] if device.type == 'cuda' else None) if distributed else model

    keys = {id(p): k for k, p in model.named_parameters()}
    decayed = [p for p in model.parameters() if keys[id(p)] not in EXEMPT]
    exempt = [p for p in model.parameters() if keys[id(p)] in EXEMPT]
    groups = [g for g in [{'params': decayed, 'weight_decay': DECOUPLED_DECAY}, {'params': exempt, 'weight_decay': 0.0}] if g['params']]
    optimizer = ${opt.build}

    sampler = DistributedSampler(train_set, num_replicas=world, rank=rank, shuffle=True, seed=SEED) if distributed else None
    generator = torch.Generator().manual_seed(SEED)
    loader = DataLoader(train_set, batch_size=max(1, BATCH_SIZE // world), shuffle=sampler is None, sampler=sampler, generator=generator)

    for epoch in range(args.epochs):
        if sampler is not None:
            sampler.set_epoch(epoch)
        for group in optimizer.param_groups:
            group['lr'] = learning_rate(epoch)
        net.train()
        total, seen, right = 0.0, 0, 0
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            out = flat(net(xb, logits=True), xb.shape[0])
            loss = loss_of(out, targets(yb))
            optimizer.zero_grad()
            loss.backward()
            with torch.no_grad():
                # LayerLab's order: penalties, then clipping, then the update rule.
                l1_grad = 0.0 if L1_PROXIMAL else L1
                for p in decayed:
                    if p.grad is not None and (l1_grad or L2):
                        p.grad += l1_grad * torch.sign(p) + L2 * p
                if CLIP_NORM is not None:
                    torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP_NORM)
            optimizer.step()
            if L1_PROXIMAL and L1:
                with torch.no_grad():
                    threshold = learning_rate(epoch) * L1
                    for p in decayed:
                        p.copy_(torch.sign(p) * torch.clamp(p.abs() - threshold, min=0.0))
            total += loss.item() * xb.shape[0]
            seen += xb.shape[0]
            if TASK == 'classification':
                right += correct(out, yb)
        report = {'epoch': epoch + 1, 'rank': rank, 'trainLoss': total / max(seen, 1), 'lr': learning_rate(epoch)}
        if TASK == 'classification':
            report['trainAcc'] = right / max(seen, 1)
        if rank == 0 and len(x_val):
            model.eval()
            with torch.no_grad():
                out = flat(model(x_val, logits=True), len(x_val))
                report['valLoss'] = loss_of(out, targets(y_val)).item()
                if TASK == 'multi':
                    report['valOutputs'] = output_losses(out, targets(y_val))
                elif TASK == 'classification':
                    report['valAcc'] = correct(out, y_val) / len(x_val)
                else:
                    target = targets(y_val)
                    report['valR2'] = 1 - ((out - target) ** 2).sum().item() / ((target - target.mean(0)) ** 2).sum().item()
        if rank == 0:
            print(json.dumps(report), flush=True)

    if rank == 0:
        model.eval()
        metadata = dict(metadata)
        metadata['layerlab.layout'] = 'pytorch'
        save_safetensors(model.state_dict(), args.out, metadata)
        print(json.dumps({'saved': args.out}), flush=True)
    if distributed:
        dist.destroy_process_group()


if __name__ == '__main__':
    main()
`;
}
