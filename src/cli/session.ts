/**
 * `layerlab session [--bases DIR] [--catalog] CASE_DIR`: runs CASE_DIR/session.txt on the
 * simulated engine and prints the transcript (../shared/conformance/README.md), so that
 * `../shared/conformance/compare CASE_DIR/expected.txt out.txt` can judge it. With
 * `--catalog` the simulated Docker Hub holds the image catalog (centos, ubuntu, redis, …),
 * as in the app, so the tutorials' walkthroughs run from the command line too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadBaseImage, BaseLoadError, type BaseImage } from '../engine/base/loader.ts';
import { SHARED_BASE_DIR } from '../engine/base/load-node.ts';
import { ENGINE_LAYERS } from '../engine/runtime/engine-layers.ts';
import type { ProcessRunner } from '../engine/runtime/ports.ts';
import { runSession, type HostFiles } from '../conformance/runner.ts';
import { classicBuildHook } from '../engine/build/hook.ts';
import { ImageCatalog } from '../engine/images/catalog.ts';
import { nodeDataSource } from '../engine/images/source.node.ts';
import { catalogHub } from '../engine/runtime/catalog-hub.ts';
import { catalogPackages } from '../engine/runtime/catalog-packages.ts';
import type { ShellRunnerOptions } from '../engine/runtime/shell-runner.ts';
import type { CliCommand } from './command.ts';

const USAGE = 'session [--bases DIR] [--catalog] CASE_DIR';

/** The case files whose owner-execute bit is set (`record` makes them 0755, the rest 0644). */
export function readCaseExecutables(dir: string): Set<string> {
  const out = new Set<string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.mode & 0o100) out.add(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

/** Every file of the case directory except the recorded transcripts. */
export function readCaseFiles(dir: string): HostFiles {
  const files: HostFiles = new Map();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (d !== dir || (name !== 'expected.txt' && name !== 'expected.raw.txt')) files.set(relative(dir, p), new Uint8Array(readFileSync(p)));
    }
  };
  walk(dir);
  return files;
}

export function readBases(dir: string): BaseImage[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => {
      try {
        return loadBaseImage(readFileSync(join(dir, n), 'utf8'));
      } catch (e) {
        if (e instanceof BaseLoadError) throw new Error(`${join(dir, n)}: ${e.message}`);
        throw e;
      }
    });
}

/**
 * The engine's shell as process runner, loaded lazily: if the shell module cannot load,
 * every container process fails with that reason instead of the whole CLI failing.
 */
const SHELL_RUNNER: string = '../engine/runtime/shell-runner.ts';

async function loadRunner(opts: ShellRunnerOptions = {}): Promise<ProcessRunner> {
  try {
    const { shellRunner } = (await import(SHELL_RUNNER)) as { shellRunner: (opts: ShellRunnerOptions) => ProcessRunner };
    return shellRunner(opts);
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { run: () => ({ exitCode: 126, stdout: '', stderr: `layerlab: the shell is not available: ${reason}\n` }) };
  }
}

/** Runs one case directory and returns its transcript. */
export async function sessionTranscript(caseDir: string, basesDir: string = SHARED_BASE_DIR, opts: { catalog?: boolean } = {}): Promise<string> {
  const session = readFileSync(join(caseDir, 'session.txt'), 'utf8');
  const catalog = opts.catalog ? await ImageCatalog.open(nodeDataSource()) : undefined;
  const runner = catalog
    ? await loadRunner({ extraCommands: catalogPackages(catalog), kernelRelease: (await catalog.bootfs()).kernelRelease })
    : await loadRunner();
  const run = await runSession(session, {
    bases: readBases(basesDir),
    files: readCaseFiles(caseDir),
    executable: readCaseExecutables(caseDir),
    daemon: { layers: ENGINE_LAYERS, runner, build: classicBuildHook, hub: catalog && catalogHub(catalog) },
  });
  return run.transcript;
}

export const sessionCommand: CliCommand = {
  name: 'session',
  summary: 'run a conformance session (CASE_DIR/session.txt) and print its transcript',
  usage: USAGE,
  async run(args, io) {
    let bases: string | undefined;
    let catalog = false;
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '--bases') {
        bases = args[++i];
        if (bases === undefined) {
          io.err(`layerlab session: --bases needs a directory\nUsage: layerlab ${USAGE}\n`);
          return 2;
        }
      } else if (args[i].startsWith('--bases=')) bases = args[i].slice('--bases='.length);
      else if (args[i] === '--catalog') catalog = true;
      else if (args[i].startsWith('-')) {
        io.err(`layerlab session: unknown option ${args[i]}\nUsage: layerlab ${USAGE}\n`);
        return 2;
      } else rest.push(args[i]);
    }
    if (rest.length !== 1) {
      io.err(`layerlab session: expected one CASE_DIR\nUsage: layerlab ${USAGE}\n`);
      return 2;
    }
    try {
      io.out(await sessionTranscript(rest[0], bases, { catalog }));
      return 0;
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ENOENT') io.err(`layerlab session: ${err.path ?? rest[0]}: no such file or directory\n`);
      else io.err(`layerlab session: ${err.message}\n`);
      return 1;
    }
  },
};
