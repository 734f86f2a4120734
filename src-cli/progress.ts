// Human-readable training output: a live progress bar (on a terminal) and one table row per epoch.
import type { EngineEvent } from '../src-shared/engineEvents';

const fmt = (v: number | undefined, digits = 4) => (v === undefined ? '—' : v.toFixed(digits));
const pct = (v: number | undefined) => (v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);

export function humanPrinter(out: NodeJS.WriteStream, err: NodeJS.WriteStream): (e: EngineEvent) => void {
  let stepsPerEpoch = 1;
  let epochs = 1;
  let started = Date.now();
  const live = Boolean(err.isTTY);
  const clearLine = () => live && err.write('\r\x1b[2K');
  return (e) => {
    switch (e.event) {
      case 'start':
        stepsPerEpoch = e.stepsPerEpoch;
        epochs = e.epochs;
        started = Date.now();
        out.write(
          `Training ${e.parameterCount.toLocaleString('en')} parameters on ${e.trainCount} samples (${e.valCount} for validation), ${epochs} epochs on ${e.backend}\n`,
        );
        out.write(
          `${'epoch'.padStart(6)}  ${'train loss'.padStart(10)}  ${'train acc'.padStart(9)}  ${'val loss'.padStart(10)}  ${'val acc'.padStart(8)}  ${'samples/s'.padStart(10)}\n`,
        );
        break;
      case 'step': {
        if (!live) break;
        const done = (e.epoch - 1) * stepsPerEpoch + ((e.step - 1) % stepsPerEpoch) + 1;
        const total = epochs * stepsPerEpoch;
        const width = 30;
        const filled = Math.round((done / total) * width);
        const elapsed = (Date.now() - started) / 1000;
        const eta = done > 0 ? (elapsed / done) * (total - done) : 0;
        clearLine();
        err.write(
          `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] epoch ${e.epoch}/${epochs} loss ${fmt(e.loss)} ETA ${eta.toFixed(0)}s`,
        );
        break;
      }
      case 'epoch': {
        clearLine();
        // With L1/L2 on, the objective J = L + R(W) follows the row (absent otherwise).
        const objective =
          e.trainObjective !== undefined
            ? `  J = L + R(W): train ${fmt(e.trainObjective)}${e.valObjective !== undefined ? `, val ${fmt(e.valObjective)}` : ''}`
            : '';
        out.write(
          `${String(e.epoch).padStart(6)}  ${fmt(e.trainLoss).padStart(10)}  ${pct(e.trainAcc).padStart(9)}  ${fmt(e.valLoss).padStart(10)}  ${(e.valR2 !== undefined ? `R² ${e.valR2.toFixed(3)}` : pct(e.valAcc)).padStart(8)}  ${e.samplesPerSec.toFixed(0).padStart(10)}${objective}\n`,
        );
        if (e.outputs) out.write(`${''.padStart(6)}  ${outputsLine(e.outputs)}\n`);
        break;
      }
      case 'done': {
        clearLine();
        const parts = [`status ${e.status}`, `${e.epochs} epochs`, `${e.samplesPerSec.toFixed(0)} samples/s`];
        if (e.finalValAcc !== undefined) parts.push(`validation accuracy ${pct(e.finalValAcc)}`);
        if (e.finalValR2 !== undefined) parts.push(`validation R² ${e.finalValR2.toFixed(3)}`);
        if (e.finalTestAcc !== undefined) parts.push(`test accuracy ${pct(e.finalTestAcc)}`);
        out.write(`Done: ${parts.join(', ')}\n`);
        if (e.message) out.write(`${e.message}\n`);
        break;
      }
    }
  };
}

/** A multi-output epoch's figures per output: its own loss and its metrics, validation's where there is one. */
function outputsLine(outputs: NonNullable<Extract<EngineEvent, { event: 'epoch' }>['outputs']>): string {
  return Object.entries(outputs)
    .map(([id, o]) => {
      const parts = [`loss ${fmt(o.valLoss ?? o.trainLoss)}`];
      const acc = o.valAcc ?? o.trainAcc;
      const r2 = o.valR2 ?? o.trainR2;
      const mae = o.valMae ?? o.trainMae;
      if (acc !== undefined) parts.push(`acc ${pct(acc)}`);
      if (r2 !== undefined) parts.push(`R² ${r2.toFixed(3)}`);
      if (mae !== undefined) parts.push(`MAE ${fmt(mae)}`);
      return `${id}: ${parts.join(' ')}`;
    })
    .join(' · ');
}
