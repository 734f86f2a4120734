// Errors about the database that a person can act on (the message names the file and what to do).
export class StoreError extends Error {
  override name = 'StoreError';
}
