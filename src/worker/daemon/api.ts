/**
 * Everything the build worker exposes: one simulated daemon, many questions. Each area adds its
 * own methods in its own module and one line here (its interface in the type, its object in
 * `DAEMON_API`): builds (issue 8), layers and files (issue 9), the terminal and image graph
 * (issue 10), import and export (issue 12). Methods that change the daemon raise the revision
 * (`bumpRevision`) and return it, so the UI's daemon store can advance.
 */
import type { BuildApi } from '../protocol.ts';
import { archivesApi, type ArchivesApi } from './archives.ts';
import { buildApi } from './build.ts';
import { compareApi, type CompareApi } from './compare.ts';
import { filesApi, type FilesApi } from './files.ts';
import { graphApi, type GraphApi } from './graph.ts';
import { layersApi, type LayersApi } from './layers.ts';
import { lessonsApi, type LessonsApi } from './lessons.ts';
import { terminalApi, type TerminalApi } from './terminal.ts';
import { undoApi, type UndoApi } from './undo.ts';

export type DaemonApi = BuildApi & LayersApi & FilesApi & TerminalApi & GraphApi & ArchivesApi & CompareApi & LessonsApi & UndoApi;

export const DAEMON_API: DaemonApi = {
  ...buildApi,
  ...layersApi,
  ...filesApi,
  ...terminalApi,
  ...graphApi,
  ...archivesApi,
  ...compareApi,
  ...lessonsApi,
  ...undoApi,
};
