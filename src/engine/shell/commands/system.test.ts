/** Programs that report on the machine and the accounts, and the account tools' flavours. */
import { describe, expect, it } from 'vitest';
import { container, sh } from '../testing/container.ts';
import { debian } from '../testing/debian.ts';

describe('machine and process', () => {
  it('date, uname and hostname come from the run options (a fixed clock, the host kernel)', () => {
    const r = sh('date; date -u +%Y-%m-%dT%H:%M:%S; date -d @0 +%s; uname -r; uname -a; hostname', {
      now: Date.UTC(2024, 0, 1) / 1000, kernelRelease: '6.1.0-18-amd64', hostname: 'abc123def456',
    });
    expect(r.stdoutText).toBe('Mon Jan  1 00:00:00 UTC 2024\n2024-01-01T00:00:00\n0\n6.1.0-18-amd64\nLinux abc123def456 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC x86_64 GNU/Linux\nabc123def456\n');
  });

  it('which and command -v find programs on PATH; busybox ash names its applets', () => {
    expect(sh('which ls; which nosuch; echo $?; command -v sed; command -v nosuch; echo $?').stdoutText).toBe('/bin/ls\n1\nsed\n127\n');
  });

  it('. and source run a file in the current shell', () => {
    expect(sh('echo "X=set; f() { echo f \\$1; }" > /lib.sh; . /lib.sh; f $X; source /lib.sh; echo ok').stdoutText).toBe('f set\nok\n');
  });

  it('tee writes its input to files and stdout', () => {
    const r = sh('echo hi | tee /a /b; cat /a /b');
    expect(r.stdoutText).toBe('hi\nhi\nhi\n');
    expect(r.fs.dockerDiff()).toEqual(['A /a', 'A /b']);
  });
});

describe('account tools', () => {
  const withApplets = () => {
    const fs = container();
    // adduser/addgroup are not in the base image's busybox: link them as an Alpine image has them.
    sh('ln -s busybox /bin/adduser; ln -s busybox /bin/addgroup', { fs });
    return fs;
  };

  it('busybox addgroup/adduser -D add the group, the user, and the home directory', () => {
    const fs = withApplets();
    const r = sh('addgroup -g 3000 app && adduser -D -G app -u 3000 app && tail -1 /etc/passwd && tail -1 /etc/group && ls -ld /home/app | tr -s " " | cut -d" " -f1,3,4', { fs });
    expect(r.stderrText).toBe('');
    expect(r.stdoutText).toBe('app:x:3000:3000:Linux User,,,:/home/app:/bin/sh\napp:x:3000:\ndrwxr-xr-x app app\n');
  });

  it('Debian adduser prints its progress and uses /bin/bash', () => {
    const fs = debian();
    const r = sh('adduser --disabled-password --gecos "" web', { fs, env: { PATH: '/bin' } });
    expect(r.stdoutText).toBe("Adding user `web' ...\nAdding new group `web' (1000) ...\nAdding new user `web' (1000) with group `web (1000)' ...\nCreating home directory `/home/web' ...\nCopying files from `/etc/skel' ...\n");
    expect(new TextDecoder().decode(fs.readFile('/etc/passwd')).split('\n').at(-2)).toBe('web:x:1000:1000::/home/web:/bin/bash');
  });

  it('refuses an existing user', () => {
    const fs = debian();
    const r = sh('useradd root; echo $?', { fs, env: { PATH: '/bin' } });
    expect([r.stdoutText, r.stderrText]).toEqual(['9\n', "useradd: user 'root' already exists\n"]);
  });
});
