// The caps on what a data file may make the engine hold, declared once. Each is reported with
// the file and place it was passed; docs/architecture.md's security section lists them.

/** A CSV file: rows (the header counts), fields per row, characters in one field. */
export const CSV_LIMITS = { rows: 5_000_000, columns: 10_000, fieldChars: 100_000 };

/** The most a gzipped dataset file may expand to (the full MNIST training images are 47 MB). */
export const DECOMPRESSED_LIMIT = { bytes: 512 * 2 ** 20 };

/** Most classes a target may have. */
export const MAX_CLASSES = 1000;
