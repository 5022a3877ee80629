/**
 * The runtime against the recorded busybox base, with a tiny fake process runner (the
 * real shell is another module): output formats, state changes and Docker's errors.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { loadSharedBase } from '../base/load-node.ts';
import { installBase } from './bases.ts';
import { dockerCli } from './cli.ts';
import { Daemon } from './daemon.ts';
import { ENGINE_LAYERS } from './engine-layers.ts';
import type { ProcessRequest, ProcessResult, ProcessRunner } from './ports.ts';
import { shlexSplit } from '../../conformance/shlex.ts';

/** Understands just enough commands for these tests: touch, echo, true, cat, sleep, sh -c 'exit N'. */
const FAKE: ProcessRunner = {
  run(req: ProcessRequest): ProcessResult {
    const [cmd, ...args] = req.argv;
    const ok = (stdout = ''): ProcessResult => ({ exitCode: 0, stdout, stderr: '' });
    switch (cmd) {
      case 'touch':
        for (const a of args) req.fs.writeFile(a, new Uint8Array(), { append: true });
        return ok();
      case 'echo':
        return ok(args.join(' ') + '\n');
      case 'true':
        return ok();
      case 'cat':
        return ok(args.map((a) => new TextDecoder().decode(req.fs.readFile(a))).join(''));
      case 'sleep':
        return { ...ok(), durationMs: Number(args[0]) * 1000 };
      case 'sh': {
        const m = /^exit (\d+)$/.exec(args[1] ?? '');
        if (m) return { exitCode: Number(m[1]), stdout: '', stderr: '' };
        return { exitCode: 2, stdout: '', stderr: 'fake runner: unsupported script\n' };
      }
      default:
        return { exitCode: 127, stdout: '', stderr: `fake runner: ${cmd}\n` };
    }
  },
};

let d: Daemon;
const docker = async (line: string) => dockerCli(d, shlexSplit(line).slice(1));
const busybox = loadSharedBase('busybox');

beforeEach(async () => {
  d = new Daemon({ layers: ENGINE_LAYERS, runner: FAKE });
  await installBase(d, busybox);
  d.advance(60_000);
});

describe('run, ps, diff, commit, images, history (the commit-abc walkthrough)', () => {
  it('produces Docker’s tables and IDs', async () => {
    expect(await docker('docker run --name c1 busybox touch /abc.txt')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const ps = (await docker('docker ps -a')).stdout.split('\n');
    expect(ps[0]).toMatch(/^CONTAINER ID   IMAGE     COMMAND            CREATED +STATUS +PORTS     NAMES$/);
    expect(ps[1]).toMatch(/^[0-9a-f]{12}   busybox   "touch \/abc.txt"   Less than a second ago   Exited \(0\) Less than a second ago             c1$/);
    expect((await docker('docker diff c1')).stdout).toBe('A /abc.txt\n');
    const commit = await docker('docker commit c1 me/abc');
    expect(commit.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    const images = (await docker('docker images me/abc')).stdout.split('\n');
    expect(images[0]).toBe('REPOSITORY   TAG       IMAGE ID       CREATED                  SIZE');
    expect(images[1]).toMatch(new RegExp(`^me/abc       latest    ${commit.stdout.slice(7, 19)}   .+ ago   1\\.98MB$`));
    const history = (await docker('docker history me/abc')).stdout.split('\n');
    expect(history[1]).toMatch(/^[0-9a-f]{12}   .* ago\s+touch \/abc.txt\s+0B\s*$/);
    expect(history[2]).toMatch(/^[0-9a-f]{12}   .* ago\s+\/bin\/sh -c #\(nop\)  CMD \["sh"\]\s+0B\s*$/);
    expect(history[3]).toMatch(/^<missing>\s+.* ago\s+\/bin\/sh -c #\(nop\) ADD file:[0-9a-f]+… +1\.98MB\s*$/);
    expect((await docker('docker rm c1')).stdout).toBe('c1\n');
  });

  it('inspect shows commit -m as the image Comment (taken from the last history entry, as dockerd does)', async () => {
    await docker('docker run --name c9 busybox touch /x');
    await docker('docker commit -a kuangshen -m "no tomcat docs" c9 me/x');
    expect((await docker('docker inspect -f "{{.Author}}|{{.Comment}}" me/x')).stdout).toBe('kuangshen|no tomcat docs\n');
  });

  it('rejects a one-character name (exit 125) and a name in use', async () => {
    const r = await docker('docker run --name t busybox true');
    expect(r.exitCode).toBe(125);
    expect(r.stderr).toBe("docker: Error response from daemon: Invalid container name (t), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.\nSee 'docker run --help'.\n");
    await docker('docker run --name xx busybox true');
    const again = await docker('docker run --name xx busybox true');
    expect(again.exitCode).toBe(125);
    expect(again.stderr).toMatch(/^docker: Error response from daemon: Conflict\. The container name "\/xx" is already in use by container "[0-9a-f]{64}"\. You have to remove \(or rename\) that container to be able to reuse that name\.\n/);
  });

  it('maps flag and argument errors to Docker’s texts and exit codes', async () => {
    expect(await docker('docker run --badflag busybox')).toEqual({ stdout: '', stderr: "unknown flag: --badflag\nSee 'docker run --help'.\n", exitCode: 125 });
    const none = await docker('docker run');
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toBe('"docker run" requires at least 1 argument.\nSee \'docker run --help\'.\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun a command in a new container\n');
    const missing = await docker('docker run --rm busybox nosuchcmd');
    expect(missing.exitCode).toBe(127);
    expect(missing.stderr).toContain('exec: "nosuchcmd": executable file not found in $PATH: unknown.');
    const denied = await docker('docker run --rm busybox /etc/passwd');
    expect(denied.exitCode).toBe(126);
    expect((await docker('docker run --rm busybox sh -c "exit 7"')).exitCode).toBe(7);
    expect((await docker('docker run --rm -it busybox true')).stderr).toBe('the input device is not a TTY\n');
  });
});

describe('detached containers, stop, start, rm, logs', () => {
  it('keeps a sleeping container Up until stopped (137 after the timeout)', async () => {
    const run = await docker('docker run -d --name sleeper busybox sleep 1000');
    expect(run.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect((await docker('docker ps')).stdout).toMatch(/Up Less than a second +sleeper/);
    const rm = await docker('docker rm sleeper');
    expect(rm.exitCode).toBe(1);
    expect(rm.stderr).toContain('You cannot remove a running container');
    expect((await docker('docker stop -t 1 sleeper')).stdout).toBe('sleeper\n');
    expect((await docker('docker ps -a')).stdout).toMatch(/Exited \(137\) Less than a second ago +sleeper/);
    expect((await docker('docker ps -q')).stdout).toBe('');
    expect((await docker('docker ps -l -q')).stdout).toBe(run.stdout.slice(0, 12) + '\n');
    expect((await docker('docker start sleeper')).stdout).toBe('sleeper\n');
    expect((await docker('docker rm -f sleeper')).stdout).toBe('sleeper\n');
    expect(await docker('docker rm -f sleeper')).toEqual({ stdout: '', stderr: 'Error: No such container: sleeper\n', exitCode: 0 });
    expect(await docker('docker stop nosuch')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such container: nosuch\n', exitCode: 1 });
  });

  it('replays logs of every start', async () => {
    await docker('docker run --name lg busybox echo out1');
    await docker('docker start lg');
    expect((await docker('docker logs lg')).stdout).toBe('out1\nout1\n');
    expect(await docker('docker logs nosuch')).toEqual({ stdout: '', stderr: 'Error: No such container: nosuch\n', exitCode: 1 });
  });
});

describe('tag, rmi, images', () => {
  it('untags, reports conflicts and deletes released layers by chain ID', async () => {
    await docker('docker tag busybox mybox:1');
    await docker('docker run --name user1 mybox:1 true');
    expect((await docker('docker rmi mybox:1')).stdout).toBe('Untagged: mybox:1\n');
    const conflict = await docker('docker rmi busybox:latest');
    expect(conflict.exitCode).toBe(1);
    expect(conflict.stderr).toMatch(/^Error response from daemon: conflict: unable to remove repository reference "busybox:latest" \(must force\) - container [0-9a-f]{12} is using its referenced image [0-9a-f]{12}\n$/);
    expect(await docker('docker rmi nosuch')).toEqual({ stdout: '', stderr: 'Error: No such image: nosuch\n', exitCode: 1 });
    await docker('docker rm user1');
    await docker('docker run --name c2 busybox touch /x');
    await docker('docker commit c2 layered:1');
    await docker('docker tag layered:1 layered:2');
    expect((await docker('docker rmi layered:1')).stdout).toBe('Untagged: layered:1\n');
    await docker('docker rm c2');
    const removed = (await docker('docker rmi layered:2')).stdout.split('\n');
    expect(removed[0]).toBe('Untagged: layered:2');
    expect(removed[1]).toMatch(/^Deleted: sha256:[0-9a-f]{64}$/);
    expect(removed[2]).toMatch(/^Deleted: sha256:[0-9a-f]{64}$/);
    expect(removed.length).toBe(4);
    expect((await docker('docker images -a')).stdout.split('\n').length).toBe(3);
  });

  it('refuses bad tags with Docker’s wording', async () => {
    expect((await docker('docker tag nosuch x')).stderr).toBe('Error response from daemon: No such image: nosuch:latest\n');
    expect((await docker('docker tag busybox BAD')).stderr).toBe('Error parsing reference: "BAD" is not a valid repository/tag: invalid reference format: repository name must be lowercase\n');
  });
});

describe('inspect --format', () => {
  it('prints Go template values as Docker does', async () => {
    const f = async (fmt: string) => (await dockerCli(d, ['image', 'inspect', 'busybox', '--format', fmt])).stdout;
    expect(await f('{{.Config.Cmd}}')).toBe('[sh]\n');
    expect(await f('{{json .Config.Cmd}}')).toBe('["sh"]\n');
    expect(await f('{{range .Config.Env}}{{.}}|{{end}}')).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin|\n');
    expect(await f('{{.Config.Entrypoint}} {{json .Config.Entrypoint}}')).toBe('[] null\n');
    expect(await f('{{.RepoTags}} {{index .RepoTags 0}} {{len .RootFS.Layers}}')).toBe('[busybox:latest] busybox:latest 1\n');
    const bad = await dockerCli(d, ['image', 'inspect', 'busybox', '--format', '{{.Nope}}']);
    expect(bad).toEqual({ stdout: '\n', stderr: 'template parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"\n', exitCode: 1 });
    expect(await docker('docker inspect nosuch')).toEqual({ stdout: '[]\n', stderr: 'Error: No such object: nosuch\n', exitCode: 1 });
  });
});

describe('commit details', () => {
  it('a container that changed nothing commits an empty layer entry, no new diff ID', async () => {
    await docker('docker run --name same busybox true');
    const id = (await docker('docker commit same nochange')).stdout.trim();
    const layers = (await dockerCli(d, ['image', 'inspect', '--format', '{{len .RootFS.Layers}}', id])).stdout;
    expect(layers).toBe('1\n');
    const history = (await docker('docker history --no-trunc -q nochange')).stdout.split('\n');
    expect(history[0]).toBe(id);
  });

  it('applies --change (CMD, ENV, EXPOSE) and keeps the container command as created_by', async () => {
    await docker('docker run --name web1 busybox touch /f');
    const r = await dockerCli(d, ['commit', '-c', 'CMD ["cat","/f"]', '-c', 'ENV A=1', '-c', 'EXPOSE 80', '-a', 'me', '-m', 'msg', 'web1', 'me/w']);
    expect(r.exitCode).toBe(0);
    const f = async (fmt: string) => (await dockerCli(d, ['image', 'inspect', '--format', fmt, 'me/w'])).stdout;
    expect(await f('{{json .Config.Cmd}} {{json .Config.Env}} {{json .Config.ExposedPorts}} {{.Author}}')).toBe(
      '["cat","/f"] ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","A=1"] {"80/tcp":{}} me\n',
    );
    const bad = await dockerCli(d, ['commit', '-c', 'STOPSIGNAL SIGKILL', 'web1', 'x']);
    expect(bad).toEqual({ stdout: '', stderr: 'Error response from daemon: stopsignal is not a valid change command\n', exitCode: 1 });
    const history = (await docker('docker history me/w')).stdout.split('\n')[1];
    expect(history).toMatch(/touch \/f +0B +msg$/);
  });
});

describe('push and pull against a simulated localhost:5000', () => {
  it('pushes, mounts, pulls with Already exists, and keeps repo digests', async () => {
    d = new Daemon({ layers: ENGINE_LAYERS, runner: FAKE, registries: ['localhost:5000'] });
    await installBase(d, busybox);
    await docker('docker run --name c1 busybox touch /app');
    await docker('docker commit c1 localhost:5000/demo/app:1.0');
    const push = (await docker('docker push localhost:5000/demo/app:1.0')).stdout.split('\n');
    expect(push[0]).toBe('The push refers to repository [localhost:5000/demo/app]');
    expect(push.slice(1, 5).map((l) => l.replace(/^[0-9a-f]{12}: /, ''))).toEqual(['Preparing', 'Preparing', 'Pushed', 'Pushed']);
    expect(push[5]).toMatch(/^1\.0: digest: sha256:[0-9a-f]{64} size: \d+$/);
    const digests = (await docker('docker images --digests localhost:5000/demo/app')).stdout.split('\n');
    expect(digests[0]).toMatch(/^REPOSITORY +TAG +DIGEST +IMAGE ID +CREATED +SIZE$/);
    expect(digests[1]).toContain(push[5].split(' ')[2]);
    await docker('docker tag busybox localhost:5000/library/busybox');
    const mount = (await docker('docker push localhost:5000/library/busybox')).stdout.split('\n');
    expect(mount[0]).toBe('Using default tag: latest');
    expect(mount[3]).toMatch(/^[0-9a-f]{12}: Mounted from demo\/app$/);
    await docker('docker rm c1');
    const rmi = (await docker('docker rmi localhost:5000/demo/app:1.0')).stdout.split('\n');
    expect(rmi[0]).toBe('Untagged: localhost:5000/demo/app:1.0');
    expect(rmi[1]).toMatch(/^Untagged: localhost:5000\/demo\/app@sha256:[0-9a-f]{64}$/);
    const pull = (await docker('docker pull localhost:5000/demo/app:1.0')).stdout.split('\n');
    expect(pull[0]).toBe('1.0: Pulling from demo/app');
    expect(pull.slice(1, 4).map((l) => l.replace(/^[0-9a-f]{12}: /, ''))).toEqual(['Already exists', 'Pulling fs layer', 'Pull complete']);
    expect(pull[5]).toBe('Status: Downloaded newer image for localhost:5000/demo/app:1.0');
    expect(pull[6]).toBe('localhost:5000/demo/app:1.0');
    const again = (await docker('docker pull localhost:5000/demo/app:1.0')).stdout.split('\n');
    expect(again[2]).toBe('Status: Image is up to date for localhost:5000/demo/app:1.0');
    expect((await docker('docker history localhost:5000/demo/app:1.0')).stdout.split('\n')[2]).toMatch(/^<missing>/);
    expect(await docker('docker pull localhost:5000/demo/missing:1')).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: manifest for localhost:5000/demo/missing:1 not found: manifest unknown: manifest unknown\n',
      exitCode: 1,
    });
  });

  it('docker run pulls a missing image first (on stderr) or fails with exit 125', async () => {
    d = new Daemon({ layers: ENGINE_LAYERS, runner: FAKE, registries: ['localhost:5000'] });
    await installBase(d, busybox);
    await docker('docker tag busybox localhost:5000/demo/bb:1');
    await docker('docker push localhost:5000/demo/bb:1');
    await docker('docker rmi localhost:5000/demo/bb:1');
    const run = await docker('docker run --rm localhost:5000/demo/bb:1 echo pulled');
    expect(run.stdout).toBe('pulled\n');
    expect(run.stderr.split('\n').slice(0, 2)).toEqual(["Unable to find image 'localhost:5000/demo/bb:1' locally", '1: Pulling from demo/bb']);
    const missing = await docker('docker run --rm localhost:5000/demo/nosuch:1 true');
    expect(missing.exitCode).toBe(125);
    expect(missing.stderr).toBe(
      "Unable to find image 'localhost:5000/demo/nosuch:1' locally\ndocker: Error response from daemon: manifest for localhost:5000/demo/nosuch:1 not found: manifest unknown: manifest unknown.\nSee 'docker run --help'.\n",
    );
  });
});

describe('Docker Hub from a catalog', () => {
  it('docker run pulls a Hub image on first use, then finds it locally', async () => {
    // tomcat-lite is built FROM busybox: its bottom layer is busybox's (the base loader seeds
    // virtual contents per image, so take busybox's layer object to share it).
    const tomcat = loadSharedBase('tomcat-lite');
    const layers = [busybox.layers[0], ...tomcat.layers.slice(1)];
    const hub = {
      image: async (ref: string) => (ref === 'centos:centos5' ? { tags: ['centos:centos5'], layers, config: tomcat.config } : undefined),
    };
    d = new Daemon({ layers: ENGINE_LAYERS, runner: FAKE, hub });
    await installBase(d, busybox);
    const first = await docker('docker run --rm centos:centos5 true');
    expect(first.exitCode).toBe(0);
    const lines = first.stderr.split('\n');
    expect(lines.slice(0, 2)).toEqual(["Unable to find image 'centos:centos5' locally", 'centos5: Pulling from library/centos']);
    expect(lines.slice(2, 7).map((l) => l.replace(/^[0-9a-f]{12}: /, ''))).toEqual(['Already exists', 'Pulling fs layer', 'Pulling fs layer', 'Pull complete', 'Pull complete']);
    expect(lines[7]).toMatch(/^Digest: sha256:[0-9a-f]{64}$/);
    expect(lines[8]).toBe('Status: Downloaded newer image for centos:centos5');
    expect((await docker('docker run --rm centos:centos5 true')).stderr).toBe('');
    expect((await docker('docker images centos')).stdout).toMatch(/\ncentos +centos5 +[0-9a-f]{12} +.* ago +1\.99MB\n$/);
    const denied = await docker('docker pull nosuch/thing');
    expect(denied.stderr).toBe(
      "Error response from daemon: pull access denied for nosuch/thing, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
    );
  });
});

describe('docker search', () => {
  it('lists Hub repositories like Docker: official plain names, [OK] marks, descriptions cut at 45', async () => {
    const repositories = () => [
      { name: 'centos', description: 'The official build of CentOS.', stars: 7000, official: true, automated: false },
      { name: 'someone/centos-tools', description: 'A long description of tools that runs well past forty-five columns', stars: 3, official: false, automated: true },
      { name: 'ubuntu', description: 'Ubuntu is a Debian-based Linux operating system', stars: 9000, official: true, automated: false },
    ];
    d = new Daemon({ layers: ENGINE_LAYERS, runner: FAKE, hub: { image: async () => undefined, repositories } });
    const r = await docker('docker search centos');
    expect(r.stdout.split('\n')).toEqual([
      'NAME                   DESCRIPTION                                     STARS     OFFICIAL   AUTOMATED',
      'centos                 The official build of CentOS.                   7000      [OK]       ',
      'someone/centos-tools   A long description of tools that runs well p…   3                    [OK]',
      '',
    ]);
    expect((await docker('docker search --filter is-official=true --limit 1 u')).stdout.split('\n')[1]).toMatch(/^ubuntu /);
    const offline = await dockerCli(new Daemon({ layers: ENGINE_LAYERS, runner: FAKE }), ['search', 'x']);
    expect(offline.exitCode).toBe(1);
  });
});

describe('volumes', () => {
  it('names each anonymous volume in Mounts and keeps its contents out of diff and commit', async () => {
    await docker('docker run --name v1 -v /data busybox touch /data/f /g');
    expect((await docker('docker diff v1')).stdout).toBe('A /data\nA /g\n');
    const mounts = JSON.parse((await dockerCli(d, ['inspect', '--format', '{{json .Mounts}}', 'v1'])).stdout);
    expect(mounts).toEqual([expect.objectContaining({ Type: 'volume', Destination: '/data', Name: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    await docker('docker commit v1 me/v');
    const layers = (await dockerCli(d, ['image', 'inspect', '--format', '{{json .Config.Volumes}}', 'me/v'])).stdout;
    expect(layers).toBe('{"/data":{}}\n');
  });
});
