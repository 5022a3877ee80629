/** Copy-on-write events: what one command did to a container's upper layer, as overlay2 does it. */
import { describe, expect, it } from 'vitest';
import { bytesContent } from '../fs/content.ts';
import { dirEntry, fileEntry } from '../fs/entry.ts';
import { Changeset, entryChange } from './changeset.ts';
import { ContainerLayer } from './container.ts';
import { copyOnWriteEvents } from './cow.ts';

const image = Changeset.from(
  [
    ['/etc', dirEntry()],
    ['/etc/passwd', fileEntry(bytesContent('root:x:0:0:root:/root:/bin/sh\n'))],
    ['/etc/motd', fileEntry(bytesContent('hello\n'))],
  ].map(([path, entry]) => ({ path: path as string, change: entryChange(entry as never) })),
);

/** Runs `act` on a container over the image and returns the events it caused. */
function eventsOf(act: (rw: ContainerLayer) => void, setup?: (rw: ContainerLayer) => void) {
  const rw = ContainerLayer.over([image]);
  setup?.(rw);
  const before = rw.changeset();
  act(rw);
  return copyOnWriteEvents(before, rw.changeset(), rw.lower);
}

describe('copyOnWriteEvents', () => {
  it('a first write to an image file copies it up whole (its parent directory is not an event)', () => {
    expect(eventsOf((rw) => rw.writeFile('/etc/passwd', new TextEncoder().encode('x'), { append: true }))).toEqual([{ kind: 'copy-up', path: '/etc/passwd', bytes: 31 }]);
  });

  it('chmod of an image file copies it up too', () => {
    expect(eventsOf((rw) => rw.chmod('/etc/motd', 0o600))).toEqual([{ kind: 'copy-up', path: '/etc/motd', bytes: 6 }]);
  });

  it('deleting an image file leaves a whiteout; a new file or directory is added', () => {
    expect(eventsOf((rw) => rw.unlink('/etc/motd'))).toEqual([{ kind: 'whiteout', path: '/etc/motd', bytes: 0 }]);
    expect(eventsOf((rw) => rw.writeFile('/abc.txt', new Uint8Array(0)))).toEqual([{ kind: 'added', path: '/abc.txt', bytes: 0 }]);
    expect(eventsOf((rw) => rw.mkdir('/data'))).toEqual([{ kind: 'added', path: '/data', bytes: 0 }]);
  });

  it('writing a file already in the upper layer changes it in place: no second copy-up', () => {
    const events = eventsOf(
      (rw) => rw.writeFile('/etc/passwd', new TextEncoder().encode('y'), { append: true }),
      (rw) => rw.writeFile('/etc/passwd', new TextEncoder().encode('x'), { append: true }),
    );
    expect(events).toEqual([{ kind: 'changed', path: '/etc/passwd', bytes: 32 }]);
  });

  it('a command that changes nothing makes no events', () => {
    expect(eventsOf((rw) => rw.readFile('/etc/passwd'))).toEqual([]);
  });
});
