/** Dev-harness shim for src/content/priorities until it lands. */
export function priorityById(id: string) {
  return { id, seat: 'china', title: id, text: id, condition: { op: 'faitAccompliAtLeast', value: 99 }, value: 1 };
}
