// First guesses for a graph's dead ends declared as outputs, matched by width to the dataset's
// target columns: a head with one unit per class of a class column (or one unit for two classes)
// predicts that column with a class loss; a head of N units predicts the next N value columns with
// a value loss. What matches nothing gets the next unused column, for the person to finish.
import type { OutputSpec } from '../../src-shared/graphFormat';
import type { TargetColumn } from '../../src-shared/api';

export interface DeadEnd {
  node: string;
  /** Values per sample the layer gives (undefined while its shape is unknown). */
  width: number | undefined;
}

/** The losses a guess picks when the graph's own loss does not fit the head. */
const CLASS_LOSS = 'cross_entropy';
const BINARY_LOSS = 'binary_cross_entropy';
const VALUE_LOSS = 'mse';

export function guessOutputs(
  ends: readonly DeadEnd[],
  columns: readonly TargetColumn[],
  defaultLoss: string,
  /** What a loss trains for (the loss registry's `task`). */
  taskOf: (loss: string) => 'classification' | 'regression' | undefined,
): OutputSpec[] {
  const used = new Set<string>();
  const defaultTask = taskOf(defaultLoss);
  const take = (names: string[]) => names.forEach((n) => used.add(n));
  // The graph's loss is kept where it fits; otherwise the output names its own.
  const lossFor = (loss: string) => (loss === defaultLoss ? {} : { loss });
  return ends.map(({ node, width }) => {
    const free = columns.filter((c) => !used.has(c.name));
    const classes = free.find((c) => c.classes && (c.classes.length === width || (c.classes.length === 2 && width === 1)));
    if (classes) {
      take([classes.name]);
      const multiClass = defaultTask === 'classification' && defaultLoss !== BINARY_LOSS ? defaultLoss : CLASS_LOSS;
      const loss = width === 1 ? BINARY_LOSS : multiClass;
      return { node, ...lossFor(loss), targets: [classes.name] };
    }
    const values = free.filter((c) => !c.classes);
    if (width !== undefined && width > 0 && values.length >= width) {
      const targets = values.slice(0, width).map((c) => c.name);
      take(targets);
      const loss = defaultTask === 'regression' ? defaultLoss : VALUE_LOSS;
      return { node, ...lossFor(loss), targets };
    }
    const next = free[0] ?? columns[0];
    if (next) take([next.name]);
    return { node, targets: [next?.name ?? 'target'] };
  });
}
