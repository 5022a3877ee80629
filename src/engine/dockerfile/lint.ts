/**
 * Warnings: Dockerfiles that build, but not the way their author probably expects.
 */
import { diagnostic, type Diagnostic } from './diagnostic.ts';
import type { AddInstruction, Instruction, RunInstruction, Stage } from './instructions.ts';

const OVERRIDDEN: readonly Instruction['kind'][] = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'];

/** Only the last CMD / ENTRYPOINT / HEALTHCHECK of a stage takes effect. */
function overridden(stage: Stage, out: Diagnostic[]): void {
  for (const kind of OVERRIDDEN) {
    const all = stage.instructions.filter((i) => i.kind === kind);
    for (const inst of all.slice(0, -1)) {
      out.push(diagnostic('multiple-instructions', inst.node.keywordRange, { instruction: kind, line: inst.range.start.line }));
    }
  }
}

const APT_UPDATE = /^(?:sudo\s+)?apt(?:-get)?(?:\s+-\S+)*\s+update(?:\s+-\S+)*\s*;?$/;

/** `RUN apt-get update` on its own: the package list is cached apart from the install that needs it. */
export function isAptUpdateAlone(run: RunInstruction): boolean {
  if (run.heredocs.length > 0) return false;
  const text = run.command.form === 'shell' ? run.command.command : run.command.args.join(' ');
  return APT_UPDATE.test(text.trim());
}

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i;
const ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|gz|bz2|xz)$/i;

/**
 * ADD whose every source is a plain local path: COPY would do the same. (ADD unpacks local
 * archives by content, so names that look like archives, variables and URLs are left alone.)
 */
export function addCouldBeCopy(add: AddInstruction): boolean {
  if (add.heredocs.length > 0 || add.checksum !== null || add.keepGitDir) return false;
  return add.sources.every((s) => !REMOTE.test(s) && !ARCHIVE.test(s) && !s.includes('$'));
}

function each(inst: Instruction, out: Diagnostic[]): void {
  switch (inst.kind) {
    case 'MAINTAINER':
      out.push(diagnostic('maintainer-deprecated', inst.node.keywordRange, { value: inst.maintainer }));
      break;
    case 'ENTRYPOINT':
      if (inst.command.form === 'shell') out.push(diagnostic('entrypoint-shell-form', inst.range));
      break;
    case 'RUN':
      if (isAptUpdateAlone(inst)) out.push(diagnostic('apt-get-update-alone', inst.range));
      break;
    case 'ADD':
      if (addCouldBeCopy(inst)) out.push(diagnostic('add-instead-of-copy', inst.node.keywordRange));
      break;
    default:
      break;
  }
}

export function lintStages(stages: readonly Stage[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const stage of stages) {
    overridden(stage, out);
    for (const inst of stage.instructions) each(inst, out);
  }
  return out;
}
