/** The importer's public face (see README.md). */
export { importArchive, importMembers, type ImportOptions } from './import.ts';
export type { ImportedArchive, ImportedImage, ImportedLayer, ImportProgress } from './image.ts';
export { DEFAULT_IMPORT_LIMITS, describeLimits, ImportAborted, ImportError, type ImportLimits } from './errors.ts';
export type { TarLayerRecord } from './layer.ts';
export type { ArchiveMembers, ArchiveSource } from './members.ts';
export { readableChunks } from './stream.ts';
