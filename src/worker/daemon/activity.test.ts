/**
 * What terminal lines report for the layer stack: copy-ups, whiteouts and added files per
 * command in a container (from which image layer), a committed layer, a discarded layer.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { nodeDataSource } from '../../engine/images/source.node.ts';
import { resetDaemon } from '../engine.ts';
import { DAEMON_API } from './api.ts';
import { resetTerminal } from './terminal.ts';

const run = (line: string) => DAEMON_API.terminalRun(line);

describe('container activity from terminal lines', () => {
  beforeEach(() => {
    resetDaemon(nodeDataSource());
    resetTerminal();
  });

  it('each command in a container reports only what it did to the read-write layer', async () => {
    const started = await run('docker run -it --name cow busybox sh');
    expect(started.activity).toBeNull();
    const first = await run('echo guest:x:1000:1000::/home/guest:/bin/sh >> /etc/passwd; rm /etc/group; touch /notes.txt');
    expect(first.activity).toMatchObject({ kind: 'cow', containerId: started.attached, name: 'cow' });
    const events = first.activity!.kind === 'cow' ? first.activity!.events : [];
    const passwd = events.find((e) => e.path === '/etc/passwd')!;
    expect(passwd).toMatchObject({ kind: 'copy-up', fromLayer: 0 });
    // the whole file is copied up: the bytes are the image's passwd plus the appended line
    const cat = await run('wc -c /etc/passwd');
    expect(passwd.bytes).toBe(Number(cat.output.trim().split(/\s+/)[0]));
    expect(events.find((e) => e.path === '/etc/group')).toEqual({ kind: 'whiteout', path: '/etc/group', bytes: 0, fromLayer: 0 });
    expect(events.find((e) => e.path === '/notes.txt')).toEqual({ kind: 'added', path: '/notes.txt', bytes: 0, fromLayer: null });
    expect(events).toHaveLength(3);
    // a second write to the same file is no copy-up: the file is already in the upper layer
    const second = await run('echo again >> /etc/passwd');
    expect(second.activity!.kind === 'cow' && second.activity!.events).toEqual([expect.objectContaining({ kind: 'changed', path: '/etc/passwd' })]);
    expect((await run('ls /')).activity).toBeNull();
  });

  it('a file of the container’s init layer (dockerd’s /.dockerenv) is named as such, not as an image layer', async () => {
    await run('docker run -it busybox sh');
    const r = await run('chmod 600 /.dockerenv');
    expect(r.activity!.kind === 'cow' && r.activity!.events).toEqual([expect.objectContaining({ path: '/.dockerenv', fromLayer: 'init' })]);
  });

  it('writing the bind-mounted /etc/hosts or /etc/hostname changes no layer: no activity', async () => {
    await run('docker run -it busybox sh');
    expect((await run('echo 1.2.3.4 foo >> /etc/hosts; chmod 600 /etc/hostname')).activity).toBeNull();
  });

  it('docker commit reports the read-write layer becoming the new image’s top layer; docker rm its discarding', async () => {
    await run('docker run -it --name cow busybox sh');
    await run('touch /a.txt');
    await run('exit');
    const commit = await run('docker commit cow me/cow');
    const imageId = commit.output.trim();
    expect(commit.activity).toMatchObject({ kind: 'committed', name: 'cow', imageId });
    const size = await run(`docker history --format "{{.Size}}" ${imageId}`);
    expect(size.output.split('\n')[0]).toBe('0B');
    expect(commit.activity!.kind === 'committed' && commit.activity!.bytes).toBe(0);
    const rm = await run('docker rm cow');
    expect(rm.output).toBe('cow\n');
    expect(rm.activity).toMatchObject({ kind: 'discarded', name: 'cow' });
    expect((await run('docker rm cow')).activity).toBeNull();
  });

  it('docker rm of a container with data names the bytes its layer held', async () => {
    await run('docker run -it --name big busybox sh');
    await run('head -c 5000 /bin/busybox > /blob');
    await run('exit');
    const rm = await run('docker rm big');
    expect(rm.activity).toEqual({ kind: 'discarded', containerId: expect.stringMatching(/^[0-9a-f]{64}$/), name: 'big', bytes: 5000, imageId: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
  });
});
