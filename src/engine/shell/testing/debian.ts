/**
 * Test-only: a small Debian-like root filesystem (dash as /bin/sh, GNU programs as ELF
 * files on PATH), to check the GNU wording and flavour detection without a real image.
 */
import { Tree } from '../../fs/tree.ts';
import { ContainerLayer } from '../../layer/container.ts';
import { TEST_NOW } from './container.ts';

export const DEBIAN_PROGRAMS = ['dash', 'ls', 'cat', 'rm', 'mkdir', 'cp', 'mv', 'touch', 'head', 'tail', 'chmod', 'chown', 'rmdir', 'ln', 'wc', 'sort', 'id', 'seq', 'echo', 'uname', 'grep', 'sed', 'env', 'useradd', 'adduser', 'stat', 'sha256sum'];

export function debian(): ContainerLayer {
  const fs = ContainerLayer.overTree(Tree.empty(), { clock: () => TEST_NOW });
  const enc = new TextEncoder();
  for (const d of ['/bin', '/etc', '/tmp', '/root', '/home', '/usr', '/usr/sbin']) fs.mkdir(d, { mode: d === '/tmp' ? 0o1777 : 0o755 });
  for (const p of DEBIAN_PROGRAMS) fs.writeFile(`/bin/${p}`, enc.encode('\x7fELF\x02\x01\x01\0'), { mode: 0o755 });
  fs.symlink('dash', '/bin/sh');
  fs.writeFile('/etc/passwd', enc.encode('root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n'));
  fs.writeFile('/etc/group', enc.encode('root:x:0:\nusers:x:100:\nnogroup:x:65534:\n'));
  return fs;
}
