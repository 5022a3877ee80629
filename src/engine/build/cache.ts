/**
 * The classic builder's cache: no separate store, only the images themselves. A step hits
 * when the parent image has a child whose `container_config` equals the step's run config
 * (moby image/cache compare: Cmd, Env, Labels, ExposedPorts, Entrypoint, Volumes, User,
 * Tty, attach flags; the newest match wins). The step's instruction lives in Cmd
 * (`#(nop) COPY file:<sum> in /dst/`, `/bin/sh -c …`), so a changed file or instruction
 * gives a different Cmd. After the first miss of a stage every later probe misses.
 * A miss also gets its reason, worked out from the parent's children.
 */
import type { ContainerConfig } from '../image/config.ts';
import type { ImageRecord } from '../runtime/state.ts';
import type { BuildMessage } from './messages.ts';

const len = (x: readonly unknown[] | Record<string, unknown> | null | undefined) => (x ? (Array.isArray(x) ? x.length : Object.keys(x).length) : 0);

/** moby's compare(a, b): Image and Hostname ignored; WorkingDir, Shell, StopSignal, Healthcheck too. */
export function sameRunConfig(a: ContainerConfig, b: ContainerConfig): boolean {
  return differingField(a, b) === null;
}

/** The first field compare() looks at that differs, or null when the configs match. */
export function differingField(a: ContainerConfig, b: ContainerConfig): string | null {
  if (a.OpenStdin || b.OpenStdin) return 'OpenStdin';
  if (a.AttachStdout !== b.AttachStdout) return 'AttachStdout';
  if (a.AttachStderr !== b.AttachStderr) return 'AttachStderr';
  if (a.User !== b.User) return 'User';
  if (a.Tty !== b.Tty) return 'Tty';
  if (len(a.Cmd) !== len(b.Cmd) || (a.Cmd ?? []).some((c, i) => c !== b.Cmd![i])) return 'Cmd';
  if (len(a.Env) !== len(b.Env) || (a.Env ?? []).some((e, i) => e !== b.Env![i])) return 'Env';
  if (len(a.Labels) !== len(b.Labels) || Object.entries(a.Labels ?? {}).some(([k, v]) => b.Labels?.[k] !== v)) return 'Labels';
  if (len(a.ExposedPorts) !== len(b.ExposedPorts) || Object.keys(a.ExposedPorts ?? {}).some((k) => !(k in (b.ExposedPorts ?? {})))) return 'ExposedPorts';
  if (len(a.Entrypoint) !== len(b.Entrypoint) || (a.Entrypoint ?? []).some((e, i) => e !== b.Entrypoint![i])) return 'Entrypoint';
  if (len(a.Volumes) !== len(b.Volumes) || Object.keys(a.Volumes ?? {}).some((k) => !(k in (b.Volumes ?? {})))) return 'Volumes';
  return null;
}

export type Probe = { hit: true; image: ImageRecord } | { hit: false; reason: BuildMessage };

export interface ProbeContext {
  /** Children of the parent image (images whose parent it is). */
  children: readonly ImageRecord[];
  noCache: boolean;
  /** The stage already missed at this step number (1-based Step i/N), or null. */
  missedAt: number | null;
  /** Instruction keyword and its sources, for a COPY/ADD content reason. */
  copy?: { instruction: string; sources: string };
}

/** The `#(nop) COPY file:… in /dst/` comment without the sum, to recognize "same COPY, other content". */
function copyShape(cmd: readonly string[] | null): { shape: string; sum: string } | null {
  const last = cmd?.[cmd.length - 1] ?? '';
  const m = /^#\(nop\) (COPY|ADD) (--chown=\S*)?((?:file|dir|multi):[0-9a-f]+) in (.*)$/.exec(last);
  if (!m) return null;
  return { shape: `${cmd!.slice(0, -1).join(' ')} ${m[1]} ${m[2] ?? ''} in ${m[4]}`, sum: m[3] };
}

/** Looks for a cached image for `config` among the parent's children; a miss says why. */
export function probeCache(config: ContainerConfig, ctx: ProbeContext): Probe {
  if (ctx.noCache) return { hit: false, reason: { id: 'miss-no-cache', params: {} } };
  if (ctx.missedAt !== null) return { hit: false, reason: { id: 'miss-parent-changed', params: { step: ctx.missedAt } } };
  let match: ImageRecord | undefined;
  for (const child of ctx.children) {
    const cc = child.config.container_config;
    if (cc && sameRunConfig(cc, config) && (!match || match.created < child.created)) match = child;
  }
  if (match) return { hit: true, image: match };
  if (ctx.children.length === 0) return { hit: false, reason: { id: 'miss-first-build', params: {} } };
  const mine = copyShape(config.Cmd);
  const text = (config.Cmd ?? []).join(' ');
  for (const child of ctx.children) {
    const cc = child.config.container_config;
    if (!cc) continue;
    const theirs = copyShape(cc.Cmd);
    if (mine && theirs && mine.shape === theirs.shape && mine.sum !== theirs.sum) {
      const short = (s: string) => s.replace(/^(\w+:[0-9a-f]{12})[0-9a-f]*$/, '$1');
      return { hit: false, reason: { id: 'miss-content-changed', params: { instruction: ctx.copy?.instruction ?? 'COPY', sources: ctx.copy?.sources ?? '', before: short(theirs.sum), after: short(mine.sum) } } };
    }
  }
  for (const child of ctx.children) {
    const cc = child.config.container_config;
    if (cc && (cc.Cmd ?? []).join(' ') === text) {
      return { hit: false, reason: { id: 'miss-config-changed', params: { field: differingField(cc, config) ?? 'config' } } };
    }
  }
  return { hit: false, reason: { id: 'miss-instruction-changed', params: { text: text.replace(/^\/bin\/sh -c (#\(nop\) +)?/, '') } } };
}
