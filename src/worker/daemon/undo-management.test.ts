/** Which management commands are undo steps: those that change the daemon, not those that only read it. */
import { describe, expect, it } from 'vitest';
import { changesDaemon } from './undo.ts';

describe('undo steps of management commands', () => {
  it('counts create, rm and prune as changes; ls, inspect and df as reads', () => {
    for (const line of ['volume create v1', 'volume rm v1', 'volume prune -f', 'image prune -f', 'container prune -f', 'system prune -f']) expect(changesDaemon(line.split(' ')), line).toBe(true);
    for (const line of ['volume ls', 'volume list', 'volume inspect v1', 'network ls', 'system df -v']) expect(changesDaemon(line.split(' ')), line).toBe(false);
  });
});
