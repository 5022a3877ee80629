/**
 * `docker network ls`. The recorded engine runs with no bridge network (`--bridge=none`,
 * as the containers' /etc/hosts shows: network-files.ts), so it has only the two built-in
 * networks, `host` and `none` (conformance/cases/network-ls). dockerd gives each a random
 * ID when it first starts; these two are fixed.
 */
import { dockerTable } from '../../format/tabwriter.ts';
import type { Daemon } from '../daemon.ts';
import type { Parsed } from '../flags.ts';
import type { CommandResult } from '../ports.ts';
import { FormatError, renderFormatted } from './format.ts';
import { Output } from './result.ts';

export interface Network {
  id: string;
  name: string;
  driver: string;
}

/** The daemon's networks, sorted by name as the CLI lists them. */
export const NETWORKS: readonly Network[] = [
  { id: '5b0e5bd0f7c1e0a3a3b2a9c7cb6b0f2d1d61d6c9b6a0e4f3f1b0c8e7d5a4b3c2', name: 'host', driver: 'host' },
  { id: 'c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2', name: 'none', driver: 'null' },
];

const HEADERS: Record<string, string> = { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv6: 'IPV6', Internal: 'INTERNAL', Labels: 'LABELS' };

export async function networkLsCommand(_d: Daemon, p: Parsed): Promise<CommandResult> {
  const out = new Output();
  const trunc = !p.flags['no-trunc'];
  const rows = NETWORKS.map((n) => ({
    ID: trunc ? n.id.slice(0, 12) : n.id,
    Name: n.name,
    Driver: n.driver,
    Scope: 'local',
    IPv6: 'false',
    Internal: 'false',
    Labels: '',
  }));
  if (p.flags.quiet) return out.stdout(rows.map((r) => `${r.ID}\n`).join('')).result();
  const format = p.flags.format as string | undefined;
  if (format) {
    try {
      return out.stdout(renderFormatted(format, rows, HEADERS, 'network.networkContext')).result();
    } catch (e) {
      if (e instanceof FormatError) return out.errLine(e.message).fail(1).result();
      throw e;
    }
  }
  return out.stdout(dockerTable([['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ...rows.map((r) => [r.ID, r.Name, r.Driver, r.Scope])])).result();
}
