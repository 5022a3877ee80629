/**
 * `docker top CONTAINER [ps OPTIONS]`: dockerd runs `ps` on the host with the options
 * (default `-ef`), finds the PID column in its header and keeps the lines of the
 * container's processes; the CLI prints them in a tabwriter table (min width 20, padding 3).
 * The host sees host PIDs (container-processes.ts), the shim as PID 1's and every exec'd
 * process's parent, and no terminal. Recorded in conformance/cases/processes (errors) and
 * src/engine/runtime/testdata/docker-top.txt (the table).
 */
import { tabwrite } from '../../format/tabwriter.ts';
import { procps } from '../../shell/commands/ps-procps.ts';
import type { ProcessInfo } from '../../shell/processes.ts';
import { hostPid, liveProcesses, shimPid } from '../container-processes.ts';
import type { Daemon } from '../daemon.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import { Output } from './result.ts';
import type { ContainerRecord } from '../state.ts';

/** The host's user names (Debian): what ps prints for the container's uids. */
const HOST_USERS: Record<number, string> = { 0: 'root', 1: 'daemon', 2: 'bin', 3: 'sys', 33: 'www-data', 65534: 'nobody' };

/** The container's processes as the host's ps sees them. */
export function hostProcesses(c: ContainerRecord, now: number): ProcessInfo[] {
  return liveProcesses(c, now).map((p) => {
    const { tty: _tty, endsAt: _endsAt, ...rest } = p;
    return { ...rest, pid: hostPid(c, p.pid), ppid: p.ppid === 0 ? shimPid(c) : hostPid(c, p.ppid) };
  });
}

export async function topCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const [target, ...psArgs] = p.args;
  const c = d.findContainer(target);
  if (!c) return out.errLine(`Error response from daemon: No such container: ${target}`).fail(1).result();
  if (c.state.status !== 'running') return out.errLine(`Error response from daemon: Container ${c.id} is not running`).fail(1).result();
  const procs = hostProcesses(c, d.now);
  const ps = procps(psArgs.length ? psArgs : ['-ef'], procs, {
    self: -1,
    uid: 0,
    now: d.seconds(),
    userName: (uid) => HOST_USERS[uid] ?? String(uid),
    ttyName: () => '?',
  });
  // dockerd reports the first line of what ps printed on stderr.
  if (ps.exitCode !== 0 && ps.stderr) return out.errLine(`Error response from daemon: ps: ${ps.stderr.split('\n')[0]}`).fail(1).result();
  const lines = ps.stdout.split('\n').filter((l) => l !== '');
  const titles = (lines[0] ?? '').trim().split(/\s+/);
  const pidIndex = titles.indexOf('PID');
  if (pidIndex < 0) return out.errLine(`Error response from daemon: Couldn't find PID field in ps output`).fail(1).result();
  const wanted = new Set(procs.map((q) => q.pid));
  const rows: string[][] = [titles];
  for (const line of lines.slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (!wanted.has(Number(fields[pidIndex]))) continue;
    // The last column takes the rest of the line (a command line with spaces).
    rows.push([...fields.slice(0, titles.length - 1), fields.slice(titles.length - 1).join(' ')]);
  }
  return out.stdout(tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n', { minWidth: 20, padding: 3, padChar: ' ' })).result();
}
