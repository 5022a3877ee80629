/** The runtime's small languages: Go templates, pflag-style flags, image references. */
import { describe, expect, it } from 'vitest';
import { FlagError, parseFlags, type FlagSpec } from './flags.ts';
import { familiarMatch, familiarString, parseNormalizedNamed, ReferenceError } from './reference.ts';
import { renderTemplate, TemplateError } from './template.ts';

describe('Go templates (inspect --format)', () => {
  // Objects as the inspect builders make them: struct fields in Go order, map keys sorted.
  const data = {
    Id: 'sha256:abc',
    Config: { Cmd: ['sh', '-c', 'x'], Entrypoint: null, Env: ['A=1', 'B=2'], Labels: { a: '1', b: '2' }, ExposedPorts: null },
    State: { Running: false, ExitCode: 3 },
  };
  it.each([
    ['{{.Id}}', 'sha256:abc'],
    ['{{.Config.Cmd}}', '[sh -c x]'],
    ['{{.Config.Entrypoint}}|{{.Config.ExposedPorts}}', '[]|map[]'],
    ['{{json .Config.Labels}}', '{"a":"1","b":"2"}'],
    ['{{range .Config.Env}}[{{.}}]{{end}}', '[A=1][B=2]'],
    ['{{if .State.Running}}up{{else}}down {{.State.ExitCode}}{{end}}', 'down 3'],
    ['{{with .Config}}{{index .Cmd 2}}{{end}}', 'x'],
    ['{{index .Config.Labels "a"}} {{len .Config.Env}}', '1 2'],
    ['{{join .Config.Env ","}} {{.Id | upper}}', 'A=1,B=2 SHA256:ABC'],
    ['{{- " trimmed " -}}  x', ' trimmed x'],
    ['{{printf "%s=%d" "n" 3}}', 'n=3'],
    ['{{if eq .State.ExitCode 3}}three{{end}}', 'three'],
  ])('%s → %s', (template, expected) => {
    expect(renderTemplate(template, data)).toBe(expected);
  });

  it('reports missing keys and unknown functions with Go positions and wording', () => {
    expect(() => renderTemplate('ab {{.Config.Nope}}', data)).toThrow('template: :1:5: executing "" at <.Config.Nope>: map has no entry for key "Nope"');
    expect(() => renderTemplate('{{nope .Id}}', data)).toThrow(TemplateError);
    expect(() => renderTemplate('{{.Id', data)).toThrow(/unclosed action/);
    expect(() => renderTemplate('{{range .Config.Env}}', data)).toThrow(/unexpected EOF/);
  });
});

describe('docker flags (pflag rules)', () => {
  const specs: FlagSpec[] = [
    { long: 'all', short: 'a', kind: 'bool' },
    { long: 'quiet', short: 'q', kind: 'bool' },
    { long: 'name', kind: 'string' },
    { long: 'env', short: 'e', kind: 'list' },
    { long: 'workdir', short: 'w', kind: 'string' },
    { long: 'time', short: 't', kind: 'int' },
  ];
  it('combines shorthands, attaches values, repeats lists and stops at the first argument when asked', () => {
    const p = parseFlags(['-aq', '-w/tmp', '-e', 'A=1', '--env=B=2', '--name=x', 'img', '-e', 'C'], specs, { interspersed: false });
    expect(p.flags).toEqual({ all: true, quiet: true, workdir: '/tmp', env: ['A=1', 'B=2'], name: 'x' });
    expect(p.args).toEqual(['img', '-e', 'C']);
    expect(parseFlags(['img', '-a'], specs, { interspersed: true }).flags.all).toBe(true);
    expect(parseFlags(['-a=false', '-t', '3'], specs, { interspersed: true }).flags).toEqual({ all: false, time: 3 });
  });
  it('words errors as pflag does', () => {
    expect(() => parseFlags(['--nope'], specs, { interspersed: true })).toThrow(new FlagError('unknown flag: --nope'));
    expect(() => parseFlags(['-x'], specs, { interspersed: true })).toThrow(new FlagError("unknown shorthand flag: 'x' in -x"));
    expect(() => parseFlags(['--name'], specs, { interspersed: true })).toThrow(new FlagError('flag needs an argument: --name'));
    expect(() => parseFlags(['-w'], specs, { interspersed: true })).toThrow(new FlagError("flag needs an argument: 'w' in -w"));
    expect(() => parseFlags(['-t', 'x'], specs, { interspersed: true })).toThrow(/invalid argument "x" for "-t, --time" flag/);
  });
});

describe('image references', () => {
  it('normalizes and prints familiar names', () => {
    expect(parseNormalizedNamed('busybox')).toEqual({ name: 'docker.io/library/busybox' });
    expect(parseNormalizedNamed('me/abc:1')).toEqual({ name: 'docker.io/me/abc', tag: '1' });
    expect(parseNormalizedNamed('localhost:5000/demo/app:1.0')).toEqual({ name: 'localhost:5000/demo/app', tag: '1.0' });
    expect(familiarString(parseNormalizedNamed('docker.io/library/busybox:latest'))).toBe('busybox:latest');
  });
  it('rejects bad references with Docker’s messages', () => {
    expect(() => parseNormalizedNamed('BAD')).toThrow(new ReferenceError('invalid reference format: repository name must be lowercase'));
    expect(() => parseNormalizedNamed('a b')).toThrow(new ReferenceError('invalid reference format'));
    expect(() => parseNormalizedNamed('a'.repeat(64).replace(/a/g, 'f'))).toThrow(/cannot specify 64-byte hexadecimal strings/);
  });
  it('matches docker images filters like reference.FamiliarMatch', () => {
    const ref = parseNormalizedNamed('me/mybox:v2');
    expect(familiarMatch('me/*', ref)).toBe(true);
    expect(familiarMatch('*', ref)).toBe(false);
    expect(familiarMatch('me/mybox:v2', ref)).toBe(true);
    expect(familiarMatch('me/mybox:v*', ref)).toBe(true);
  });
});
