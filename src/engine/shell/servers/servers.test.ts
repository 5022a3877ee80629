/**
 * nginx and redis-server as the recorded Debian builds run them (testdata/README.md): what
 * they print, the process titles they serve under, and what a signal makes them print and
 * return. Timestamps and the signal handler's clock are the only parts that differ.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { container, exec } from '../testing/container.ts';
import { SERVERS } from './index.ts';
import { ShellSession } from '../session.ts';

const recorded = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
const normalize = (s: string) => s.replace(/\d\d \w{3} \d{4} \d\d:\d\d:\d\d\.\d{3}/g, '<TIME>').replace(/signal-handler \(\d+\)/g, 'signal-handler (<UNIX>)');
const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);

/** A container with the program installed, run as PID 2 like the recordings' first child. */
function serve(argv: string[], files: Record<string, string> = {}) {
  const fs = container();
  fs.writeFile(`/bin/${argv[0]}`, ELF);
  fs.chmod(`/bin/${argv[0]}`, 0o755);
  for (const [path, text] of Object.entries(files)) {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { parents: true, mode: 0o755 });
    fs.writeFile(path, new TextEncoder().encode(text));
  }
  return exec(argv, { fs, process: { pid: 2, nextPid: 3 } });
}

describe('redis-server', () => {
  it('prints the recorded startup log without a config file, and the recorded shutdown on SIGTERM', () => {
    const r = serve(['redis-server']);
    expect(r.stopped).toBe('serving');
    const bye = SERVERS['redis-server']!.signal('SIGTERM', r.serving!, Date.UTC(2026, 10, 23))!;
    expect(bye.exitCode).toBe(0);
    expect(normalize(r.stdoutText + bye.stdout)).toBe(normalize(recorded('redis-server-no-config-sigterm.stdout')));
  });

  it('with --port and --bind: "Configuration loaded", the title BIND:PORT, the SIGINT shutdown', () => {
    const r = serve(['redis-server', '--port', '7001', '--bind', '0.0.0.0']);
    const bye = SERVERS['redis-server']!.signal('SIGINT', r.serving!, Date.UTC(2026, 10, 23))!;
    expect(normalize(r.stdoutText + bye.stdout)).toBe(normalize(recorded('redis-server-port-bind-sigint.stdout')));
    const [line, status] = recorded('redis-server-port-bind-sigint.ps').trim().split('\n');
    expect(r.processes.own.map((p) => `${p.pid} ${p.ppid} ${p.args.join(' ')}`)).toEqual([line!.trim().replace(/\s+/g, ' ').replace(/^2 1 /, '2 0 ')]);
    expect(status).toBe(`exit ${bye.exitCode}`);
  });

  it('daemonize yes returns at once; a log file takes the log off stdout; a missing config file is fatal', () => {
    expect(serve(['redis-server', '/etc/r.conf'], { '/etc/r.conf': 'daemonize yes\n' })).toMatchObject({ exitCode: 0, stdoutText: '' });
    const logged = serve(['redis-server', '--logfile', '/var/log/r.log'], { '/var/log/.keep': '' });
    expect(logged.stdoutText).toBe('');
    expect(new TextDecoder().decode(logged.fs.readFile('/var/log/r.log'))).toContain('* Ready to accept connections\n');
    const fatal = serve(['redis-server', '--logfile', '/nonexist/dir/r.log']);
    expect([fatal.exitCode, fatal.stderrText]).toEqual([1, '\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\nCan\'t open the log file: No such file or directory\n']);
    const missing = serve(['redis-server', 'nosuch.conf']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stdoutText).toMatch(/^2:C .* # Fatal error, can't open config file '\/nosuch\.conf': No such file or directory\n$/);
  });
});

describe('nginx', () => {
  const conf = { '/etc/nginx/nginx.conf': 'user www-data;\nworker_processes auto;\npid /run/nginx.pid;\n' };

  it("-g 'daemon off;' serves as the recorded master with one worker per CPU, silently; SIGQUIT ends it with 0", () => {
    const r = serve(['nginx', '-g', 'daemon off;'], conf);
    expect(r.stopped).toBe('serving');
    const lines = recorded('nginx-daemon-off-sigquit.txt').trim().split('\n');
    // the same titles, the workers children of the master (their PIDs differ: the recording's sh forked a sleep first)
    const rows = lines.filter((l) => /nginx/.test(l)).map((l) => l.trim().split(/\s+/));
    expect(r.processes.own.map((p) => p.args.join(' '))).toEqual(rows.map((w) => w.slice(2).join(' ')));
    expect(r.processes.own.slice(1).every((p) => p.ppid === 2)).toBe(true);
    expect(rows.slice(1).every((w) => w[1] === '2')).toBe(true);
    const bye = SERVERS.nginx!.signal('SIGQUIT', r.serving!, 0)!;
    expect(`exit ${bye.exitCode}`).toBe(lines.find((l) => l.startsWith('exit')));
    expect([r.stdoutText, r.stderrText, bye.stdout, bye.stderr]).toEqual(['', '', '', '']);
  });

  it('without daemon off it forks away and returns 0 at once; -v, -t and a missing file say what nginx says', () => {
    expect(serve(['nginx'], conf)).toMatchObject({ exitCode: 0, stdoutText: '', stderrText: '' });
    expect(serve(['nginx', '-t'], conf).stderrText).toBe('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    const missing = serve(['nginx', '-c', '/nonexist.conf', '-t']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderrText).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[emerg\] 2#2: open\(\) "\/nonexist\.conf" failed \(2: No such file or directory\)\nnginx: configuration file \/nonexist\.conf test failed\n$/);
    expect(serve(['nginx', '-x'], conf)).toMatchObject({ exitCode: 1, stderrText: 'nginx: invalid option: "x"\n' });
  });
});

describe('a server started from an interactive shell', () => {
  it('is left running, and the next lines’ processes still end as usual', () => {
    const fs = container();
    fs.writeFile('/bin/redis-server', ELF);
    fs.chmod('/bin/redis-server', 0o755);
    const session = new ShellSession({ fs, env: { PATH: '/bin:/usr/bin' }, process: { pid: 1, nextPid: 6 } });
    expect(session.run('redis-server --port 7000').stopped).toBe('serving');
    // the subshell of `(true)` has ended; the server shows its title (busybox ps: no {comm},
    // as recorded for `redis-server *:7005`)
    expect(session.run('(true); ps -o args').stdoutText).toBe('COMMAND\n/bin/sh\nredis-server *:7000\n{ps} /bin/sh\n');
  });
});
