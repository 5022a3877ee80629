/**
 * The hello-world image's `/hello`: a static binary whose whole program is
 * `write(1, message, sizeof(message) - 1)` with `message` its only read-only data
 * (docker-library/hello-world hello.c). Simulated by doing just that on the real binary:
 * the ELF file's `.rodata` section up to its NUL is what it writes.
 */
import type { CommandFn, CommandContext } from '../command.ts';

/** The bytes of the ELF64 section `name`, or undefined if the file is not such an ELF. */
export function elfSection(bytes: Uint8Array, name: string): Uint8Array | undefined {
  if (bytes.length < 64 || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) return undefined;
  if (bytes[4] !== 2 || bytes[5] !== 1) return undefined; // ELFCLASS64, little-endian
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shoff = Number(view.getBigUint64(0x28, true));
  const shentsize = view.getUint16(0x3a, true);
  const shnum = view.getUint16(0x3c, true);
  const shstrndx = view.getUint16(0x3e, true);
  if (shentsize < 0x40 || shstrndx >= shnum || shoff + shnum * shentsize > bytes.length) return undefined;
  const header = (i: number) => {
    const at = shoff + i * shentsize;
    return { name: view.getUint32(at, true), offset: Number(view.getBigUint64(at + 0x18, true)), size: Number(view.getBigUint64(at + 0x20, true)) };
  };
  const strings = header(shstrndx);
  if (strings.offset + strings.size > bytes.length) return undefined;
  const nameAt = (off: number) => {
    const start = strings.offset + off;
    const end = bytes.indexOf(0, start);
    return new TextDecoder().decode(bytes.subarray(start, end < 0 ? strings.offset + strings.size : end));
  };
  for (let i = 0; i < shnum; i++) {
    const h = header(i);
    if (nameAt(h.name) === name) return h.offset + h.size <= bytes.length ? bytes.subarray(h.offset, h.offset + h.size) : undefined;
  }
  return undefined;
}

function executablePath(ctx: CommandContext): string | undefined {
  const invoked = ctx.argv[0] ?? '';
  if (invoked.includes('/')) return ctx.path(invoked);
  for (const dir of (ctx.env.PATH ?? '').split(':')) {
    const candidate = ctx.path(`${dir || '.'}/${invoked}`);
    if (ctx.fs.exists(candidate)) return candidate;
  }
  return undefined;
}

export const hello: CommandFn = (ctx) => {
  const path = executablePath(ctx);
  const content = path ? ctx.fs.readContent(path) : undefined;
  const rodata = content?.kind === 'bytes' ? elfSection(content.bytes, '.rodata') : undefined;
  if (!rodata) {
    ctx.stderr.write(`sh: ${ctx.argv[0]}: this command exists in the image but layerlab does not simulate it\n`);
    return 126;
  }
  const end = rodata.indexOf(0);
  ctx.stdout.write(rodata.subarray(0, end < 0 ? rodata.length : end));
  return 0;
};
