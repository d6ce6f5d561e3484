/** Words for a secret national priority id (null for the hidden placeholder). */
import { priorityById } from '../content/priorities';
import { HIDDEN } from '../rules';

export function priorityText(id: string | undefined): string | null {
  if (!id || id === HIDDEN) return null;
  try {
    const p = priorityById(id);
    return p ? `${p.title} — ${p.text} (+${p.value})` : id;
  } catch {
    return id;
  }
}
