/**
 * Tab completion for the terminal: the word under the cursor (the end of the line) completed
 * from what fits where it is — host commands, docker subcommands and their flags, image
 * references and container names, and paths in the attached container's file system.
 */
import type { FsOps } from '../../engine/fs/ops.ts';
import { dockerCommandNames } from '../../engine/runtime/cli.ts';
import { familiarName } from '../../engine/runtime/reference.ts';
import type { Daemon } from '../../engine/runtime/daemon.ts';
import { HOST_PROGRAMS } from '../../engine/runtime/host-shell/host.ts';

const HOST_COMMANDS = [...new Set(['docker', 'clear', 'history', 'help', ...HOST_PROGRAMS])];
const IMAGE_COMMANDS = new Set(['run', 'create', 'rmi', 'history', 'tag', 'push', 'pull', 'save', 'inspect', 'image']);
const CONTAINER_COMMANDS = new Set(['start', 'stop', 'rm', 'logs', 'diff', 'exec', 'commit', 'kill', 'restart', 'inspect', 'attach', 'container']);

function imageRefs(d: Daemon): string[] {
  return [...d.state.tags.keys()].map((t) => {
    const i = t.lastIndexOf(':');
    return `${familiarName(t.slice(0, i))}:${t.slice(i + 1)}`;
  });
}

function paths(fs: FsOps, word: string, cwd = '/'): string[] {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const dir = dirPart.startsWith('/') ? dirPart || '/' : `${cwd.replace(/\/$/, '')}/${dirPart}`;
  try {
    return fs
      .readdir(dir)
      .filter((n) => n.startsWith(word.slice(slash + 1)))
      .map((n) => {
        let isDir = false;
        try {
          isDir = fs.stat(`${dir.replace(/\/$/, '')}/${n}`).type === 'dir';
        } catch {
          isDir = false;
        }
        return `${dirPart}${n}${isDir ? '/' : ''}`;
      });
  } catch {
    return [];
  }
}

/**
 * The command the host prompt's last word belongs to: after the last `|`, `;`, `&&`, `||`,
 * `$(`, backquote or `(`, without a leading `sudo` (`docker ps -q | xargs docker st` → `docker st`).
 */
function lastCommand(line: string): string {
  const parts = line.split(/\|\||&&|[|;(`]|\$\(/);
  return (parts.at(-1) ?? '').replace(/^\s*(?:sudo\s+|xargs\s+(?:-\S+\s+)*)*/, '');
}

/** Candidates for the last word of `line` (the whole word each, sorted, unique). */
export function completeLine(d: Daemon, line: string, containerFs: FsOps | null, cwd = '/'): string[] {
  const words = (containerFs ? line : lastCommand(line)).split(/\s+/);
  const word = words.at(-1) ?? '';
  const before = words.slice(0, -1).filter(Boolean);
  let pool: string[];
  if (containerFs) pool = before.length === 0 && !word.includes('/') ? [] : paths(containerFs, word, cwd);
  else if (before.length === 0) pool = HOST_COMMANDS;
  else if (before[0] !== 'docker') pool = [];
  else if (before.length === 1) pool = dockerCommandNames().map((c) => c.name.split(' ')[0]!);
  else {
    const sub = before[1]!;
    const commands = dockerCommandNames();
    // A management command (`docker volume …`): its subcommands, then the subcommand's flags.
    const group = commands.filter((c) => c.name.startsWith(`${sub} `)).map((c) => c.name.slice(sub.length + 1));
    const cmd = commands.find((c) => c.name === sub) ?? commands.find((c) => c.name === `${sub} ${before[2]}`);
    if (word.startsWith('-')) pool = cmd?.flags ?? [];
    else if (group.length > 0 && before.length === 2) pool = group;
    else if (sub === 'volume' && (before[2] === 'rm' || before[2] === 'inspect')) pool = [...d.state.volumes.keys()];
    else {
      pool = [];
      if (IMAGE_COMMANDS.has(sub)) pool.push(...imageRefs(d));
      if (CONTAINER_COMMANDS.has(sub)) pool.push(...d.state.containers.flatMap((c) => [c.name, c.id.slice(0, 12)]));
    }
  }
  return [...new Set(pool.filter((c) => c.startsWith(word)))].sort();
}
