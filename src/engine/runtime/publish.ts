/**
 * Published ports: `-p [IP:][HOST:]CONTAINER[/PROTO]` (ranges such as `8000-8001:80-81`
 * pair up port by port) and `-P` (every exposed port); a host port left empty is allocated
 * when the container starts, from 49153 upwards as dockerd's port allocator does; a host port
 * a running container already holds makes the start fail as dockerd's does. `docker ps` shows
 * them grouped as the CLI's DisplayablePorts does.
 */
import type { Daemon } from './daemon.ts';
import type { ContainerRecord } from './state.ts';

export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

export type PortMap = Record<string, PortBinding[]>;

/** The first port dockerd's allocator hands out when none is asked for. */
export const FIRST_DYNAMIC_PORT = 49153;
const LAST_DYNAMIC_PORT = 65535;

function range(s: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) return undefined;
  const first = Number(m[1]);
  const last = m[2] ? Number(m[2]) : first;
  return last >= first ? [first, last] : undefined;
}

/** The ports one `--expose` value names (`8080`, `7000-7001`, `53/udp`); a range exposes each of them. */
export function exposedPorts(spec: string): string[] {
  const [ports, proto = 'tcp'] = spec.split('/') as [string, string | undefined];
  const r = range(ports);
  if (!r) return [`${ports}/${proto}`];
  return Array.from({ length: r[1] - r[0] + 1 }, (_, i) => `${r[0] + i}/${proto}`);
}

/** The bindings one `-p` value asks for, by container port (`80/tcp`); a string is the CLI's error. */
export function parsePublish(spec: string): { port: string; binding: PortBinding }[] | string {
  const [main, proto = 'tcp'] = spec.split('/') as [string, string | undefined];
  const parts = main.split(':');
  const containerPart = parts.at(-1)!;
  const hostPart = parts.length >= 2 ? parts.at(-2)! : '';
  const ip = parts.length >= 3 ? parts.slice(0, -2).join(':') : '';
  const container = range(containerPart);
  if (!container) return `Invalid containerPort: ${containerPart}`;
  const host = hostPart === '' ? undefined : range(hostPart);
  if (hostPart !== '' && !host) return `Invalid hostPort: ${hostPart}`;
  const count = container[1] - container[0] + 1;
  if (host && host[1] - host[0] + 1 !== count && host[0] !== host[1]) return `Invalid ranges specified for container and host Ports: ${containerPart} and ${hostPart}`;
  const out: { port: string; binding: PortBinding }[] = [];
  for (let i = 0; i < count; i++) {
    const hostPort = !host ? '' : host[0] === host[1] ? String(host[0]) : String(host[0] + i);
    out.push({ port: `${container[0] + i}/${proto}`, binding: { HostIp: ip, HostPort: hostPort } });
  }
  return out;
}

/** The host ports running containers hold now, as `IP:PORT/PROTO` (IP `0.0.0.0` for all addresses). */
function heldPorts(d: Daemon, except: string): { ip: string; port: number; proto: string }[] {
  return d.state.containers.flatMap((c) =>
    c.id === except || c.state.status !== 'running' || !c.state.ports
      ? []
      : Object.entries(c.state.ports).flatMap(([spec, bs]) => bs.map((b) => ({ ip: b.HostIp || '0.0.0.0', port: Number(b.HostPort), proto: spec.split('/')[1] ?? 'tcp' }))),
  );
}

/**
 * The host ports the container gets as it starts (its bindings, -P's exposed ports, empty
 * ones allocated), or dockerd's error when one is taken.
 */
export function allocatePorts(d: Daemon, c: ContainerRecord, endpoint: () => string): { ports: PortMap } | { error: string } {
  const held = heldPorts(d, c.id);
  const taken = (ip: string, port: number, proto: string) => held.some((h) => h.port === port && h.proto === proto && (h.ip === '0.0.0.0' || ip === '0.0.0.0' || h.ip === ip));
  const wanted: PortMap = {};
  if (c.publishAll) for (const port of Object.keys(c.config.ExposedPorts ?? {})) wanted[port] = [{ HostIp: '', HostPort: '' }];
  for (const [port, bs] of Object.entries(c.portBindings)) wanted[port] = [...(wanted[port] ?? []).filter((b) => b.HostPort !== ''), ...bs];
  const ports: PortMap = {};
  for (const port of Object.keys(wanted).sort((a, b) => parseInt(a, 10) - parseInt(b, 10))) {
    const proto = port.split('/')[1] ?? 'tcp';
    for (const b of wanted[port]!) {
      const ip = b.HostIp || '0.0.0.0';
      let hostPort = Number(b.HostPort);
      if (b.HostPort === '') {
        hostPort = FIRST_DYNAMIC_PORT;
        while (hostPort <= LAST_DYNAMIC_PORT && taken(ip, hostPort, proto)) hostPort++;
      } else if (taken(ip, hostPort, proto)) {
        return { error: `driver failed programming external connectivity on endpoint ${c.name} (${endpoint()}): Bind for ${ip}:${hostPort} failed: port is already allocated` };
      }
      held.push({ ip, port: hostPort, proto });
      (ports[port] ??= []).push({ HostIp: ip, HostPort: String(hostPort) });
    }
  }
  return { ports };
}

interface DisplayPort {
  ip: string;
  privatePort: number;
  publicPort: number;
  type: string;
}

/** The PORTS column: exposed ports and bindings, consecutive ones grouped, as the docker CLI prints them. */
export function displayablePorts(c: ContainerRecord): string {
  const list: DisplayPort[] = [];
  const exposed = new Set([...Object.keys(c.config.ExposedPorts ?? {}), ...Object.keys(c.state.ports ?? {})]);
  for (const spec of exposed) {
    const [port, type = 'tcp'] = spec.split('/');
    const bindings = c.state.ports?.[spec] ?? [];
    if (!bindings.length) list.push({ ip: '', privatePort: Number(port), publicPort: 0, type });
    for (const b of bindings) list.push({ ip: b.HostIp || '0.0.0.0', privatePort: Number(port), publicPort: Number(b.HostPort), type });
  }
  list.sort((a, b) => a.privatePort - b.privatePort || (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0) || a.publicPort - b.publicPort || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  const form = (key: string, first: number, last: number) => {
    const [a, b] = key.split('/') as [string, string | undefined];
    const ip = b === undefined ? '' : a;
    const type = b === undefined ? a : b;
    let group = first === last ? String(first) : `${first}-${last}`;
    if (ip) group = `${ip}:${group}->${group}`;
    return `${group}/${type}`;
  };
  for (const p of list) {
    let key = p.type;
    if (p.ip) {
      if (p.publicPort !== p.privatePort) {
        hostMappings.push(`${p.ip.includes(':') ? `[${p.ip}]` : p.ip}:${p.publicPort}->${p.privatePort}/${p.type}`);
        continue;
      }
      key = `${p.ip}/${p.type}`;
    }
    const g = groups.get(key);
    if (!g) groups.set(key, { first: p.privatePort, last: p.privatePort });
    else if (p.privatePort === g.last + 1) g.last = p.privatePort;
    else {
      result.push(form(key, g.first, g.last));
      groups.set(key, { first: p.privatePort, last: p.privatePort });
    }
  }
  for (const [key, g] of groups) result.push(form(key, g.first, g.last));
  return [...result, ...hostMappings].join(', ');
}
