/**
 * Which flags each instruction accepts. `classic` says what Docker 20.10's classic builder
 * does with it (recorded): `ok`; `unknown`, a parse error ("Unknown flag: link"); or
 * `requires-buildkit`, accepted by the parser but refused when the step runs.
 */

export type FlagKind = 'string' | 'bool' | 'duration' | 'int';

export interface FlagSpec {
  kind: FlagKind;
  /** May be given several times (`--mount`, `--exclude`). */
  repeat?: boolean;
  classic?: 'unknown' | 'requires-buildkit';
}

export const FLAGS: Readonly<Record<string, Readonly<Record<string, FlagSpec>>>> = {
  from: { platform: { kind: 'string' } },
  run: {
    mount: { kind: 'string', repeat: true, classic: 'requires-buildkit' },
    network: { kind: 'string', classic: 'unknown' },
    security: { kind: 'string', classic: 'unknown' },
  },
  copy: {
    from: { kind: 'string' },
    chown: { kind: 'string' },
    chmod: { kind: 'string', classic: 'requires-buildkit' },
    link: { kind: 'bool', classic: 'unknown' },
    parents: { kind: 'bool', classic: 'unknown' },
    exclude: { kind: 'string', repeat: true, classic: 'unknown' },
  },
  add: {
    chown: { kind: 'string' },
    chmod: { kind: 'string', classic: 'requires-buildkit' },
    link: { kind: 'bool', classic: 'unknown' },
    'keep-git-dir': { kind: 'bool', classic: 'unknown' },
    checksum: { kind: 'string', classic: 'unknown' },
    exclude: { kind: 'string', repeat: true, classic: 'unknown' },
  },
  healthcheck: {
    interval: { kind: 'duration' },
    timeout: { kind: 'duration' },
    'start-period': { kind: 'duration' },
    'start-interval': { kind: 'duration', classic: 'unknown' },
    retries: { kind: 'int' },
  },
};
