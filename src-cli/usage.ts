// The CLI's help text; the option lists are read from the registries when it is printed.
import { WORD2VEC_USAGE } from './commands/word2vec';
import { trainingFlags } from './runConfig';

export function usage(): string {
  return `usage: npm run cli -- <command>

  train <graph.json> [--dataset ID] [--epochs N] [--batch-size N] [--optimizer NAME] [--lr X]
                     [--init NAME] [--seed N] [--val-split F] [--target COLUMN] [--json]
  gradcheck <graph.json> [--tolerance X] [--samples N] [--json]
  datasets                  list the built-in datasets
  datasets show <ID|file>   describe one dataset
  ${WORD2VEC_USAGE}
options of train and gradcheck (they override the graph file's training section):
${trainingFlags().map((f) => `  --${f.name.padEnd(12)} ${f.help}`).join('\n')}
`;
}
