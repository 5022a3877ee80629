/**
 * curl and wget. The simulator has no network: a URL is only reachable when the package
 * catalog provides its content through the `fetch` hook of runShell; otherwise the tool
 * fails as it would without DNS, and says why.
 */
import type { CommandContext, CommandFn } from '../command.ts';
import { fail } from './util.ts';

const NO_NETWORK = 'layerlab: no network in the simulator';

function host(url: string): string {
  return /^[a-z]+:\/\/([^/:]+)/i.exec(url)?.[1] ?? url;
}

function fetchUrl(ctx: CommandContext, url: string): Uint8Array | undefined {
  return ctx.fetch?.(url);
}

export const curl: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  let output: string | undefined;
  let remoteName = false;
  let silent = false;
  let showError = false;
  const urls: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '-o' || a === '--output') output = args[++k];
    else if (a === '-O' || a === '--remote-name') remoteName = true;
    else if (['-H', '-X', '-d', '--data', '-u', '-A', '-e', '--retry', '-m', '--max-time', '--connect-timeout', '-w'].includes(a)) k++;
    else if (a.startsWith('--')) continue;
    else if (a.startsWith('-')) {
      for (const c of a.slice(1)) {
        if (c === 's') silent = true;
        if (c === 'S') showError = true;
        if (c === 'O') remoteName = true;
        if (c === 'o') output = args[++k];
      }
    } else urls.push(a);
  }
  if (urls.length === 0) {
    ctx.stderr.write("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  for (const url of urls) {
    const data = fetchUrl(ctx, url);
    if (!data) {
      if (!silent || showError) ctx.stderr.write(`curl: (6) Could not resolve host: ${host(url)} (${NO_NETWORK})\n`);
      return 6;
    }
    const target = output ?? (remoteName ? url.replace(/[?#].*$/, '').split('/').pop() || 'index.html' : undefined);
    if (target) ctx.fs.writeFile(ctx.path(target), data, { mode: 0o666 & ~ctx.umask });
    else ctx.stdout.write(data);
  }
  return 0;
};

export const wget: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  let output: string | undefined;
  let quiet = false;
  const urls: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '-O') output = args[++k];
    else if (a.startsWith('-O') && a.length > 2) output = a.slice(2);
    else if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-qO' || a === '-qO-') {
      quiet = true;
      output = a === '-qO-' ? '-' : args[++k];
    } else if (a === '-P' || a === '-T' || a === '-U' || a === '--header') k++;
    else if (!a.startsWith('-')) urls.push(a);
  }
  if (urls.length === 0) {
    fail(ctx, 'missing URL');
    return 1;
  }
  for (const url of urls) {
    const data = fetchUrl(ctx, url);
    if (!data) {
      if (ctx.flavour === 'busybox') ctx.stderr.write(`wget: bad address '${host(url)}' (${NO_NETWORK})\n`);
      else ctx.stderr.write(`wget: unable to resolve host address '${host(url)}' (${NO_NETWORK})\n`);
      return ctx.flavour === 'busybox' ? 1 : 4;
    }
    const target = output ?? (url.replace(/[?#].*$/, '').split('/').pop() || 'index.html');
    if (target === '-') ctx.stdout.write(data);
    else ctx.fs.writeFile(ctx.path(target), data, { mode: 0o666 & ~ctx.umask });
    if (!quiet && target !== '-') ctx.stderr.write(`Connecting to ${host(url)}\nsaving to '${target}'\n'${target}' saved\n`);
  }
  return 0;
};
