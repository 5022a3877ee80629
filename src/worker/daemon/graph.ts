/**
 * The image graph's question to the daemon: every image with its tags (several tags on one ID),
 * how images descend from each other — a local parent (builds, commits) or, for pulled images
 * that carry no parent, a base whose layers are the start of the child's — the containers on
 * each image with their state, and the registries' repositories (Docker Hub and local ones).
 */
import type { Daemon } from '../../engine/runtime/daemon.ts';
import { domainOf, familiarName } from '../../engine/runtime/reference.ts';
import { theDaemon } from '../engine.ts';
import { lastTransfer, type TransferView } from './transfer.ts';

export interface GraphImageView {
  id: string;
  /** Familiar `name:tag` references (`ubuntu:18.04`, `ubuntu:latest`). */
  tags: string[];
  sizeBytes: number;
  created: number;
  /** `created_by` of the newest history entry. */
  createdBy: string;
  /** Untagged with children: a build's intermediate image (`docker images -a` only). */
  intermediate: boolean;
}

export interface GraphEdgeView {
  parent: string;
  child: string;
  /** parent: the image's recorded parent; base: its layers start with the parent's. */
  kind: 'parent' | 'base';
}

export interface GraphContainerView {
  id: string;
  name: string;
  imageId: string;
  status: string;
  command: string;
}

export interface RepositoryView {
  /** Familiar name (`nginx`, `jwilder/nginx-proxy`, `localhost:5000/demo/app`). */
  name: string;
  registry: string;
  official: boolean;
  tags: { tag: string; digest: string; imageId: string }[];
}

export interface GraphView {
  images: GraphImageView[];
  edges: GraphEdgeView[];
  containers: GraphContainerView[];
  repositories: RepositoryView[];
  /** The last pull or push typed in the terminal, layer by layer. */
  lastTransfer: TransferView | null;
}

export interface GraphApi {
  imageGraph(): Promise<GraphView>;
}

const startsWith = (a: readonly string[], prefix: readonly string[]) => prefix.length < a.length && prefix.every((d, i) => a[i] === d);

export function graphOf(d: Daemon): GraphView {
  const images = [...d.state.images.values()];
  const tagsOf = new Map<string, string[]>();
  for (const [ref, id] of d.state.tags) {
    const i = ref.lastIndexOf(':');
    tagsOf.set(id, [...(tagsOf.get(id) ?? []), `${familiarName(ref.slice(0, i))}:${ref.slice(i + 1)}`]);
  }
  const edges: GraphEdgeView[] = [];
  for (const img of images) {
    if (img.parent && d.state.images.has(img.parent)) {
      edges.push({ parent: img.parent, child: img.id, kind: 'parent' });
      continue;
    }
    // A pulled image has no parent: its base is the image with the longest layer chain that starts it.
    const layers = img.config.rootfs.diff_ids;
    let base: (typeof images)[number] | undefined;
    for (const other of images) {
      const ol = other.config.rootfs.diff_ids;
      if (other.id !== img.id && ol.length > 0 && startsWith(layers, ol) && (!base || ol.length > base.config.rootfs.diff_ids.length)) base = other;
    }
    if (base) edges.push({ parent: base.id, child: img.id, kind: 'base' });
  }
  const hasChildren = new Set(edges.map((e) => e.parent));
  const repositories: RepositoryView[] = [];
  for (const [name, repo] of d.state.registry.repositories) {
    if (repo.tags.size === 0) continue;
    const { domain } = domainOf(name);
    repositories.push({
      name: familiarName(name),
      registry: domain,
      official: domain === 'docker.io' && name.startsWith('docker.io/library/'),
      tags: [...repo.tags].map(([tag, m]) => ({ tag, digest: m.digest, imageId: m.imageId })),
    });
  }
  repositories.sort((a, b) => (a.name < b.name ? -1 : 1));
  return {
    images: images.map((img) => ({
      id: img.id,
      tags: tagsOf.get(img.id) ?? [],
      sizeBytes: d.imageSize(img),
      created: img.created,
      createdBy: img.config.history?.at(-1)?.created_by ?? '',
      intermediate: !tagsOf.has(img.id) && hasChildren.has(img.id),
    })),
    edges,
    containers: d.state.containers.map((c) => ({ id: c.id, name: c.name, imageId: c.imageId, status: c.state.status, command: [c.path, ...c.args].join(' ') })),
    repositories,
    lastTransfer: lastTransfer(),
  };
}

export const graphApi: GraphApi = {
  async imageGraph() {
    return graphOf(await theDaemon());
  },
};
