/**
 * Copy-up drawn on the stack itself: for each file the last command copied up, a label (path
 * and bytes) flies from the image layer it came from into the container's read-write layer;
 * a whiteout or an added file drops into the read-write layer. The source layers keep a mark
 * (`data-cow-source`) until the next command. With reduced motion no label flies: the
 * activity list above the stack holds the same words, and the marks stay.
 */
import './copyUp.css';
import type { CowEventView } from '../../worker/daemon/activity.ts';

/** Three labels fit on the read-write layer's row; the activity list names every path. */
const MAX_FLYERS = 3;
const ROW_TOP = 3;
const ROW_STEP = 21;
const FLY_MS = 900;
const STAY_MS = 2200;

export interface FlyerLabel {
  event: CowEventView;
  text: string;
}

/** Removes the marks and labels of a previous command. */
export function clearCopyUps(list: HTMLElement): void {
  for (const el of list.querySelectorAll('[data-cow-source]')) el.removeAttribute('data-cow-source');
  for (const el of list.querySelectorAll('[data-cow-committed]')) el.removeAttribute('data-cow-committed');
  for (const el of list.querySelectorAll('.cow-flyer')) el.remove();
}

/**
 * Animates one command's events over the drawn stack `list` (an `ol.stack-list`). The labels
 * are children of the read-write layer's row, so they stay on it when the rows are redrawn.
 * Answers false when the stack has no container layer drawn yet (nothing to play on).
 */
export function flyCopyUps(list: HTMLElement, labels: readonly FlyerLabel[], reducedMotion: boolean): boolean {
  clearCopyUps(list);
  const target = list.querySelector<HTMLElement>('li.stack-layer[data-layer-kind="container"]');
  if (!target) return false;
  labels.slice(0, MAX_FLYERS).forEach(({ event, text }, i) => {
    const source = typeof event.fromLayer !== 'number' ? null : list.querySelector<HTMLElement>(`li.stack-layer[data-layer-index="${event.fromLayer}"]:not([data-layer-kind="container"])`);
    if (source && (event.kind === 'copy-up' || event.kind === 'whiteout')) source.setAttribute('data-cow-source', event.kind);
    if (reducedMotion || typeof HTMLElement.prototype.animate !== 'function') return;
    const flyer = document.createElement('div');
    flyer.className = `cow-flyer cow-${event.kind}`;
    flyer.dataset.cow = event.kind;
    flyer.dataset.path = event.path;
    flyer.textContent = text;
    flyer.setAttribute('aria-hidden', 'true'); // the activity list above the stack says the same in text
    flyer.style.top = `${ROW_TOP + i * ROW_STEP}px`;
    target.appendChild(flyer);
    const from = source && event.kind === 'copy-up' ? source.getBoundingClientRect().top - flyer.getBoundingClientRect().top : -20;
    flyer.animate(
      [
        { transform: `translateY(${from}px)`, opacity: 0 },
        { transform: `translateY(${from}px)`, opacity: 1, offset: 0.15 },
        { transform: 'translateY(0)', opacity: 1, offset: 0.75 },
        { transform: 'translateY(0)', opacity: 1 },
      ],
      { duration: FLY_MS, delay: i * 120, fill: 'backwards', easing: 'ease-in-out' },
    );
    flyer.animate([{ opacity: 1 }, { opacity: 0 }], { duration: 400, delay: FLY_MS + STAY_MS + i * 120, fill: 'forwards' }).onfinish = () => flyer.remove();
  });
  return true;
}

/**
 * After `docker commit`, on the new image's stack: its top layer was the container's
 * read-write layer a moment ago; it turns from the read-write colour to a read-only layer.
 */
export function markCommitted(list: HTMLElement): boolean {
  clearCopyUps(list);
  // The highest image layer (a container row still fading out after the commit is not one).
  const layers = [...list.querySelectorAll<HTMLElement>('li.stack-layer[data-layer-kind="layer"], li.stack-layer[data-layer-kind="rootfs"]')];
  const top = layers.reduce<HTMLElement | undefined>((a, b) => (a && Number(a.dataset.layerIndex) >= Number(b.dataset.layerIndex) ? a : b), undefined);
  if (!top) return false;
  top.setAttribute('data-cow-committed', 'true');
  return true;
}
