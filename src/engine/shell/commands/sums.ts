/**
 * md5sum, sha1sum, sha256sum, sha512sum: real digests of the file bytes (@noble/hashes,
 * synchronous, as a program runs), `HASH  NAME` per file (`-` for stdin), and `-c` checking
 * a list with `-s` (silent) and `-w` (warn about bad lines). busybox's wording and statuses
 * are checked against busybox 1.35 in Docker (conformance/cases/checksums); like busybox,
 * `-c` compares the hash text as it is, whatever tool wrote the list. On GNU images the
 * messages follow coreutils' md5sum.c (not recorded: the oracle has no GNU image).
 */
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { FsError } from '../../fs/ops.ts';
import type { CommandContext, CommandFn } from '../command.ts';
import { errnoText, lines, options, readOperand } from './util.ts';

type Hash = (bytes: Uint8Array) => Uint8Array;

/** busybox's words for a file it cannot hash: it opens, then reads (a directory fails to read). */
function cannotHash(ctx: CommandContext, name: string, e: FsError): string {
  if (ctx.flavour === 'gnu') return `${ctx.name}: ${name}: ${errnoText(e)}\n`;
  return `${ctx.name}: can't ${e.code === 'EISDIR' ? 'read' : 'open'} '${name}': ${errnoText(e)}\n`;
}

function hashOf(ctx: CommandContext, hash: Hash, name: string): string | FsError {
  try {
    return bytesToHex(hash(readOperand(ctx, name)));
  } catch (e) {
    if (e instanceof FsError) return e;
    throw e;
  }
}

function check(ctx: CommandContext, hash: Hash, list: string, silent: boolean, warn: boolean): number {
  let data: Uint8Array;
  try {
    data = readOperand(ctx, list);
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    ctx.stderr.write(cannotHash(ctx, list, e));
    return 1;
  }
  let total = 0;
  let failed = 0;
  let badLines = 0;
  for (const line of lines(data)) {
    ctx.step();
    total++;
    let at = line.indexOf('  ');
    if (at < 0) at = line.indexOf(' *');
    if (at < 0) {
      if (warn) ctx.stderr.write(`${ctx.name}: invalid format\n`);
      // busybox counts a bad line as a mismatch; GNU counts it apart.
      if (ctx.flavour === 'gnu') badLines++;
      else failed++;
      continue;
    }
    const name = line.slice(at + 2);
    const got = hashOf(ctx, hash, name);
    const ok = typeof got === 'string' && got === line.slice(0, at);
    if (typeof got !== 'string') ctx.stderr.write(cannotHash(ctx, name, got));
    if (!silent) ctx.stdout.write(`${name}: ${ok ? 'OK' : 'FAILED'}\n`);
    if (!ok) failed++;
  }
  if (ctx.flavour === 'gnu') {
    // coreutils md5sum.c: its own wording, singular or plural.
    if (badLines === total) {
      ctx.stderr.write(`${ctx.name}: ${list}: no properly formatted checksum lines found\n`);
      return 1;
    }
    if (!silent && badLines) ctx.stderr.write(`${ctx.name}: WARNING: ${badLines} ${badLines === 1 ? 'line is' : 'lines are'} improperly formatted\n`);
    if (!silent && failed) ctx.stderr.write(`${ctx.name}: WARNING: ${failed} computed ${failed === 1 ? 'checksum' : 'checksums'} did NOT match\n`);
    return failed || badLines ? 1 : 0;
  }
  if (failed && !silent) ctx.stderr.write(`${ctx.name}: WARNING: ${failed} of ${total} computed checksums did NOT match\n`);
  return failed ? 1 : 0;
}

function sum(hash: Hash): CommandFn {
  return (ctx) => {
    // -b and -t (binary, text) change nothing on Linux.
    const o = options(ctx, 'bcstw', { binary: 'b', check: 'c', status: 's', text: 't', warn: 'w', quiet: 's' });
    if (!o) return 1;
    const operands = o.operands.length ? o.operands : ['-'];
    let status = 0;
    for (const name of operands) {
      if (o.flags.has('c')) {
        status |= check(ctx, hash, name, o.flags.has('s'), o.flags.has('w'));
        continue;
      }
      const got = hashOf(ctx, hash, name);
      if (typeof got === 'string') ctx.stdout.write(`${got}  ${name}\n`);
      else {
        ctx.stderr.write(cannotHash(ctx, name, got));
        status = 1;
      }
    }
    return status;
  };
}

export const md5sum = sum(md5);
export const sha1sum = sum(sha1);
export const sha256sum = sum(sha256);
export const sha512sum = sum(sha512);
