/**
 * `docker search TERM`: the simulated Docker Hub's repositories whose name or description
 * contains the term — NAME, DESCRIPTION (cut to 45 columns with `…` unless --no-trunc),
 * STARS, OFFICIAL and AUTOMATED (`[OK]`), most stars first, at most --limit (25) rows.
 * Official images have plain names (`centos`), user repositories `user/name`.
 */
import { ellipsis } from '../../format/ellipsis.ts';
import { dockerTable } from '../../format/tabwriter.ts';
import type { Daemon } from '../daemon.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import { unreachable } from './pull.ts';
import { Output } from './result.ts';

export async function searchCommand(d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const term = p.args[0];
  const limit = (p.flags.limit as number | undefined) ?? 25;
  if (limit < 1 || limit > 100) return out.errLine(`Error response from daemon: Limit ${limit} is outside the range of [1, 100]`).fail(1).result();
  const repos = d.options.hub?.repositories?.();
  if (!repos) return out.errLine(`Error response from daemon: ${unreachable('index.docker.io')}`).fail(1).result();
  let filters: { stars?: number; official?: boolean; automated?: boolean } = {};
  for (const f of (p.flags.filter as string[] | undefined) ?? []) {
    const [key, value] = f.split('=', 2);
    if (key === 'stars') filters = { ...filters, stars: Number(value) };
    else if (key === 'is-official') filters = { ...filters, official: value === 'true' };
    else if (key === 'is-automated') filters = { ...filters, automated: value === 'true' };
    else return out.errLine(`Error response from daemon: Invalid filter '${key}'`).fail(1).result();
  }
  const needle = term.toLowerCase();
  const found = repos
    .filter((r) => r.name.toLowerCase().includes(needle) || r.description.toLowerCase().includes(needle))
    .filter((r) => (filters.stars === undefined || r.stars >= filters.stars) && (filters.official === undefined || r.official === filters.official) && (filters.automated === undefined || r.automated === filters.automated))
    .sort((a, b) => b.stars - a.stars)
    .slice(0, limit);
  const rows = [['NAME', 'DESCRIPTION', 'STARS', 'OFFICIAL', 'AUTOMATED']];
  for (const r of found) {
    const description = r.description.replaceAll('\n', ' ');
    rows.push([r.name, p.flags['no-trunc'] ? description : ellipsis(description, 45), String(r.stars), r.official ? '[OK]' : '', r.automated ? '[OK]' : '']);
  }
  return out.stdout(dockerTable(rows)).result();
}
