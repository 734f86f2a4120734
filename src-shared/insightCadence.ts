// How often a run's details (decision boundary, unit maps, histograms) are computed, sent and
// stored, written once for the engine, the run manager and the store. A small model trains many
// epochs a second, and its details cost more than its epoch; the page draws at most one batch of
// updates per LIVE_UPDATE_INTERVAL_MS, and the store keeps about MAX_DETAILED_EPOCHS of them.

/** The run manager forwards run updates to the page at most this often (20 a second). */
export const LIVE_UPDATE_INTERVAL_MS = 50;

/** Epochs of a run whose histograms and boundary are kept (sampled text is always kept). */
export const MAX_DETAILED_EPOCHS = 60;

/** Whether `epoch` is one of the ~MAX_DETAILED_EPOCHS evenly spread over `total` epochs (first and last included). */
export function keepsDetail(epoch: number, total: number | null): boolean {
  if (!total || total <= MAX_DETAILED_EPOCHS || epoch <= 1 || epoch >= total) return true;
  return Math.floor((epoch * MAX_DETAILED_EPOCHS) / total) !== Math.floor(((epoch - 1) * MAX_DETAILED_EPOCHS) / total);
}
