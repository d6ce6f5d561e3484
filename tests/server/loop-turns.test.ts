/** LoopTurns: heavy tasks one at a time, with a turn of the event loop (its I/O poll) between each two. */
import { describe, expect, it } from 'vitest';
import { LoopTurns } from '../../src/server/serial-queues';

describe('LoopTurns', () => {
  it('runs tasks in order, one at a time, and lets the loop turn between them', async () => {
    const turns = new LoopTurns();
    const seen: string[] = [];
    let running = 0;
    const task = (i: number) => () => {
      running++;
      expect(running).toBe(1);
      seen.push(`task ${i}`);
      // Scheduled inside a task: it must run before the next task starts.
      setImmediate(() => seen.push(`between ${i}`));
      running--;
      return i;
    };
    const results = await Promise.all([0, 1, 2].map((i) => turns.run(task(i))));
    expect(results).toEqual([0, 1, 2]);
    expect(seen.slice(0, 5)).toEqual(['task 0', 'between 0', 'task 1', 'between 1', 'task 2']);
  });

  it('a task that throws rejects its own caller and does not stop the next', async () => {
    const turns = new LoopTurns();
    const bad = turns.run(() => {
      throw new Error('setup failed');
    });
    const good = turns.run(async () => 'stored');
    await expect(bad).rejects.toThrow('setup failed');
    await expect(good).resolves.toBe('stored');
  });
});
