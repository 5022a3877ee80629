/**
 * The classic builder plugged into the simulated daemon: `docker build ARGS…` → parse the
 * CLI flags, read the build context from the client's files, run the build, print its log.
 * Pass `classicBuildHook` as DaemonOptions.build.
 */
import { bytesContent } from '../fs/content.ts';
import { dirEntry, fileEntry } from '../fs/entry.ts';
import { Tree } from '../fs/tree.ts';
import type { Daemon } from '../runtime/daemon.ts';
import type { BuildContext as HostContext, BuildHook, CommandResult, HostFiles } from '../runtime/ports.ts';
import { classicBuild } from './builder.ts';
import { ContextError, readBuildContext } from './context.ts';
import { BuildUsageError, parseBuildArgv } from './options.ts';
import type { BuildResult } from './result.ts';

/** 2024-01-01T00:00:00Z: the mtime `record` gives every file of a case directory. */
export const HOST_MTIME = Date.UTC(2024, 0, 1) / 1000;

/** The client's files as a tree rooted at its working directory (files 0644, or 0755 when executable; directories 0755). */
export function hostTree(files: HostFiles, executable: ReadonlySet<string> = new Set()): Tree {
  return Tree.empty(dirEntry({ mtime: HOST_MTIME })).edit((t) => {
    for (const [rel, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const parts = rel.split('/').filter((p) => p && p !== '.');
      for (let i = 1; i < parts.length; i++) if (!t.get(parts.slice(0, i))) t.set(parts.slice(0, i), dirEntry({ mtime: HOST_MTIME }));
      t.set(parts, fileEntry(bytesContent(bytes), { mode: executable.has(rel) ? 0o755 : 0o644, mtime: HOST_MTIME }));
    }
  });
}

/** Runs `docker build ARGS…` and also returns the structured result (null on a CLI error). */
export async function dockerBuild(argv: readonly string[], d: Daemon, host: HostContext): Promise<{ output: CommandResult; result: BuildResult | null }> {
  let parsed;
  try {
    parsed = parseBuildArgv(argv, d.options.clientEnv ?? {});
  } catch (e) {
    if (e instanceof BuildUsageError) return { output: { stdout: '', stderr: e.message, exitCode: e.exitCode }, result: null };
    throw e;
  }
  if (parsed.path === '-' || /^(https?|git):\/\/|^git@|^github\.com\//.test(parsed.path)) {
    const what = parsed.path === '-' ? 'a context read from standard input' : `a remote context (${parsed.path})`;
    return { output: { stdout: '', stderr: `layerlab: docker build with ${what} is not simulated: give a directory of your files\n`, exitCode: 1 }, result: null };
  }
  let context;
  try {
    context = await readBuildContext({ host: hostTree(host.files, host.executable), cwd: '/', path: parsed.path, file: parsed.file, randomName: () => d.randomHex(20) });
  } catch (e) {
    if (e instanceof ContextError) return { output: { stdout: '', stderr: e.message + '\n', exitCode: 1 }, result: null };
    throw e;
  }
  const result = await classicBuild(d, context, parsed.options);
  return { output: { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }, result };
}

export const classicBuildHook: BuildHook = async (argv, d, host) => (await dockerBuild(argv, d, host)).output;
