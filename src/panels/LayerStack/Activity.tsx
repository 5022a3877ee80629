import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { humanSize } from '../../engine/format/size.ts';
import { daemon } from '../../store/stores.ts';
import type { ContainerActivity } from '../../worker/daemon/activity.ts';

const MAX_SHOWN = 12;

/**
 * Copy-on-write made visible: what the last terminal line did to a container's read-write
 * layer. A copied-up file rises from its image layer into the container layer; a deletion
 * drops a whiteout there; a new file appears; `docker rm` collapses the layer away;
 * `docker commit` turns it into a read-only layer. Each item keyed by the daemon revision so
 * the animation plays once per command (and not at all with reduced motion: see the CSS).
 */
export function Activity({ containerId }: { containerId: string | null }) {
  const { t } = useTranslation();
  const activity = useStore(daemon, (s) => s.activity);
  if (!activity) return null;
  const { change, revision } = activity;
  if (change.kind === 'cow' && change.containerId !== containerId) return null;
  return (
    <section className="cow" data-testid="cow-activity" key={revision} aria-live="polite">
      <h3 className="cow-title">{title(change, t)}</h3>
      {change.kind === 'cow' ? (
        <ul className="cow-list">
          {change.events.slice(0, MAX_SHOWN).map((e, i) => (
            <li key={e.path} className={`cow-item cow-${e.kind}`} data-cow={e.kind} data-path={e.path} style={{ animationDelay: `${Math.min(i, 8) * 80}ms` }}>
              <code>{e.kind === 'whiteout' ? `${dirOf(e.path)}.wh.${baseOf(e.path)}` : e.path}</code>
              <span className="cow-note">{t(e.fromLayer === 'init' ? `cow.init.${e.kind}` : `cow.${e.kind}`, { layer: e.fromLayer ?? '?', size: humanSize(e.bytes), path: e.path })}</span>
            </li>
          ))}
          {change.events.length > MAX_SHOWN && <li className="cow-more">{t('cow.more', { count: change.events.length - MAX_SHOWN })}</li>}
        </ul>
      ) : (
        <p className={`cow-item cow-${change.kind}`} data-cow={change.kind} data-path="">
          {change.kind === 'discarded' ? t('cow.discarded', { name: change.name, size: humanSize(change.bytes) }) : t('cow.committed', { name: change.name, image: change.imageId.replace(/^sha256:/, '').slice(0, 12), size: humanSize(change.bytes) })}
        </p>
      )}
      {change.kind === 'cow' && change.events.some((e) => e.kind === 'whiteout') && <p className="stack-note">{t('cow.whiteoutNote')}</p>}
    </section>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function title(change: ContainerActivity, t: T): string {
  if (change.kind === 'cow') return t('cow.title', { name: change.name });
  return change.kind === 'discarded' ? t('cow.discardedTitle') : t('cow.committedTitle');
}

const dirOf = (p: string) => p.slice(0, p.lastIndexOf('/') + 1);
const baseOf = (p: string) => p.slice(p.lastIndexOf('/') + 1);
