/**
 * Published ports: how `-p` values pair container and host ports, how host ports are
 * allocated at start (49153 upwards; a port held by a running container cannot be bound
 * again), and the PORTS column's grouping (the docker CLI's DisplayablePorts). The oracle
 * engine runs without a bridge network, so these follow dockerd's and the CLI's code.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CommandResult } from './ports.ts';
import { busyboxDaemon } from './testing/busybox-daemon.ts';
import { parsePublish } from './publish.ts';

let docker: (line: string) => Promise<CommandResult>;
const ports = async () => (await docker('docker ps --format "{{.Names}} {{.Ports}}"')).stdout;

beforeEach(async () => {
  ({ docker } = await busyboxDaemon());
});

describe('-p values', () => {
  it('pair host and container ports, ranges port by port', () => {
    expect(parsePublish('8080:80')).toEqual([{ port: '80/tcp', binding: { HostIp: '', HostPort: '8080' } }]);
    expect(parsePublish('127.0.0.1::53/udp')).toEqual([{ port: '53/udp', binding: { HostIp: '127.0.0.1', HostPort: '' } }]);
    expect(parsePublish('8000-8001:80-81')).toEqual([
      { port: '80/tcp', binding: { HostIp: '', HostPort: '8000' } },
      { port: '81/tcp', binding: { HostIp: '', HostPort: '8001' } },
    ]);
    expect(parsePublish('80')).toEqual([{ port: '80/tcp', binding: { HostIp: '', HostPort: '' } }]);
    expect(parsePublish('8080:http')).toBe('Invalid containerPort: http');
  });
});

describe('host ports at start', () => {
  it('allocates 49153, 49154… for ports given without a host port, and for -P’s exposed ports', async () => {
    await docker('docker run -d -p 80 --name one busybox sleep 100');
    await docker('docker run -d -p 80 -p 443 --name two busybox sleep 100');
    await docker('docker run -d -P --expose 9000 --name all busybox sleep 100');
    expect(await ports()).toBe('all 0.0.0.0:49156->9000/tcp\ntwo 0.0.0.0:49154->80/tcp, 0.0.0.0:49155->443/tcp\none 0.0.0.0:49153->80/tcp\n');
  });

  it('refuses a host port a running container holds, leaving the new container Created; it starts once the port is free', async () => {
    await docker('docker run -d -p 8080:80 --name web busybox sleep 100');
    const clash = await docker('docker run -d -p 8080:80 --name web2 busybox sleep 100');
    expect(clash.exitCode).toBe(125);
    expect(clash.stderr).toMatch(/^docker: Error response from daemon: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\.\n$/);
    expect((await docker('docker ps -a --filter name=web2 --format "{{.Status}}"')).stdout).toBe('Created\n');
    expect((await docker('docker start web2')).stderr).toMatch(/Bind for 0\.0\.0\.0:8080 failed: port is already allocated\nError: failed to start containers: web2\n$/);
    await docker('docker stop -t 0 web');
    expect((await docker('docker start web2')).stdout).toBe('web2\n');
    // another protocol, or a stopped container's port, is free
    expect((await docker('docker run -d -p 8080:80/udp --name dns busybox sleep 100')).exitCode).toBe(0);
  });
});

describe('the PORTS column', () => {
  it('groups consecutive ports published on themselves and lists other mappings after', async () => {
    await docker('docker run -d -p 80-81:80-81 -p 9000:90 --expose 7000-7001 --name grp busybox sleep 100');
    expect(await ports()).toBe('grp 0.0.0.0:80-81->80-81/tcp, 7000-7001/tcp, 0.0.0.0:9000->90/tcp\n');
  });
});
