/**
 * What busybox ash prints when it starts interactive (stdin a terminal, no -c, no script):
 * recorded from Debian's busybox-static 1.35, the busybox of the base images
 * (conformance/cases/detach-stdin: `docker logs` of `docker run -dit busybox sh`). Alpine
 * builds busybox with FEATURE_SH_EXTRA_QUIET, which leaves the banner out
 * (`docker run -it alpine sh` shows only the prompt).
 */
import type { FsOps } from '../fs/ops.ts';

const BANNER = "\n\nBusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) built-in shell (ash)\nEnter 'help' for a list of built-in commands.\n\n";

/** The banner of the image's busybox ash ('' for Alpine's). */
export function ashBanner(fs: FsOps): string {
  try {
    return fs.exists('/etc/alpine-release') ? '' : BANNER;
  } catch {
    return BANNER;
  }
}
