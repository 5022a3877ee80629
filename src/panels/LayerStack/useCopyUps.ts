import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { humanSize } from '../../engine/format/size.ts';
import { daemon } from '../../store/stores.ts';
import { motionMs } from '../motion.ts';
import { clearCopyUps, flyCopyUps, markCommitted } from './copyUp.ts';

/**
 * Plays the last terminal line's copy-ups on the drawn stack of the container they happened
 * in, or marks the layer a `docker commit` made on the new image's stack, once per command
 * (keyed by the daemon revision that reported them).
 */
export function useCopyUps(list: RefObject<HTMLOListElement | null>, containerId: string | null, imageId: string | null): void {
  const { t } = useTranslation();
  const activity = useStore(daemon, (s) => s.activity);
  const played = useRef(-1);
  useEffect(() => {
    const root = list.current;
    if (!root) return;
    if (activity?.change.kind === 'committed' && activity.change.imageId === imageId) {
      if (activity.revision !== played.current && markCommitted(root)) played.current = activity.revision;
      return;
    }
    if (!activity || activity.change.kind !== 'cow' || activity.change.containerId !== containerId) {
      if (activity && activity.revision !== played.current) clearCopyUps(root);
      return;
    }
    if (activity.revision === played.current) return;
    const labels = activity.change.events
      .filter((e) => e.kind !== 'changed')
      .map((event) => ({ event, text: t(`cow.fly.${event.kind}`, { path: event.path, name: event.path.slice(event.path.lastIndexOf('/') + 1), size: humanSize(event.bytes) }) }));
    if (flyCopyUps(root, labels, motionMs(1) === 0)) played.current = activity.revision;
  });
}
