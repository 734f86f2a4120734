// README.md of a PyTorch export: what is in the folder and how to run it, alone and with torchrun.
import type { GraphDoc } from '../../../src-shared/graphFormat';
import type { Preprocessing } from '../preprocessing';
import { torchInputShape } from './modelPy';

export function readmeMd(graph: GraphDoc, pre: Preprocessing, title: string): string {
  const t = graph.training;
  return `# ${title} (exported from LayerLab)

| file | what |
|---|---|
| \`model.py\` | \`Model\`, an \`nn.Module\` built from the graph; \`INPUT_SHAPE = (${torchInputShape(pre.inputShape).join(', ')})\` (channels-first); \`load_safetensors(path)\` |
| \`weights.safetensors\` | the weights; keys match \`Model().state_dict()\` exactly (input scaling included as \`preprocess.*\`) |
| \`train.py\` | LayerLab's training: loss \`${t.loss}\`, optimizer \`${t.optimizer.name}\` (lr ${t.optimizer.lr}), batch size ${t.batchSize}, ${t.epochs} epochs, seed ${t.seed} |
| \`data.npz\` | raw training and validation samples (\`x_train\`, \`y_train\`, \`x_val\`, \`y_val\`) |

Needs Python 3 with PyTorch (≥ 1.10) and NumPy; the \`safetensors\` package is optional.

## Predict

\`\`\`python
import torch
from model import Model, load_safetensors, INPUT_SHAPE, OUTPUT_NAMES
model = Model()
model.load_state_dict(load_safetensors('weights.safetensors'))
model.eval()
with torch.no_grad():
    outputs = model(raw_rows.reshape(-1, *INPUT_SHAPE))   # ${pre.task === 'classification' ? 'class probabilities, columns OUTPUT_NAMES' : 'regression values'}
\`\`\`

Inputs are raw values, as LayerLab's \`predict\` reads them; the scaling is inside the model.

## Train on one machine

\`\`\`sh
python train.py                       # ${t.epochs} epochs from weights.safetensors, writes weights.safetensors back
python train.py --epochs 5 --data other.npz --out trained.safetensors
\`\`\`

## Scale out with torchrun (DistributedDataParallel)

\`\`\`sh
torchrun --nproc_per_node 2 train.py --epochs 1         # CPU: gloo backend, 2 processes
torchrun --nproc_per_node 8 train.py                    # a machine with 8 GPUs: nccl, one GPU per process
torchrun --nnodes 2 --node_rank 0 --master_addr HOST --master_port 29500 --nproc_per_node 8 train.py   # two machines
\`\`\`

Each process reads a different part of every epoch (DistributedSampler) with ${t.batchSize} / N samples per
step, so one step still averages ${t.batchSize} samples. Rank 0 prints one JSON line per epoch and saves
the weights.

## Back into LayerLab

\`\`\`sh
npm run cli -- train <graph.json> --load weights.safetensors     # continue training in LayerLab
npm run cli -- predict <graph.json> --weights weights.safetensors --input rows.csv --out predictions.csv
\`\`\`
`;
}
