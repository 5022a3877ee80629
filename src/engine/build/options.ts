/**
 * `docker build [OPTIONS] PATH` as the docker CLI 20.10 parses it: -t/--tag (repeatable,
 * validated as references), -f/--file, --build-arg (NAME=VALUE, or NAME taken from the
 * client's environment), --no-cache, --target, -q/--quiet, --rm, --force-rm.
 */
import { FlagError, parseFlags, type FlagSpec } from '../runtime/flags.ts';
import { parseNormalizedNamed, withDefaultTag, type Reference } from '../runtime/reference.ts';
import type { BuildOptions } from './builder.ts';

const FLAGS: FlagSpec[] = [
  { long: 'tag', short: 't', kind: 'list' },
  { long: 'file', short: 'f', kind: 'string' },
  { long: 'build-arg', kind: 'list' },
  { long: 'no-cache', kind: 'bool' },
  { long: 'target', kind: 'string' },
  { long: 'quiet', short: 'q', kind: 'bool' },
  { long: 'rm', kind: 'bool' },
  { long: 'force-rm', kind: 'bool' },
  { long: 'pull', kind: 'bool' },
  { long: 'label', kind: 'list' },
  { long: 'platform', kind: 'string' },
  { long: 'network', kind: 'string' },
];

const SEE = "See 'docker build --help'.";
const USAGE = '\nUsage:  docker build [OPTIONS] PATH | URL | -\n\nBuild an image from a Dockerfile\n';

export interface ParsedBuild {
  options: BuildOptions;
  path: string;
  file: string | null;
}

/** A CLI error: text for stderr and the exit code. */
export class BuildUsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export function parseBuildArgv(argv: readonly string[], clientEnv: Readonly<Record<string, string>> = {}): ParsedBuild {
  let p;
  try {
    p = parseFlags(argv, FLAGS, { interspersed: true });
  } catch (e) {
    if (e instanceof FlagError) throw new BuildUsageError(`${e.message}\n${SEE}\n`, 125);
    throw e;
  }
  if (p.args.length !== 1) throw new BuildUsageError(`"docker build" requires exactly 1 argument.\n${SEE}\n${USAGE}`, 1);
  const tags: Reference[] = [];
  for (const t of (p.flags.tag as string[] | undefined) ?? []) {
    try {
      tags.push(withDefaultTag(parseNormalizedNamed(t)));
    } catch (e) {
      const reason = e instanceof Error ? e.message : 'invalid reference format';
      throw new BuildUsageError(`invalid argument "${t}" for "-t, --tag" flag: ${reason}\n${SEE}\n`, 125);
    }
  }
  const buildArgs = new Map<string, string | null>();
  for (const a of (p.flags['build-arg'] as string[] | undefined) ?? []) {
    const eq = a.indexOf('=');
    if (eq >= 0) buildArgs.set(a.slice(0, eq), a.slice(eq + 1));
    else buildArgs.set(a, clientEnv[a] ?? null);
  }
  return {
    path: p.args[0],
    file: (p.flags.file as string | undefined) ?? null,
    options: {
      tags,
      buildArgs,
      noCache: Boolean(p.flags['no-cache']),
      target: (p.flags.target as string | undefined) ?? null,
      quiet: Boolean(p.flags.quiet),
      rm: p.flags.rm === undefined ? true : Boolean(p.flags.rm),
      forceRm: Boolean(p.flags['force-rm']),
    },
  };
}
