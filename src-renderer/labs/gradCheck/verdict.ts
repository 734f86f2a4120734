// The gradient check's one-line verdict. Agreement between two zeros proves nothing, so
// parameters whose every probed gradient is exactly zero are named apart (zeros init, dead units).
import type { GradCheckReport } from '../../../src-shared/api';

export interface GradCheckVerdict {
  text: string;
  /** Passed, and no parameter was checked only on zero gradients. */
  conclusive: boolean;
}

export function gradCheckVerdict(report: GradCheckReport): GradCheckVerdict {
  const failed = report.params.filter((p) => !p.passed);
  if (failed.length) {
    return {
      conclusive: false,
      text: `${failed.length} of ${report.params.length} parameters disagree: ${failed.map((f) => `${f.nodeId}.${f.param}`).join(', ')}.`,
    };
  }
  const zero = report.params.filter((p) => p.maxGradient === 0);
  if (zero.length === report.params.length) {
    return {
      conclusive: false,
      text: `Every gradient is exactly zero, so their agreement proves nothing: no signal flows back (zeros or constant initialization, or dead units). Re-initialize and check again.`,
    };
  }
  if (zero.length) {
    const names = zero.map((p) => `${p.nodeId}.${p.param}`).join(', ');
    return {
      conclusive: false,
      text: `The others agree, but ${names} ${zero.length === 1 ? 'has' : 'have'} only zero gradients here, which proves nothing about ${zero.length === 1 ? 'it' : 'them'} (zeros or constant initialization, or dead units).`,
    };
  }
  return { conclusive: true, text: `All ${report.params.length} parameters of ${report.layers.length} layers agree.` };
}
