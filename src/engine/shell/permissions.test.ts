import { describe, expect, it } from 'vitest';
import { container, sh } from './testing/container.ts';

const nobody = { uid: 65534, gid: 65534, name: 'nobody' };

describe('permission checks for a non-root user', () => {
  it('denies writing where the user has no write permission, and changes nothing', () => {
    const r = sh('echo x > /etc/passwd; touch /new; mkdir /d; rm /etc/group; echo "s $?"', { user: nobody });
    expect(r.stderrText).toBe([
      "sh: can't create /etc/passwd: Permission denied",
      'touch: /new: Permission denied',
      "mkdir: can't create directory '/d': Permission denied",
      "rm: can't remove '/etc/group': Permission denied",
      '',
    ].join('\n'));
    expect(r.fs.dockerDiff()).toEqual([]);
  });

  it('allows /tmp, but the sticky bit keeps other users\' files', () => {
    const fs = container();
    sh('touch /tmp/roots', { fs });
    const r = sh('touch /tmp/mine && rm /tmp/mine && echo ok; rm /tmp/roots', { fs, user: nobody });
    expect(r.stdoutText).toBe('ok\n');
    expect(r.stderrText).toBe("rm: can't remove '/tmp/roots': Permission denied\n");
  });

  it('needs search permission on every directory of a path, and ownership to chmod or chown', () => {
    const r = sh('cat /root/x; ls /root; touch /tmp/f; chmod 600 /etc/passwd; chown nobody /tmp/f', { user: nobody });
    expect(r.stderrText.split('\n')).toEqual([
      "cat: can't open '/root/x': Permission denied",
      "ls: can't open '/root': Permission denied",
      'chmod: /etc/passwd: Operation not permitted',
      'chown: /tmp/f: Operation not permitted',
      '',
    ]);
  });

  it('root is never checked', () => {
    expect(sh('echo x > /root/f && cat /root/f').stdoutText).toBe('x\n');
  });
});
