/**
 * Checksums: busybox is checked by the recorded case conformance/cases/checksums; these cover
 * GNU coreutils' wording on a debian image and that a digest covers the bytes a layer holds.
 */
import { describe, expect, it } from 'vitest';
import { sh } from '../testing/container.ts';
import { debian } from '../testing/debian.ts';

const gnu = (script: string) => sh(script, { fs: debian(), env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' } });

describe('md5sum, sha1sum, sha256sum, sha512sum', () => {
  it('hash the file bytes: the same content gives the same digest, one byte more a different one', () => {
    const r = sh('echo hi > /a; cp /a /b; echo hi! > /c; sha256sum /a /b /c');
    const [a, b, c] = r.stdoutText.trim().split('\n').map((l) => l.split('  ')[0]);
    expect(a).toBe('98ea6e4f216f2fb4b69fff9b3a44842c38686ca685f3f55dc48c5d3fb1107be4');
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('GNU on debian: a missing file, a mismatch counted in the singular, a list with no checksum line', () => {
    const r = gnu('echo hi > /f; sha256sum /f > /s; echo bye > /f; sha256sum -c /s; sha256sum /nope; echo junk > /j; sha256sum -c /j; echo $?');
    expect(r.stdoutText).toBe('/f: FAILED\n1\n');
    expect(r.stderrText).toBe('sha256sum: WARNING: 1 computed checksum did NOT match\nsha256sum: /nope: No such file or directory\nsha256sum: /j: no properly formatted checksum lines found\n');
  });
});
