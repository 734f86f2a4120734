// Builds the engine bundle once before the suite (as `npm run serve` does), so the many engine
// processes the tests start skip compiling TypeScript. A build that fails leaves the engines on
// their source entry, which the spawners fall back to by themselves.
import { ensureEngineBundle } from '../../src-main/engine/engineBundle';

export default async function setup(): Promise<void> {
  const { status } = await ensureEngineBundle();
  if (!status.fresh) console.warn(`engine processes start from source: ${status.reason}`);
}
