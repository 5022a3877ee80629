/**
 * The registry view's reading of a pull: layers already stored are "Already exists", whether
 * Docker printed so (some layers shared) or printed no layer lines at all (the image itself
 * already stored under another tag).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { nodeDataSource } from '../../engine/images/source.node.ts';
import { resetDaemon } from '../engine.ts';
import { DAEMON_API } from './api.ts';
import { resetTerminal } from './terminal.ts';
import { lastTransfer, resetTransfer } from './transfer.ts';

const run = (line: string) => DAEMON_API.terminalRun(line);
const layerLines = (output: string) => output.split('\n').filter((l) => /^[0-9a-f]{12}: /.test(l));

describe('pull transfers as the registry view shows them', () => {
  beforeEach(() => {
    resetDaemon(nodeDataSource());
    resetTerminal();
    resetTransfer();
  });

  it('ubuntu:18.04 after ubuntu:latest: Docker prints no layer lines; the view has every layer already here', async () => {
    const first = await run('docker pull ubuntu:latest');
    const pulled = [...new Set(layerLines(first.output).map((l) => l.slice(0, 12)))];
    expect(pulled.length).toBeGreaterThan(1);
    const again = await run('docker pull ubuntu:18.04');
    expect(layerLines(again.output)).toEqual([]);
    const t = lastTransfer()!;
    expect(t).toMatchObject({ kind: 'pull', reference: 'ubuntu:18.04', events: [] });
    expect(t.present).toEqual(pulled);
  });

  it('tomcat after debian:bookworm: the shared base layer is Already exists in the terminal and the view', async () => {
    const base = await run('docker pull debian:bookworm');
    const shared = layerLines(base.output)[0]!.slice(0, 12);
    const tomcat = await run('docker pull tomcat');
    const lines = layerLines(tomcat.output);
    expect(lines[0]).toBe(`${shared}: Already exists`);
    expect(lines.filter((l) => l.endsWith('Already exists'))).toHaveLength(1);
    expect(lines.filter((l) => l.endsWith('Pull complete')).length).toBeGreaterThan(0);
    const t = lastTransfer()!;
    expect(t.present).toBeUndefined();
    expect(t.events.filter((e) => e.layer === shared).map((e) => e.status)).toEqual(['Already exists']);
    expect(t.events.filter((e) => e.layer !== shared).every((e) => e.status === 'Pulling fs layer' || e.status === 'Pull complete')).toBe(true);
  });

  it('a failed pull or a first pull has no already-present list', async () => {
    await run('docker pull nosuchimage-xyz');
    expect(lastTransfer()?.present).toBeUndefined();
    await run('docker pull busybox');
    expect(lastTransfer()?.present).toBeUndefined();
  });
});
