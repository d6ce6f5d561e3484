/** Dev-harness shim for src/content/map until it lands (aliased in harness.vite.config.ts only). */
import { MAP } from '../../../src/client/content-stand-ins';
export { MAP };
export function spaceById(id: string) {
  const s = MAP.spaces.find((x) => x.id === id);
  if (!s) throw new Error(`unknown space ${id}`);
  return s;
}
