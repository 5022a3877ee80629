/**
 * hello-world's /hello run as the real binary runs: what it writes is its ELF .rodata
 * message (the catalog holds the real 1840-byte binary of docker-library/hello-world).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { elfSection } from './hello.ts';
import { container, exec } from '../testing/container.ts';

const binary = new Uint8Array(readFileSync(new URL('../../../../scripts/catalog/inputs/hello-world-hello', import.meta.url)));

describe('the hello-world binary', () => {
  it('has its message as .rodata: 808 bytes, a NUL after the text', () => {
    const rodata = elfSection(binary, '.rodata')!;
    expect(rodata.length).toBe(0x328);
    expect(rodata.indexOf(0)).toBe(807);
  });

  it('writes that message when run as /hello, and nothing else', () => {
    const fs = container();
    fs.writeFile('/hello', binary);
    fs.chmod('/hello', 0o755);
    const r = exec(['/hello'], { fs });
    expect(r.exitCode).toBe(0);
    expect(r.stdoutText.startsWith('\nHello from Docker!\nThis message shows that your installation appears to be working correctly.\n')).toBe(true);
    expect(r.stdoutText).toContain(' 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.\n    (amd64)\n');
    expect(r.stdout.length).toBe(807);
    expect(r.stderrText).toBe('');
  });

  it('is not simulated for a file that is no ELF64 with a .rodata (it says so, status 126)', () => {
    expect(elfSection(new TextEncoder().encode('#!/bin/sh\necho hi\n'), '.rodata')).toBeUndefined();
    expect(elfSection(binary.subarray(0, 100), '.rodata')).toBeUndefined();
    const fs = container();
    fs.writeFile('/bin/hello', new TextEncoder().encode('\x7fELF not really'));
    fs.chmod('/bin/hello', 0o755);
    const r = exec(['hello'], { fs });
    expect([r.exitCode, r.stderrText]).toEqual([126, 'sh: hello: this command exists in the image but layerlab does not simulate it\n']);
  });
});
