// Waiting on observable state instead of the clock: polls `check` until it passes, and fails with
// what was awaited if it never does (a slow machine only makes the wait longer, never the test flaky).
export async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
