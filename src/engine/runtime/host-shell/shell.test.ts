import { describe, expect, it } from 'vitest';
import type { CommandResult } from '../ports.ts';
import type { DockerCall } from './docker-calls.ts';
import { CLEAR_SCREEN } from './host.ts';
import { HostShell, type HostShellHooks } from './shell.ts';

/** A docker that answers from a table and remembers every call it really made. */
function fakeDocker(answers: Record<string, CommandResult | 'attached'>) {
  const made: DockerCall[] = [];
  const hooks: HostShellHooks = {
    async docker(call) {
      made.push(call);
      return answers[call.argv.join(' ')] ?? { stdout: '', stderr: `docker: '${call.argv[0]}' is not a docker command.\n`, exitCode: 1 };
    },
  };
  return { made, hooks };
}

const ok = (stdout: string): CommandResult => ({ stdout, stderr: '', exitCode: 0 });

describe('the host shell', () => {
  it('substitutes $(docker …) into the next docker command, split into one argument per ID, each docker call made once', async () => {
    const { made, hooks } = fakeDocker({ 'ps -aq': ok('aaa\nbbb\n'), 'rm aaa bbb': ok('aaa\nbbb\n') });
    const r = await new HostShell().run('docker rm $(docker ps -aq)', hooks);
    expect(r).toEqual({ output: 'aaa\nbbb\n', exitCode: 0, suspended: false });
    expect(made.map((c) => c.argv)).toEqual([['ps', '-aq'], ['rm', 'aaa', 'bbb']]);
  });

  it('backticks and "$(…)" too: quoted, the output stays one argument (trailing newlines stripped)', async () => {
    const { made, hooks } = fakeDocker({ 'ps -q': ok('aaa\nbbb\n\n') });
    await new HostShell().run('docker stop `docker ps -q`; docker inspect "$(docker ps -q)"', hooks);
    expect(made.map((c) => c.argv)).toEqual([['ps', '-q'], ['stop', 'aaa', 'bbb'], ['ps', '-q'], ['inspect', 'aaa\nbbb']]);
  });

  it('pipes docker output through the text tools: grep keeps one row, wc counts, awk picks a column', async () => {
    const images = 'REPOSITORY   TAG\nnginx        latest\nbusybox      latest\n';
    const { hooks } = fakeDocker({ images: ok(images) });
    const sh = new HostShell();
    expect((await sh.run('docker images | grep busybox', hooks)).output).toBe('busybox      latest\n');
    expect((await sh.run('docker images | wc -l', hooks)).output).toBe('3\n');
    expect((await sh.run("docker images | awk '{print $1}' | tail -n +2", hooks)).output).toBe('nginx\nbusybox\n');
    expect((await sh.run('docker images | grep redis', hooks)).exitCode).toBe(1);
  });

  it('sudo docker … runs docker (the simulated host asks for no password)', async () => {
    const { made, hooks } = fakeDocker({ ps: ok('CONTAINER ID\n') });
    expect((await new HostShell().run('sudo docker ps', hooks)).output).toBe('CONTAINER ID\n');
    expect(made.map((c) => c.argv)).toEqual([['ps']]);
  });

  it('xargs runs docker for what it reads (GNU xargs runs it once even for no input)', async () => {
    const { made, hooks } = fakeDocker({ 'ps -q': ok('aaa\nbbb\n'), 'stop aaa bbb': ok('aaa\nbbb\n') });
    const r = await new HostShell().run('docker ps -q | xargs docker stop', hooks);
    expect(r.output).toBe('aaa\nbbb\n');
    expect(made.map((c) => c.argv)).toEqual([['ps', '-q'], ['stop', 'aaa', 'bbb']]);
  });

  it('; && || and $? as in bash: false && docker ps runs nothing, a failed docker command runs the || side', async () => {
    const { made, hooks } = fakeDocker({ ps: ok('CONTAINER ID\n') });
    const sh = new HostShell();
    expect(await sh.run('false && docker ps', hooks)).toEqual({ output: '', exitCode: 1, suspended: false });
    expect(made).toEqual([]);
    expect((await sh.run('echo $?', hooks)).output).toBe('1\n');
    expect((await sh.run('docker nope || echo failed $?; docker ps && echo ok', hooks)).output).toBe("docker: 'nope' is not a docker command.\nfailed 1\nCONTAINER ID\nok\n");
  });

  it('keeps both streams in the order written, on the terminal and through 2>&1', async () => {
    const pull: CommandResult = { stdout: 'hello\n', stderr: 'Pulling\n', exitCode: 0, combined: 'Pulling\nhello\n' };
    const { hooks } = fakeDocker({ 'run hello': pull, 'rm x': { stdout: '', stderr: 'Error: No such container: x\n', exitCode: 1 } });
    const sh = new HostShell();
    expect((await sh.run('echo before; docker run hello; echo after', hooks)).output).toBe('before\nPulling\nhello\nafter\n');
    expect((await sh.run('docker rm x 2>&1 | tr a-z A-Z', hooks)).output).toBe('ERROR: NO SUCH CONTAINER: X\n');
    expect((await sh.run('docker rm x 2>/dev/null; echo $?', hooks)).output).toBe('1\n');
  });

  it('keeps variables and files between lines: CID=$(docker run -d …) then docker stop $CID', async () => {
    const { made, hooks } = fakeDocker({ 'run -d nginx': ok('abc123\n'), 'stop abc123': ok('abc123\n'), images: ok('nginx\n') });
    const sh = new HostShell();
    expect((await sh.run('CID=$(docker run -d nginx)', hooks)).output).toBe('');
    expect((await sh.run('docker stop $CID', hooks)).output).toBe('abc123\n');
    await sh.run('docker images > images.txt', hooks);
    expect((await sh.run('cat images.txt; pwd', hooks)).output).toBe('nginx\n/home/layerlab\n');
    expect(made.map((c) => c.argv.join(' '))).toEqual(['run -d nginx', 'stop abc123', 'images']);
  });

  it('a for loop over docker ps -q stops each container', async () => {
    const { made, hooks } = fakeDocker({ 'ps -q': ok('a\nb\n'), 'stop a': ok('a\n'), 'stop b': ok('b\n') });
    const r = await new HostShell().run('for c in $(docker ps -q); do docker stop $c; done', hooks);
    expect(r.output).toBe('a\nb\n');
    expect(made.map((c) => c.argv.join(' '))).toEqual(['ps -q', 'stop a', 'stop b']);
  });

  it('says command not found in bash’s words (127), and bad syntax as bash does (2)', async () => {
    const { made, hooks } = fakeDocker({});
    const sh = new HostShell();
    expect(await sh.run('foo bar', hooks)).toEqual({ output: 'bash: foo: command not found\n', exitCode: 127, suspended: false });
    expect((await sh.run('docker ps | nosuch', hooks)).output).toContain('bash: nosuch: command not found\n');
    expect(await sh.run('docker ps &&', hooks)).toEqual({ output: 'bash: syntax error: unexpected end of file\n', exitCode: 2, suspended: false });
    expect((await sh.run('; docker ps', hooks)).output).toBe("bash: syntax error near unexpected token `;'\n");
    expect((await sh.run('docker images >', hooks)).output).toBe("bash: syntax error near unexpected token `newline'\n");
    expect((await sh.run("echo 'abc", hooks)).output).toBe("bash: unexpected EOF while looking for matching `''\n");
    expect((await sh.run('docker rm $(docker ps -q', hooks)).output).toBe("bash: unexpected EOF while looking for matching `)'\n");
    expect((await sh.run('echo $?', hooks)).output).toBe('2\n');
    expect(made.map((c) => c.argv.join(' '))).toEqual(['ps']);
  });

  it('clear writes the terminal’s clear-screen sequence; echo, which and a runaway loop behave', async () => {
    const { hooks } = fakeDocker({});
    const sh = new HostShell();
    expect((await sh.run('clear', hooks)).output).toBe(CLEAR_SCREEN);
    expect((await sh.run('which docker grep', hooks)).output).toBe('/usr/bin/docker\n/usr/bin/grep\n');
    expect((await sh.run('sudo nosuch; echo $?', hooks)).output).toBe('sudo: nosuch: command not found\n1\n');
    expect((await sh.run('while true; do :; done', hooks)).output).toMatch(/^bash: layerlab: stopped after \d+ steps/);
  });

  it('docker run -it on the terminal suspends the line; the rest runs when the attached shell exits', async () => {
    const { made, hooks } = fakeDocker({ 'pull busybox': ok('pulled\n'), 'run -it busybox sh': 'attached' });
    const sh = new HostShell();
    const first = await sh.run('docker pull busybox && docker run -it busybox sh; echo status $?', hooks);
    expect(first).toEqual({ output: 'pulled\n', exitCode: 0, suspended: true });
    expect(sh.waiting).toBe(true);
    expect(made.at(-1)).toEqual({ argv: ['run', '-it', 'busybox', 'sh'], stdin: '', terminal: true, onTerminal: true });
    expect(await sh.resume(3)).toEqual({ output: 'status 3\n', exitCode: 0, suspended: false });
    expect(sh.waiting).toBe(false);
    expect(made).toHaveLength(2);
  });

  it('docker run -i reads a pipe; -it into a pipe does not attach', async () => {
    const { made, hooks } = fakeDocker({ 'run -i busybox sh': ok('hi\n'), 'run -it busybox sh': ok('') });
    const sh = new HostShell();
    expect((await sh.run("echo 'echo hi' | docker run -i busybox sh", hooks)).output).toBe('hi\n');
    await sh.run('docker run -it busybox sh | cat', hooks);
    expect(made).toEqual([
      { argv: ['run', '-i', 'busybox', 'sh'], stdin: 'echo hi\n', terminal: false },
      { argv: ['run', '-it', 'busybox', 'sh'], stdin: '', terminal: false },
    ]);
  });
});
