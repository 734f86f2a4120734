// LayerLab's command line: `train`, `gradcheck`, `datasets`. Bad input exits 2 with one `error:` line.
import { CliError, EXIT_USAGE } from './errors';
import { trainCommand } from './commands/train';
import { gradcheckCommand } from './commands/gradcheck';
import { datasetsCommand } from './commands/datasets';
import { word2vecCommand, WORD2VEC_USAGE } from './commands/word2vec';
import { lessonsCommand, LESSONS_USAGE } from './commands/lessons';
import { trainingFlags } from './runConfig';

const USAGE = `usage: npm run cli -- <command>

  train <graph.json> [--dataset ID] [--epochs N] [--batch-size N] [--optimizer NAME] [--lr X]
                     [--init NAME] [--seed N] [--val-split F] [--target COLUMN] [--json]
  gradcheck <graph.json> [--tolerance X] [--samples N] [--json]
  datasets                  list the built-in datasets
  datasets show <ID|file>   describe one dataset
  ${WORD2VEC_USAGE}
  ${LESSONS_USAGE}
options of train and gradcheck (they override the graph file's training section):
${trainingFlags.map((f) => `  --${f.name.padEnd(12)} ${f.help}`).join('\n')}
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'train':
      return trainCommand(rest);
    case 'gradcheck':
      return gradcheckCommand(rest);
    case 'datasets':
      return datasetsCommand(rest);
    case 'word2vec':
      return word2vecCommand(rest);
    case 'lessons':
      return lessonsCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? EXIT_USAGE : 0;
    default:
      throw new CliError(`unknown command "${command}" (commands: train, gradcheck, datasets, word2vec, lessons)`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const message = e instanceof CliError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    process.stderr.write(`error: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    process.exitCode = EXIT_USAGE;
  },
);
