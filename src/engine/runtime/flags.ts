/**
 * Docker CLI flag parsing with pflag's rules: `--flag value`, `--flag=value`, `-f value`,
 * `-fvalue`, `-f=value`, combined boolean shorthands (`-aq`, `-it`), `--` ends flags, and
 * for `run`/`exec` the first positional argument ends flag parsing (what follows belongs
 * to the container's command). Errors carry pflag's wording.
 */

export type FlagKind = 'bool' | 'string' | 'list' | 'int';

export interface FlagSpec {
  long: string;
  short?: string;
  kind: FlagKind;
}

export type FlagValues = Record<string, string | boolean | string[] | number | undefined>;

export interface Parsed {
  flags: FlagValues;
  /** Names of flags given on the command line (pflag's `Changed`). */
  changed: Set<string>;
  args: string[];
}

export class FlagError extends Error {}

const PARSE_BOOL: Record<string, boolean> = {
  '1': true, t: true, T: true, TRUE: true, true: true, True: true,
  '0': false, f: false, F: false, FALSE: false, false: false, False: false,
};

export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[], opts: { interspersed: boolean }): Parsed {
  const flags: FlagValues = {};
  const changed = new Set<string>();
  const args: string[] = [];
  const byLong = new Map(specs.map((s) => [s.long, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));

  const set = (spec: FlagSpec, value: string | undefined, shown: string) => {
    changed.add(spec.long);
    if (spec.kind === 'bool') {
      const v = value === undefined ? true : PARSE_BOOL[value];
      if (v === undefined) throw new FlagError(`invalid argument "${value}" for "${shown}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`);
      flags[spec.long] = v;
    } else if (spec.kind === 'list') {
      const prev = flags[spec.long];
      flags[spec.long] = [...(Array.isArray(prev) ? prev : []), value!];
    } else if (spec.kind === 'int') {
      if (!/^[+-]?\d+$/.test(value!)) throw new FlagError(`invalid argument "${value}" for "${shown}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`);
      flags[spec.long] = Number(value);
    } else flags[spec.long] = value;
  };

  let i = 0;
  while (i < argv.length) {
    const a = argv[i++];
    if (a === '--') {
      args.push(...argv.slice(i));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byLong.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      let value: string | undefined = eq >= 0 ? a.slice(eq + 1) : undefined;
      if (value === undefined && spec.kind !== 'bool') {
        if (i >= argv.length) throw new FlagError(`flag needs an argument: --${name}`);
        value = argv[i++];
      }
      set(spec, value, `--${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      let rest = a.slice(1);
      while (rest.length > 0) {
        const c = rest[0];
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        rest = rest.slice(1);
        const shown = `-${c}, --${spec.long}`;
        if (spec.kind === 'bool') {
          if (rest.startsWith('=')) {
            set(spec, rest.slice(1), shown);
            rest = '';
          } else set(spec, undefined, shown);
          continue;
        }
        let value: string;
        if (rest.startsWith('=')) value = rest.slice(1);
        else if (rest.length > 0) value = rest;
        else {
          if (i >= argv.length) throw new FlagError(`flag needs an argument: '${c}' in ${a}`);
          value = argv[i++];
        }
        set(spec, value, shown);
        rest = '';
      }
      continue;
    }
    args.push(a);
    if (!opts.interspersed) {
      args.push(...argv.slice(i));
      break;
    }
  }
  return { flags, changed, args };
}
