/**
 * Runs a conformance session on the simulated engine and produces its transcript in the
 * format of ../shared/conformance/README.md: for each line `$ LINE`, stdout, stderr,
 * `[exit N]`. Pure: the case directory arrives as a map of files (the host file system
 * of build contexts, changed by `@write`/`@rm`), the bases as loaded BaseImages.
 */
import type { BaseImage } from '../engine/base/loader.ts';
import { canonicalConfig } from '../engine/image/canonical.ts';
import { formatLayersListing } from '../engine/layer/listing.ts';
import { installBase } from '../engine/runtime/bases.ts';
import { shareBaseLayers } from '../engine/base/share.ts';
import { dockerCli } from '../engine/runtime/cli.ts';
import { Daemon, type DaemonOptions } from '../engine/runtime/daemon.ts';
import { readSession, type SessionLine } from './session.ts';

/** The case directory: relative path → content (changed by `@write` and `@rm`). */
export type HostFiles = Map<string, Uint8Array>;

export interface SessionOptions {
  bases: readonly BaseImage[];
  /** Engine pieces for the daemon (layers, runner, build hook). */
  daemon: Omit<DaemonOptions, 'registries'>;
  files: HostFiles;
  /** Case files that are executable (0755); `@write` makes plain ones. */
  executable?: ReadonlySet<string>;
}

export interface SessionRun {
  transcript: string;
  daemon: Daemon;
}

const REGISTRY = 'localhost:5000';

function lines(text: string): string[] {
  if (text === '') return [];
  const out = text.split('\n');
  if (text.endsWith('\n')) out.pop();
  return out;
}

function normalizeRel(path: string): string | undefined {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(p);
  }
  return parts.join('/');
}

async function runLine(d: Daemon, line: SessionLine, files: HostFiles, executable: Set<string>): Promise<{ out: string[]; exit: number }> {
  switch (line.kind) {
    case 'invalid':
      return { out: [line.message], exit: line.exit };
    case 'docker': {
      const r = await dockerCli(d, line.argv.slice(1), { files, executable, writeFile: (path, bytes) => files.set(path, bytes) });
      return { out: [...lines(r.stdout), ...lines(r.stderr)], exit: r.exitCode };
    }
    case 'layers':
    case 'config': {
      const img = d.findImage(line.image);
      if (!img) return { out: [`Error response from daemon: No such image: ${line.image}`], exit: 1 };
      if (line.kind === 'config') return { out: canonicalConfig(img.config), exit: 0 };
      return { out: lines(formatLayersListing(d.layersOf(img))), exit: 0 };
    }
    case 'write': {
      const rel = normalizeRel(line.path);
      if (rel === undefined) return { out: [`@write: path '${line.path}' leaves the case directory`], exit: 1 };
      files.set(rel, line.data);
      return { out: [], exit: 0 };
    }
    case 'rm': {
      const rel = normalizeRel(line.path);
      if (rel === undefined) return { out: [`@rm: path '${line.path}' leaves the case directory`], exit: 1 };
      const doomed = [...files.keys()].filter((k) => k === rel || k.startsWith(rel + '/'));
      if (doomed.length === 0) return { out: [`@rm: ${line.path}: No such file or directory`], exit: 1 };
      for (const k of doomed) {
        files.delete(k);
        executable.delete(k);
      }
      return { out: [], exit: 0 };
    }
    case 'sleep':
      d.advance(line.seconds * 1000);
      return { out: [], exit: 0 };
  }
}

/** Runs session.txt text; returns the transcript (and the daemon, for inspection). */
export async function runSession(sessionText: string, opts: SessionOptions): Promise<SessionRun> {
  const session = readSession(sessionText);
  const registries = session.some((l) => l.text.includes(REGISTRY)) ? [REGISTRY] : [];
  const d = new Daemon({ ...opts.daemon, registries });
  for (const base of shareBaseLayers(opts.bases)) {
    await installBase(d, base);
    d.advance(2000);
  }
  d.advance(60_000);
  const out: string[] = [];
  const executable = new Set(opts.executable);
  for (const line of session) {
    out.push(`$ ${line.text}`);
    let result;
    try {
      result = await runLine(d, line, opts.files, executable);
    } catch (e) {
      result = { out: [`layerlab: internal error: ${e instanceof Error ? e.message : String(e)}`], exit: 1 };
    }
    out.push(...result.out, `[exit ${result.exit}]`);
  }
  return { transcript: out.join('\n') + '\n', daemon: d };
}
