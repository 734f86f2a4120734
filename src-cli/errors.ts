// Errors the CLI reports as one `error:` line with exit code 2 (never a stack trace).
export class CliError extends Error {}

export const EXIT_USAGE = 2;
