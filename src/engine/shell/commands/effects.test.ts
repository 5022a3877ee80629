/**
 * Each file-changing program's effect on the container's read-write layer: the
 * `docker diff` lines and the layer listing (`@layers` format) a RUN step would commit.
 */
import { describe, expect, it } from 'vitest';
import { formatLayer } from '../../layer/listing.ts';
import { container, sh } from '../testing/container.ts';

/** The committed layer's entries, without the `layer N size=` header. */
const layerOf = (fs: ReturnType<typeof container>): string[] => formatLayer(fs.changeset(), 1).split('\n').slice(1).filter(Boolean);

describe('effects on the container layer', () => {
  it('touch and mkdir -p add entries with the caller\'s owner and umask', () => {
    const r = sh('mkdir -p /a/b && touch /a/b/f');
    expect(r.fs.dockerDiff()).toEqual(['A /a', 'A /a/b', 'A /a/b/f']);
    expect(layerOf(r.fs)).toEqual(['d 0755 0:0 0 /a', 'd 0755 0:0 0 /a/b', 'f 0644 0:0 0 /a/b/f']);
  });

  it('rm of an image file leaves a whiteout; rm -rf d && mkdir d an opaque directory', () => {
    expect(layerOf(sh('rm /etc/group').fs)).toContain('wh 0600 0:0 0 /etc/group');
    expect(layerOf(sh('rm -rf /home && mkdir /home && echo new > /home/f').fs)).toEqual([
      'd 0755 0:0 0 /home', 'opq 0755 0:0 0 /home', 'f 0644 0:0 4 /home/f',
    ]);
    expect(layerOf(sh('rm -rf /var/spool').fs)).toContain('wh 0600 0:0 0 /var/spool');
  });

  it('rmdir removes an empty image directory with a whiteout', () => {
    expect(sh('rmdir /var/spool/mail').fs.dockerDiff()).toEqual(['C /var', 'C /var/spool', 'D /var/spool/mail']);
  });

  it('chmod, chown and >> copy the whole file up', () => {
    expect(layerOf(sh('chmod 600 /etc/passwd').fs)).toContain('f 0600 0:0 340 /etc/passwd');
    expect(layerOf(sh('chown nobody:nogroup /etc/group').fs)).toContain('f 0644 65534:65534 313 /etc/group');
    expect(layerOf(sh('echo x >> /etc/group').fs)).toContain('f 0644 0:0 315 /etc/group');
  });

  it('chmod -R and symbolic modes', () => {
    const r = sh('mkdir -p /r/s && touch /r/s/f && chmod -R go-rwx /r && chmod u+s /r/s/f');
    expect(layerOf(r.fs)).toEqual(['d 0700 0:0 0 /r', 'd 0700 0:0 0 /r/s', 'f 4600 0:0 0 /r/s/f']);
  });

  it('sed -i rewrites the file in place (a full copy in the layer)', () => {
    const r = sh('sed -i -e "s@root@ROOT@g" /etc/passwd && head -1 /etc/passwd');
    expect(r.stdoutText).toBe('ROOT:x:0:0:ROOT:/ROOT:/bin/sh\n');
    expect(r.fs.dockerDiff()).toEqual(['C /etc', 'C /etc/passwd']);
  });

  it('mv of an image directory copies it to the new path and whites out the old one', () => {
    const r = sh('mv /var/spool /spool2');
    expect(r.fs.dockerDiff()).toEqual(['A /spool2', 'A /spool2/mail', 'C /var', 'D /var/spool']);
  });

  it('cp -a keeps mode, owner and mtime; plain cp applies the umask and the new owner', () => {
    const fs = container();
    sh('chown 33:33 /etc/group', { fs });
    sh('cp -a /etc/group /g1; cp /etc/group /g2', { fs });
    const layer = layerOf(fs);
    expect(layer).toContain('f 0644 33:33 313 /g1');
    expect(layer).toContain('f 0644 0:0 313 /g2');
  });

  it('ln -s and ln add a symlink and a hard link', () => {
    const layer = layerOf(sh('ln -s /etc/passwd /p && touch /f && ln /f /h').fs);
    expect(layer).toContain('l 0777 0:0 0 /p -> /etc/passwd');
    expect(layer.some((l) => l.startsWith('h ') && l.includes('/h -> /f'))).toBe(true);
  });

  it('dd and fallocate of large sizes write virtual content without allocating it', () => {
    const r = sh('dd if=/dev/zero of=/big bs=1M count=100 2>/dev/null; fallocate -l 5G /huge; ls -l /big /huge');
    expect(r.fs.readContent('/big')).toMatchObject({ kind: 'virtual', size: 100 * 1024 * 1024 });
    expect(r.fs.readContent('/huge')).toMatchObject({ kind: 'virtual', size: 5 * 1024 ** 3 });
    expect(r.stdoutText).toContain('104857600');
  });

  it('dd of a small size writes real bytes (the whiteouts case: 512 KiB of zeros)', () => {
    const r = sh('dd if=/dev/zero of=/big bs=1024 count=512');
    expect(r.stderrText).toBe('512+0 records in\n512+0 records out\n');
    const c = r.fs.readContent('/big');
    expect(c.kind === 'bytes' && c.bytes.length === 524288 && c.bytes.every((b) => b === 0)).toBe(true);
  });

  it('tar c/x round-trips files with their modes; gzip replaces the file', () => {
    const r = sh('mkdir /src && echo hi > /src/a && chmod 700 /src/a && tar czf /t.tgz -C / src && mkdir /dst && tar xzf /t.tgz -C /dst && cat /dst/src/a && gzip /src/a && ls /src');
    expect(r.stdoutText).toBe('hi\na.gz\n');
    expect(layerOf(r.fs)).toContain('f 0700 0:0 3 /dst/src/a');
  });

  it('mktemp creates a private file under /tmp', () => {
    const r = sh('f=$(mktemp) && d=$(mktemp -d) && ls -ld $f $d | cut -c1-10 | sort');
    expect(r.stdoutText).toBe('-rw-------\ndrwx------\n');
    expect(r.fs.dockerDiff().filter((l) => l.startsWith('A /tmp/tmp.'))).toHaveLength(2);
  });

  it('useradd and groupadd append to /etc/passwd and /etc/group', () => {
    // shadow-utils installed on the image: ELF programs on PATH run the simulation.
    const fs = container();
    sh('mkdir -p /usr/sbin && for p in useradd groupadd; do printf "\\177ELF" > /usr/sbin/$p; chmod 755 /usr/sbin/$p; done', { fs });
    const r = sh('groupadd -g 2000 devs && useradd -m -u 1500 -G devs bob && tail -1 /etc/passwd && tail -2 /etc/group && id bob && ls -ld /home/bob', { fs });
    expect(r.stdoutText.split('\n').slice(0, 4)).toEqual([
      'bob:x:1500:1500::/home/bob:/bin/sh', 'devs:x:2000:bob', 'bob:x:1500:', 'uid=1500(bob) gid=1500(bob) groups=1500(bob),2000(devs)',
    ]);
    expect(r.fs.dockerDiff().filter((l) => !l.includes('/usr'))).toEqual(['C /etc', 'C /etc/group', 'C /etc/passwd', 'C /home', 'A /home/bob']);
  });

  it('find -delete and xargs rm remove through the layer', () => {
    const r = sh('mkdir -p /d/e && touch /d/e/x /d/y && find /d -name x -delete && echo /d/y | xargs rm && find /d');
    expect(r.stdoutText).toBe('/d\n/d/e\n');
  });
});
