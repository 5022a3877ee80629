/**
 * Which flags each instruction accepts. `buildkitOnly` marks flags the classic builder
 * (the reference engine here) rejects; the builder decides what to do with them.
 */

export type FlagKind = 'string' | 'bool' | 'duration' | 'int';

export interface FlagSpec {
  kind: FlagKind;
  /** May be given several times (`--mount`, `--exclude`). */
  repeat?: boolean;
  buildkitOnly?: boolean;
}

export const FLAGS: Readonly<Record<string, Readonly<Record<string, FlagSpec>>>> = {
  from: { platform: { kind: 'string' } },
  run: {
    mount: { kind: 'string', repeat: true, buildkitOnly: true },
    network: { kind: 'string', buildkitOnly: true },
    security: { kind: 'string', buildkitOnly: true },
  },
  copy: {
    from: { kind: 'string' },
    chown: { kind: 'string' },
    chmod: { kind: 'string', buildkitOnly: true },
    link: { kind: 'bool', buildkitOnly: true },
    parents: { kind: 'bool', buildkitOnly: true },
    exclude: { kind: 'string', repeat: true, buildkitOnly: true },
  },
  add: {
    chown: { kind: 'string' },
    chmod: { kind: 'string', buildkitOnly: true },
    link: { kind: 'bool', buildkitOnly: true },
    'keep-git-dir': { kind: 'bool', buildkitOnly: true },
    checksum: { kind: 'string', buildkitOnly: true },
    exclude: { kind: 'string', repeat: true, buildkitOnly: true },
  },
  healthcheck: {
    interval: { kind: 'duration' },
    timeout: { kind: 'duration' },
    'start-period': { kind: 'duration' },
    'start-interval': { kind: 'duration', buildkitOnly: true },
    retries: { kind: 'int' },
  },
};
