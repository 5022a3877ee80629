import type { PackageSetData } from '../../images/format.ts';
import type { CommandFn } from '../command.ts';
import { apkCommand } from './apk.ts';
import { aptCommand } from './apt.ts';
import { yumCommand } from './yum.ts';

/**
 * The package managers for an image's package set (ImageData.packages, loaded with
 * ImageCatalog.packages before the run): add them to the shell with
 * `registry.with(packageManagers(set))`. The shell only runs them when the image has the
 * program on PATH (/usr/bin/apt-get…), like any other command.
 */
export function packageManagers(set: PackageSetData): Record<string, CommandFn> {
  switch (set.manager) {
    case 'apt':
      return { 'apt-get': aptCommand(set, 'apt-get'), apt: aptCommand(set, 'apt') };
    case 'yum':
      return { yum: yumCommand(set, 'yum') };
    case 'dnf':
      return { dnf: yumCommand(set, 'dnf'), yum: yumCommand(set, 'dnf') };
    case 'apk':
      return { apk: apkCommand(set) };
    default:
      return {};
  }
}
