/**
 * python3 and node with no script read their program from stdin: closed and empty, they exit
 * 0 silently (Python 3.11 with `< /dev/null`); an open stdin leaves them waiting (running);
 * --version reads the image's PYTHON_VERSION / NODE_VERSION; a real program is not simulated.
 */
import { describe, expect, it } from 'vitest';
import { container, exec } from '../testing/container.ts';

function image(program: string) {
  const fs = container();
  fs.writeFile(`/bin/${program}`, new Uint8Array([0x7f, 0x45, 0x4c, 0x46]));
  fs.chmod(`/bin/${program}`, 0o755);
  return fs;
}

describe('python3 and node as the images start them', () => {
  it('exit 0 at once on a closed, empty stdin; wait on an open one', () => {
    for (const program of ['python3', 'node']) {
      expect(exec([program], { fs: image(program) })).toMatchObject({ exitCode: 0, stdoutText: '', stderrText: '' });
      expect(exec([program], { fs: image(program), stdinOpen: true }).stopped).toBe('waiting-for-input');
    }
  });

  it('print the image’s version', () => {
    expect(exec(['python3', '--version'], { fs: image('python3'), env: { PYTHON_VERSION: '3.11.2' } }).stdoutText).toBe('Python 3.11.2\n');
    expect(exec(['node', '-v'], { fs: image('node'), env: { NODE_VERSION: '20.11.0' } }).stdoutText).toBe('v20.11.0\n');
  });

  it('say that running a program is not simulated (126)', () => {
    const r = exec(['python3', 'app.py'], { fs: image('python3') });
    expect([r.exitCode, r.stderrText]).toEqual([126, 'sh: python3: this command exists in the image but layerlab does not simulate it\n']);
    expect(exec(['node'], { fs: image('node'), stdin: 'console.log(1)\n' }).exitCode).toBe(126);
  });
});
