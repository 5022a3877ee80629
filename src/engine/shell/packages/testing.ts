import type { FsOps } from '../../fs/ops.ts';
import { normalizePath } from '../../fs/path.ts';
import type { CommandContext, CommandFn } from '../command.ts';

/** Runs a package-manager command directly on a filesystem (tests): its exit code and output. */
export function runCommand(fn: CommandFn, fs: FsOps, argv: string[], opts: { uid?: number; now?: number; cwd?: string; env?: Record<string, string> } = {}): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  // fields a package manager never uses are stubs; the cast keeps this harness independent of additions to CommandContext
  const ctx = {
    name: argv[0]!,
    argv,
    flavour: 'gnu',
    fs,
    cwd: opts.cwd ?? '/',
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...opts.env },
    user: { uid: opts.uid ?? 0, gid: opts.uid ?? 0, name: opts.uid ? 'user' : 'root' },
    hostname: 'layerlab',
    pid: 1,
    processes: () => [],
    now: opts.now ?? 1_763_800_000,
    kernelRelease: '6.1.0-layerlab',
    umask: 0o022,
    stdin: { kind: 'input', readAll: () => new Uint8Array(0) } as CommandContext['stdin'],
    stdout: { kind: 'output', write: (d) => void (stdout += typeof d === 'string' ? d : new TextDecoder().decode(d)) },
    stderr: { kind: 'output', write: (d) => void (stderr += typeof d === 'string' ? d : new TextDecoder().decode(d)) },
    path: (p) => normalizePath(p, opts.cwd ?? '/'),
    spawn: () => 127,
    runScript: () => 127,
    serve: () => {
      throw new Error('a package manager does not serve');
    },
    step: () => undefined,
  } as CommandContext;
  return { code: fn(ctx), stdout, stderr };
}
