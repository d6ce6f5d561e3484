/** Vitest globalSetup for the e2e project: build the production client first if it is missing or stale. */
import { ensureBuilt } from './build';

export default async function setup(): Promise<void> {
  await ensureBuilt();
}
