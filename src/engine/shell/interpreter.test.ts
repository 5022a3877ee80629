import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRegistry } from './commands/index.ts';
import { shellQuote } from './quote.ts';
import { container, exec, sh } from './testing/container.ts';

describe('interpreter', () => {
  it('runs line by line: lines before a syntax error have run', () => {
    const r = sh('echo first > /f\necho "oops');
    expect(r.stderrText).toBe('sh: syntax error: unterminated quoted string\n');
    expect(r.exitCode).toBe(2);
    expect(r.fs.dockerDiff()).toEqual(['A /f']);
  });

  it('keeps stdout and stderr apart', () => {
    const r = sh('echo out; echo err >&2; ls /nope; echo out2');
    expect(r.stdoutText).toBe('out\nout2\n');
    expect(r.stderrText).toBe('err\nls: /nope: No such file or directory\n');
  });

  it('expands here-documents, with quoted delimiters kept literal', () => {
    const r = sh('cat <<EOF\nhome $HOME $(echo x)\nEOF\ncat <<-"E"\n\t$HOME\n\tE\n');
    expect(r.stdoutText).toBe('home /root x\n$HOME\n');
  });

  it('creates redirection targets in the container layer, and /dev/null in none', () => {
    const r = sh('echo a > /out; echo b >> /out; echo c > /dev/null; cat /out');
    expect(r.stdoutText).toBe('a\nb\n');
    expect(r.fs.dockerDiff()).toEqual(['A /out']);
  });

  it('stops a runaway loop after the step budget with a clear message', () => {
    const r = sh('while :; do :; done; echo never', { stepBudget: 1000 });
    expect(r.exitCode).toBe(124);
    expect(r.stopped).toBe('step-budget');
    expect(r.stderrText).toBe('sh: layerlab: stopped after 1000 steps (a runaway loop?)\n');
  });

  it('ends an endless writer in a pipe like SIGPIPE', () => {
    expect(sh('yes | head -n 2; echo "${?}"').stdoutText).toBe('y\ny\n0\n');
  });

  it('stops an endless writer into a file at the output limit', () => {
    const r = sh('yes > /y; echo never');
    expect([r.exitCode, r.stopped, r.stdoutText]).toEqual([124, 'output-limit', '']);
    expect(r.stderrText).toBe('sh: layerlab: stopped: the output is larger than the simulator keeps\n');
  });

  it('set -o pipefail, also as `bash -o pipefail -c` (a SHELL instruction)', () => {
    expect(sh('false | true; echo $?; set -o pipefail; false | true; echo $?; true | true; echo $?').stdoutText).toBe('0\n1\n0\n');
    const r = exec(['/bin/sh', '-o', 'pipefail', '-e', '-c', 'ls /nope | cat; echo unreached']);
    expect([r.stdoutText, r.exitCode]).toEqual(['', 1]);
  });

  it('runs set -e only outside conditions', () => {
    expect(sh('set -e; if false; then :; fi; false || true; ! true; echo alive; false; echo dead').stdoutText).toBe('alive\n');
  });

  it('says which commands are missing, and which exist but are not simulated', () => {
    const r = sh('nosuch; echo $?; bc 1; echo $?');
    expect(r.stdoutText).toBe('127\n126\n');
    expect(r.stderrText).toBe('sh: nosuch: not found\nsh: bc: this command exists in the image but layerlab does not simulate it\n');
  });

  it('runs shell scripts from the image, with or without #!', () => {
    const fs = container();
    sh('printf "#!/bin/sh\\necho hi \\$1\\n" > /a.sh; echo "echo plain" > /b.sh; chmod 755 /a.sh /b.sh', { fs });
    expect(sh('/a.sh x; /b.sh; sh /a.sh y', { fs }).stdoutText).toBe('hi x\nplain\nhi y\n');
  });

  it('exec form: reports a program that cannot start instead of printing', () => {
    expect(exec(['nosuch']).startError).toEqual({ reason: 'not-found', path: 'nosuch' });
    expect(exec(['/etc/passwd']).startError).toEqual({ reason: 'permission-denied', path: '/etc/passwd' });
    const r = exec(['sh', '-c', 'echo $0 $1', 'name', 'arg']);
    expect([r.stdoutText, r.exitCode]).toEqual(['name arg\n', 0]);
  });

  it('finds package-manager programs through the registry, but only when on PATH', () => {
    const commands = defaultRegistry().with({ 'apt-get': (ctx) => (ctx.stdout.write(`apt ${ctx.argv.slice(1).join(' ')}\n`), 0) });
    const fs = container();
    expect(sh('apt-get update', { fs, commands }).stderrText).toBe('sh: apt-get: not found\n');
    sh('mkdir -p /usr/bin; printf "\\177ELF" > /usr/bin/apt-get; chmod 755 /usr/bin/apt-get', { fs });
    expect(sh('apt-get update', { fs, commands }).stdoutText).toBe('apt update\n');
  });

  it('quotes any word so that the shell reads it back unchanged (xtrace, set)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', "'", '"', '$', '`', '\\', '*', '\n', 'é', ';', '|') }), (s) => {
        expect(sh(`printf %s ${shellQuote(s)}`).stdoutText).toBe(s);
      }),
      { numRuns: 60 },
    );
  });

  it('answers the curl/wget hook from the package catalog, and fails clearly without it', () => {
    const fetch = (url: string) => (url === 'https://example.com/a' ? new TextEncoder().encode('content\n') : undefined);
    const r = sh('wget -q -O /a https://example.com/a; cat /a; wget https://other.org/b', { fetch });
    expect(r.stdoutText).toBe('content\n');
    expect(r.stderrText).toBe("wget: bad address 'other.org' (layerlab: no network in the simulator)\n");
  });
});
