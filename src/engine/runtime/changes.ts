/**
 * Applying Dockerfile metadata instructions to a run config, as `docker commit --change`
 * does (and as the builder's metadata steps do): CMD, ENTRYPOINT, ENV, EXPOSE, LABEL,
 * ONBUILD, USER, VOLUME, WORKDIR, HEALTHCHECK. Parsing is the Dockerfile front end's;
 * values are expanded with the config's environment.
 */
import { parseDockerfile } from '../dockerfile/index.ts';
import { expandWord } from '../dockerfile/expand.ts';
import type { CommandLine, Instruction } from '../dockerfile/instructions.ts';
import type { ContainerConfig } from '../image/config.ts';
import { renderDiagnostic } from '../dockerfile/diagnostic.ts';

export const COMMIT_CHANGE_COMMANDS = ['cmd', 'entrypoint', 'healthcheck', 'env', 'expose', 'label', 'onbuild', 'user', 'volume', 'workdir'];

export class ChangeError extends Error {}

const DEFAULT_SHELL = ['/bin/sh', '-c'];

function envMap(config: ContainerConfig): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of config.Env ?? []) {
    const i = e.indexOf('=');
    m.set(i < 0 ? e : e.slice(0, i), i < 0 ? '' : e.slice(i + 1));
  }
  return m;
}

function expand(word: string, config: ContainerConfig): string {
  const r = expandWord(word, envMap(config));
  if (!r.ok) throw new ChangeError(r.message);
  return r.value;
}

function commandArgs(cmd: CommandLine, config: ContainerConfig): string[] {
  return cmd.form === 'exec' ? cmd.args : [...(config.Shell ?? DEFAULT_SHELL), cmd.command];
}

/** Parses one `--change` value into its instruction (Docker's error text when it is not allowed). */
export function parseChange(change: string): Instruction {
  const word = change.trim().split(/\s+/, 1)[0].toLowerCase();
  if (!COMMIT_CHANGE_COMMANDS.includes(word)) throw new ChangeError(`${word} is not a valid change command`);
  const parsed = parseDockerfile(`FROM scratch\n${change}\n`);
  const error = parsed.diagnostics.find((d) => d.severity === 'error');
  if (error) throw new ChangeError(renderDiagnostic(error, 'en'));
  const instruction = parsed.stages[0]?.instructions[0];
  if (!instruction) throw new ChangeError(`${word} is not a valid change command`);
  return instruction;
}

/** The state an instruction sequence carries (`CMD` seen, so `ENTRYPOINT` keeps it). */
export interface ChangeState {
  cmdSet: boolean;
}

export function applyInstruction(config: ContainerConfig, ins: Instruction, state: ChangeState = { cmdSet: false }): ContainerConfig {
  const c: ContainerConfig = { ...config };
  switch (ins.kind) {
    case 'CMD':
      c.Cmd = commandArgs(ins.command, c);
      state.cmdSet = true;
      break;
    case 'ENTRYPOINT':
      c.Entrypoint = commandArgs(ins.command, c);
      if (!state.cmdSet) c.Cmd = null;
      break;
    case 'ENV': {
      // Every value is expanded with the environment from before the instruction.
      let env = [...(c.Env ?? [])];
      for (const kv of ins.pairs) {
        const entry = `${kv.key}=${expand(kv.value, config)}`;
        const i = env.findIndex((e) => e.split('=')[0] === kv.key);
        if (i >= 0) env[i] = entry;
        else env = [...env, entry];
      }
      c.Env = env;
      break;
    }
    case 'LABEL':
      c.Labels = { ...(c.Labels ?? {}) };
      for (const kv of ins.pairs) c.Labels[expand(kv.key, c)] = expand(kv.value, c);
      break;
    case 'EXPOSE':
      c.ExposedPorts = { ...(c.ExposedPorts ?? {}) };
      for (const p of ins.ports) {
        const port = expand(p, c);
        c.ExposedPorts[port.includes('/') ? port.toLowerCase() : `${port}/tcp`] = {};
      }
      break;
    case 'USER':
      c.User = expand(ins.user, c);
      break;
    case 'VOLUME':
      c.Volumes = { ...(c.Volumes ?? {}) };
      for (const p of ins.paths) c.Volumes[expand(p, c)] = {};
      break;
    case 'WORKDIR': {
      const dir = expand(ins.path, c);
      const joined = dir.startsWith('/') ? dir : `${c.WorkingDir || '/'}/${dir}`;
      c.WorkingDir = '/' + joined.split('/').filter((s) => s && s !== '.').reduce<string[]>((acc, s) => (s === '..' ? acc.slice(0, -1) : [...acc, s]), []).join('/');
      break;
    }
    case 'ONBUILD':
      c.OnBuild = [...(c.OnBuild ?? []), ins.expression];
      break;
    case 'HEALTHCHECK':
      if (ins.test.type === 'NONE') c.Healthcheck = { Test: ['NONE'] };
      else {
        const cmd = ins.test.command;
        c.Healthcheck = { Test: cmd.form === 'exec' ? ['CMD', ...cmd.args] : ['CMD-SHELL', cmd.command] };
        if (ins.interval) c.Healthcheck.Interval = ins.interval;
        if (ins.timeout) c.Healthcheck.Timeout = ins.timeout;
        if (ins.startPeriod) c.Healthcheck.StartPeriod = ins.startPeriod;
        if (ins.retries) c.Healthcheck.Retries = ins.retries;
      }
      break;
    default:
      throw new ChangeError(`${ins.kind.toLowerCase()} is not a valid change command`);
  }
  return c;
}

export function applyChanges(config: ContainerConfig, changes: readonly string[]): ContainerConfig {
  const state: ChangeState = { cmdSet: false };
  return changes.reduce((c, change) => applyInstruction(c, parseChange(change), state), config);
}
