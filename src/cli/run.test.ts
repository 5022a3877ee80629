import { describe, expect, it } from 'vitest';
import type { CliCommand } from './command.ts';
import { runCli } from './run.ts';
import { ENGINE_VERSION } from '../engine/version.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (t: string) => void out.push(t),
      err: (t: string) => void err.push(t),
      readFile: async () => new Uint8Array(),
    },
  };
}

const echo: CliCommand = {
  name: 'echo',
  summary: 'print the arguments',
  usage: 'echo [words...]',
  run: async (args, io) => {
    io.out(args.join(' ') + '\n');
    return 0;
  },
};

describe('runCli', () => {
  it('prints usage listing every command for --help, exit 0', async () => {
    const c = capture();
    expect(await runCli(['--help'], [echo], c.io)).toBe(0);
    expect(c.out.join('')).toMatch(/^Usage: layerlab <command>/);
    expect(c.out.join('')).toContain('echo      print the arguments');
  });

  it('prints usage and exits 2 with no arguments', async () => {
    const c = capture();
    expect(await runCli([], [echo], c.io)).toBe(2);
    expect(c.out.join('')).toContain('Usage: layerlab');
  });

  it('prints the engine version', async () => {
    const c = capture();
    expect(await runCli(['--version'], [], c.io)).toBe(0);
    expect(c.out.join('')).toBe(`layerlab ${ENGINE_VERSION}\n`);
  });

  it('dispatches to the named command with the remaining arguments', async () => {
    const c = capture();
    expect(await runCli(['echo', 'a', 'b'], [echo], c.io)).toBe(0);
    expect(c.out.join('')).toBe('a b\n');
  });

  it('rejects an unknown command on stderr with exit 2', async () => {
    const c = capture();
    expect(await runCli(['frobnicate'], [echo], c.io)).toBe(2);
    expect(c.err.join('')).toContain("unknown command 'frobnicate'");
    expect(c.out).toEqual([]);
  });
});
