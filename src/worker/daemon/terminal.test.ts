import { beforeEach, describe, expect, it } from 'vitest';
import { nodeDataSource } from '../../engine/images/source.node.ts';
import { resetDaemon } from '../engine.ts';
import { DAEMON_API } from './api.ts';
import { resetTerminal } from './terminal.ts';

/** The tutorials' terminal walkthroughs, typed line by line as the terminal panel sends them. */
async function type(...lines: string[]) {
  const out = [];
  for (const line of lines) out.push(await DAEMON_API.terminalRun(line));
  return out;
}

describe('the session daemon’s clock', () => {
  it('starts at the given time (the app passes the real time), so docker images says how old a catalog image is', async () => {
    resetDaemon(nodeDataSource(), { clock: Date.UTC(2026, 10, 22, 12) });
    resetTerminal();
    const [, images] = await type('docker pull ubuntu:20.04', 'docker images ubuntu');
    // created 2022-12-09: go-units' HumanDuration says "3 years" up to 4 years minus a day
    expect(images!.output).toMatch(/\nubuntu +20\.04 +[0-9a-f]{12} +3 years ago +/);
  });
});

describe('the terminal on the session daemon', () => {
  beforeEach(() => {
    resetDaemon(nodeDataSource());
    resetTerminal();
  });

  it('the abc.txt commit: run -it centos:6 bash, touch, exit, ps -l, commit, run the new image, ls', async () => {
    const [run, touch, exit, ps] = await type('docker run -it centos:6 /bin/bash', 'touch abc.txt', 'exit', 'docker ps -l');
    expect(run!.output).toContain("Unable to find image 'centos:6' locally");
    expect(run!.attached).toMatch(/^[0-9a-f]{64}$/);
    expect(run!.prompt).toBe(`[root@${run!.attached!.slice(0, 12)} /]# `);
    expect(touch!.output).toBe('');
    expect(exit!.output).toBe('exit\n');
    expect(exit!.attached).toBeNull();
    expect(exit!.prompt).toBe('$ ');
    expect(ps!.output).toMatch(/^CONTAINER ID +IMAGE +COMMAND +CREATED +STATUS/);
    expect(ps!.output).toMatch(/centos:6 +"\/bin\/bash" .* Exited \(0\)/);
    const id = run!.attached!.slice(0, 12);
    const [commit, images, run2, ls] = await type(`docker commit ${id} gongyang/abc`, 'docker images', 'docker run -it gongyang/abc /bin/bash', 'ls');
    expect(commit!.output).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(images!.output).toMatch(/\ngongyang\/abc +latest +[0-9a-f]{12} /);
    expect(run2!.attached).not.toBeNull();
    expect(ls!.output.split(/\s+/)).toContain('abc.txt');
  });

  it('shows a command’s streams in the order they were written: the pull of docker run before what the container prints', async () => {
    const [run, detached] = await type('docker run hello-world', 'docker run -d busybox:latest true');
    expect(run!.output).toMatch(/^Unable to find image 'hello-world:latest' locally\nlatest: Pulling from library\/hello-world\n[^]*Status: Downloaded newer image for hello-world:latest\n\nHello from Docker!/);
    expect(detached!.output).toMatch(/^Unable to find image 'busybox:latest' locally\n[^]*\nStatus: Downloaded newer image for busybox:latest\n[0-9a-f]{64}\n$/);
  });

  it('docker attach types into the shell of a -dit container; its exit ends the container', async () => {
    const [, attach, pwd, exit, ps] = await type('docker run -dit --name box busybox sh', 'docker attach box', 'pwd', 'exit 4', 'docker ps -a --format "{{.Names}} {{.Status}}"');
    expect(attach!.attached).toMatch(/^[0-9a-f]{64}$/);
    expect(attach!.prompt).toBe('/ # ');
    expect(pwd!.output).toBe('/\n');
    expect(exit!.attached).toBeNull();
    expect(ps!.output).toMatch(/^box Exited \(4\) /);
  });

  it('exec -it into a detached container keeps it running after exit; unknown host commands say so', async () => {
    const [started] = await type('docker run -dit --name web busybox sh');
    // the pull, then the ID (the detached shell waits on its terminal, Up)
    expect(started!.output).toMatch(/^Unable to find image 'busybox:latest' locally\n[^]*\n[0-9a-f]{64}\n$/);
    const [exec, pwd, cd, exit, ps, nope] = await type('docker exec -it web sh', 'pwd', 'cd /etc', 'exit', 'docker ps', 'foo bar');
    expect(exec!.prompt).toBe('/ # ');
    expect(pwd!.output).toBe('/\n');
    expect(cd!.prompt).toBe('/etc # ');
    expect(exit!.attached).toBeNull();
    expect(ps!.output).toMatch(/ Up .* web\n$/);
    expect(nope!.output).toBe('bash: foo: command not found\n');
    expect(nope!.exitCode).toBe(127);
  });

  it('completes commands, subcommands, flags, images and container paths', async () => {
    expect(await DAEMON_API.terminalComplete('doc')).toEqual(['docker']);
    expect(await DAEMON_API.terminalComplete('docker im')).toEqual(expect.arrayContaining(['image', 'images']));
    expect(await DAEMON_API.terminalComplete('docker run --rm')).toEqual(['--rm']);
    expect(await DAEMON_API.terminalComplete('docker run --r')).toEqual(['--restart', '--rm']);
    // after a pipe, a substitution or sudo: the command there
    expect(await DAEMON_API.terminalComplete('docker images | gr')).toEqual(['grep']);
    expect(await DAEMON_API.terminalComplete('docker rm $(dock')).toEqual(['docker']);
    expect(await DAEMON_API.terminalComplete('docker rm $(docker ps -')).toEqual(expect.arrayContaining(['--all', '--quiet']));
    expect(await DAEMON_API.terminalComplete('sudo docker ima')).toEqual(['image', 'images']);
    expect(await DAEMON_API.terminalComplete('docker ps -q | xargs docker st')).toEqual(expect.arrayContaining(['start', 'stop']));
    await type('docker pull busybox');
    expect(await DAEMON_API.terminalComplete('docker run busy')).toEqual(['busybox:latest']);
    await type('docker run -it busybox sh');
    expect(await DAEMON_API.terminalComplete('ls /et')).toEqual(['/etc/']);
  });

  it('the tomcat walkthrough: copy the webapps, drop the docs, commit with author and message', async () => {
    const [run] = await type('docker run -it tomcat /bin/bash');
    expect(run!.prompt).toBe(`root@${run!.attached!.slice(0, 12)}:/usr/local/tomcat# `);
    const [, cd, , exit] = await type('cp -r webapps.dist/* webapps', 'cd webapps', 'rm -rf docs', 'exit');
    expect(cd!.prompt).toMatch(/:\/usr\/local\/tomcat\/webapps# $/);
    expect(exit!.attached).toBeNull();
    const id = run!.attached!.slice(0, 12);
    const [commit, history] = await type(`docker commit -a="kuangshen" -m="no tomcat docs" ${id} tomcat02:1.1`, 'docker history tomcat02:1.1');
    expect(commit!.exitCode).toBe(0);
    expect(history!.output.split('\n')[1]).toMatch(/^[0-9a-f]{12} +Less than a second ago +\/bin\/bash +\d/);
    const imageId = (await DAEMON_API.imageGraph()).images.find((i) => i.tags.includes('tomcat02:1.1'))!.id;
    const { theDaemon } = await import('../engine.ts');
    const img = (await theDaemon()).state.images.get(imageId)!;
    expect(img.config.author).toBe('kuangshen');
    expect(img.config.history!.at(-1)).toMatchObject({ author: 'kuangshen', comment: 'no tomcat docs' });
    const stack = (await DAEMON_API.layerStack({ imageId }))!;
    const top = (await DAEMON_API.fileTree({ imageId }, stack.layers.length - 1, 'layer'))!;
    const paths = top.rows.map((r) => r.path);
    expect(paths).toContain('/usr/local/tomcat/webapps/ROOT');
    expect(paths).toContain('/usr/local/tomcat/webapps/manager');
    expect(paths.some((p) => p.startsWith('/usr/local/tomcat/webapps/docs'))).toBe(false);
  });
});

describe('the terminal’s size reaches the container’s tty', () => {
  beforeEach(() => {
    resetDaemon(nodeDataSource());
    resetTerminal();
  });
  const at = (line: string, cols: number) => DAEMON_API.terminalRun(line, { rows: 24, cols });

  it('ls in an attached shell lays its columns out for the terminal’s width, and follows a resize', async () => {
    await at('docker run -it busybox sh', 40);
    // busybox ls: 79 or 39 columns (the width less one), every column "home" + 2 wide
    expect((await at('ls /', 40)).output).toBe('bin   etc   proc  sys   usr\ndev   home  root  tmp   var\n');
    expect((await at('ls /', 200)).output).toBe('bin   dev   etc   home  proc  root  sys   tmp   usr   var\n');
    expect((await at('ls / | cat', 200)).output.split('\n')).toHaveLength(11);
  });

  it('run -it with a command, exec -it and exec -t size the tty too', async () => {
    await at('docker pull busybox', 40);
    expect((await at('docker run --rm -it busybox ls /', 40)).output).toBe('bin   etc   proc  sys   usr\ndev   home  root  tmp   var\n');
    await at('docker run -dit --name box busybox sh', 40);
    expect((await at('docker exec -it box ls /', 40)).output).toBe('bin   etc   proc  sys   usr\ndev   home  root  tmp   var\n');
    expect((await at('docker exec -t box ls /', 200)).output).toBe('bin   dev   etc   home  proc  root  sys   tmp   usr   var\n');
  });
});
