/**
 * `layerlab catalog [IMAGE]`: the base image catalog (src/engine/images). Without an
 * image: every image with its tags, layer count, size and the figure it models; with one:
 * its history (as `docker history` rows, newest first) and its layers with their sources.
 */
import type { CliCommand } from './command.ts';
import { ImageCatalog } from '../engine/images/catalog.ts';
import { nodeDataSource } from '../engine/images/source.node.ts';
import { humanSize } from '../engine/format/size.ts';
import { dockerTable } from '../engine/format/tabwriter.ts';

const USAGE = 'catalog [IMAGE]';

export const catalogCommand: CliCommand = {
  name: 'catalog',
  summary: 'List the base image catalog (sizes, figures and their sources), or one image’s history and layers.',
  usage: USAGE,
  async run(args, io) {
    if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
      io.err(`Usage: layerlab ${USAGE}\n`);
      return 2;
    }
    const catalog = await ImageCatalog.open(nodeDataSource());
    if (!args.length) {
      const rows = catalog.images.map((i) => [i.tags.join(','), String(i.layers.length), humanSize(i.size), i.figure.size, i.figure.source]);
      io.out(dockerTable([['TAGS', 'LAYERS', 'SIZE', 'FIGURE', 'SOURCE'], ...rows]));
      return 0;
    }
    const img = catalog.find(args[0]!);
    if (!img) {
      io.err(`layerlab catalog: no image ${JSON.stringify(args[0])}; run \`layerlab catalog\` for the list\n`);
      return 1;
    }
    const sizes = img.layers.map((id) => catalog.info(id)?.size);
    let layer = img.layers.length;
    const history = [...img.history].reverse().map((h) => {
      const size = h.empty_layer ? 0 : sizes[--layer];
      return [h.created_by, size === undefined ? '' : humanSize(size)];
    });
    io.out(`${img.tags.join(', ')}: ${humanSize(img.size)} (${img.size} bytes), figure ${img.figure.size} from ${img.figure.source}\n\n`);
    io.out(dockerTable([['CREATED BY', 'SIZE'], ...history]));
    io.out('\n');
    io.out(dockerTable([['LAYER', 'SIZE', 'ENTRIES', 'SOURCE'], ...img.layers.map((id) => {
      const i = catalog.info(id);
      return [id, i ? humanSize(i.size) : '', i ? String(i.entries) : '', i?.source ?? ''];
    })]));
    for (const n of img.notes) io.out(`\n${n}`);
    io.out('\n');
    return 0;
  },
};
