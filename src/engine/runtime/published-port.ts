/**
 * A connection from the host to a published port (`docker run -p 8080:80`): Docker's proxy
 * takes it to the container's port, where a serving program may answer over HTTP. No
 * container publishing the port: the connection is refused. A running container whose
 * process does not listen there: the proxy accepts, then the connection is reset (what curl
 * reports as `(56) Recv failure: Connection reset by peer`). The server's log lines go to the
 * container's log, as nginx's access.log → /dev/stdout does in the nginx image.
 */
import type { HttpRequest, HttpResponse } from '../shell/servers/http.ts';
import { SERVERS } from '../shell/servers/index.ts';
import type { Daemon } from './daemon.ts';
import type { ContainerRecord, LogEntry } from './state.ts';

/** The address a published port's connections come from inside the container: the default bridge's gateway. */
export const BRIDGE_GATEWAY = '172.17.0.1';

export type Exchange =
  | { kind: 'refused' }
  | { kind: 'reset' }
  /** The container is paused: the connection is accepted and nothing answers until it is unpaused. */
  | { kind: 'paused'; container: string }
  | { kind: 'response'; response: HttpResponse };

/** The request as the client sends it to `hostPort` on the host. */
export type ClientRequest = Omit<HttpRequest, 'port' | 'remoteAddr'>;

/** The running container that publishes `hostPort` (on any address), and its container port. */
function publisher(d: Daemon, hostPort: number): { c: ContainerRecord; port: number } | undefined {
  for (const c of d.state.containers) {
    if (c.state.status !== 'running') continue;
    for (const [spec, bindings] of Object.entries(c.state.ports ?? {})) {
      const [port, proto = 'tcp'] = spec.split('/');
      if (proto === 'tcp' && bindings.some((b) => Number(b.HostPort) === hostPort)) return { c, port: Number(port) };
    }
  }
  return undefined;
}

/** One HTTP exchange with whatever answers on the host's `hostPort`. */
export function httpExchange(d: Daemon, hostPort: number, request: ClientRequest): Exchange {
  d.settle();
  const target = publisher(d, hostPort);
  if (!target) return { kind: 'refused' };
  const { c, port } = target;
  if (c.state.pausedAt !== undefined) return { kind: 'paused', container: c.name };
  const serving = c.state.serving;
  const program = serving && SERVERS[serving.program];
  if (!serving || !program?.http) return { kind: 'reset' };
  const served = (c.served ?? 0) + 1;
  const worker = c.processes?.processes.find((p) => p.args[0]?.endsWith('worker process'))?.pid ?? serving.pid;
  const response = program.http({ fs: d.mountNamespace(c), process: serving, now: d.seconds(), pid: worker, connection: served }, { ...request, port, remoteAddr: BRIDGE_GATEWAY });
  if (!response) return { kind: 'reset' };
  const logs: LogEntry[] = [...c.logs];
  if (response.log.error) logs.push({ stream: 'stderr', text: response.log.error, at: d.now });
  if (response.log.access) logs.push({ stream: 'stdout', text: response.log.access, at: d.now });
  d.putContainer({ ...c, logs, served });
  return { kind: 'response', response };
}
