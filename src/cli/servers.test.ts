/**
 * Containers whose PID 1 is a server (`layerlab session --catalog`): `docker run -d nginx`
 * and `redis` stay Up until stopped; docker stop sends the image's StopSignal (nginx:
 * SIGQUIT) or SIGTERM and the server exits 0, redis saying goodbye in its log; docker kill
 * is SIGKILL (137); plain `nginx` daemonizes and its container stops at once; a RUN that
 * serves forever fails the build with a clear message.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_BASE_DIR } from '../engine/base/load-node.ts';
import { BUILTIN_SCENARIOS } from '../scenario/builtin.ts';
import { sessionTranscript } from './session.ts';

function session(lines: string, files: Record<string, string> = {}): Promise<string[]> {
  const d = mkdtempSync(join(tmpdir(), 'layerlab-servers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(d, path, '..'), { recursive: true });
    writeFileSync(join(d, path), text);
  }
  writeFileSync(join(d, 'session.txt'), lines);
  return sessionTranscript(d, undefined, { catalog: true }).then((t) => t.split(/^\$ /m).slice(1));
}

describe.skipIf(!existsSync(SHARED_BASE_DIR))('server containers (skipped without ../shared)', () => {
  it('nginx and redis stay Up; stop ends them with 0 (redis logs its shutdown); kill is 137', async () => {
    const [, , , ps, , stop, logs, psa] = await session(
      [
        'docker run -d --name web -p 8080:80 nginx',
        'docker run -d --name red redis',
        'docker run -d --name red2 redis',
        'docker ps --format "{{.Names}} {{.Status}} {{.Ports}}"',
        'docker top web -o pid',
        'docker stop web red',
        'docker logs red',
        'docker kill red2',
        'docker ps -a --format "{{.Names}} {{.Status}}"',
      ].join('\n') + '\n',
    ).then((b) => [b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[8]]);
    expect(ps).toMatch(/^red2 Up .*\nred Up .* 6379\/tcp\nweb Up .* 0\.0\.0\.0:8080->80\/tcp\n/m);
    expect(stop).toBe('docker stop web red\nweb\nred\n[exit 0]\n');
    expect(logs).toMatch(/1:M .* \* Ready to accept connections\n1:signal-handler \(\d+\) Received SIGTERM scheduling shutdown\.\.\.\n.*# User requested shutdown\.\.\.\n/);
    expect(logs).toContain('# Redis is now ready to exit, bye bye...\n[exit 0]');
    expect(psa).toMatch(/red2 Exited \(137\)/);
    expect(psa).toMatch(/red Exited \(0\)/);
    expect(psa).toMatch(/web Exited \(0\)/);
  });

  it('docker top shows nginx’s master and its workers', async () => {
    // (dockerd needs the PID column: `-o args` alone is refused)
    const [, top] = await session('docker run -d --name web nginx\ndocker top web -o pid,args\n');
    expect(top.replace(/^\d+ +/gm, '')).toBe('docker top web -o pid,args\nPID                 COMMAND\nnginx: master process nginx -g daemon off;\nnginx: worker process\nnginx: worker process\n[exit 0]\n');
  });

  it('plain nginx forks into the background: its container stops at once, with 0', async () => {
    const [, ps] = await session('docker run -d --name bg nginx nginx\ndocker ps -a --format "{{.Names}} {{.Status}}"\n');
    expect(ps).toMatch(/^bg Exited \(0\) /m);
  });

  it('the built-in centos-redis scenario (EPEL redis.conf: daemonize no, a log file) stays Up and logs to the file', async () => {
    const dockerfile = BUILTIN_SCENARIOS.find((b) => b.id === 'centos-redis')!.scenario.dockerfile;
    const blocks = await session(
      'docker build -q -t myredis ctx\ndocker run -d --name rr -p 6379:6379 myredis\ndocker ps --format "{{.Names}} {{.Status}}"\ndocker logs rr\ndocker exec rr cat /var/log/redis/redis.log\ndocker top rr -o pid,args\n',
      { 'ctx/Dockerfile': dockerfile },
    );
    expect(blocks[2]).toMatch(/\nrr Up /);
    expect(blocks[3]).toBe('docker logs rr\n[exit 0]\n');
    expect(blocks[4]).toMatch(/1:C .* # Configuration loaded\n[^]* \* Ready to accept connections\n\[exit 0\]\n$/);
    expect(blocks[5]).toMatch(/\d+ +redis-server 0\.0\.0\.0:6379\n/);
  });

  it('mysql and tomcat run until stopped, saying their messages are not simulated; python and node exit 0 on an empty stdin', async () => {
    const blocks = await session(
      'docker run -d --name my -e MYSQL_ROOT_PASSWORD=x mysql:5.7\ndocker run -d --name tc tomcat\ndocker run -d --name py python\ndocker run -dit --name py2 python\ndocker stop my tc\ndocker ps -a --format "{{.Names}} {{.Status}}"\ndocker logs tc\n',
    );
    expect(blocks[5]).toMatch(/^py2 Up .*\npy Exited \(0\) .*\ntc Exited \(143\) .*\nmy Exited \(0\) /m);
    expect(blocks[6]).toBe('docker logs tc\nlayerlab: catalina.sh run runs until it is stopped; its own messages are not simulated\n[exit 0]\n');
  });

  it('a RUN that serves forever fails the build and says why', async () => {
    const [build] = await session('docker build -t x ctx\n', { 'ctx/Dockerfile': "FROM nginx\nRUN nginx -g 'daemon off;'\n" });
    expect(build).toContain("layerlab: the command '/bin/sh -c nginx -g 'daemon off;'' never ends (it runs until stopped); a real docker build would wait here forever");
    expect(build).toMatch(/\[exit 1\]\n$/);
  });
});
