import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitterProps {
  /** Where a double click puts the bar back. */
  initial?: number;
  /** The first area's share of the container, 0–1. */
  fraction: number;
  onChange(fraction: number): void;
  label: string;
  /** 'vertical': a bar between left and right areas; 'horizontal': between top and bottom. */
  orientation?: 'vertical' | 'horizontal';
}

const KEY_STEP = 0.02;

/**
 * A bar that resizes the two areas beside it: drag it with a pointer, or focus it and use the
 * arrow keys (Home/End for the limits); a double click puts it back. Its parent element is the
 * container being split.
 */
export function Splitter({ fraction, onChange, label, orientation = 'vertical', initial }: SplitterProps) {
  const dragging = useRef(false);
  const horizontal = orientation === 'horizontal';

  const fromPointer = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.parentElement?.getBoundingClientRect();
    if (!box || (horizontal ? box.height : box.width) === 0) return;
    onChange(horizontal ? (e.clientY - box.top) / box.height : (e.clientX - box.left) / box.width);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const less = horizontal ? 'ArrowUp' : 'ArrowLeft';
    const more = horizontal ? 'ArrowDown' : 'ArrowRight';
    const next =
      e.key === less ? fraction - KEY_STEP : e.key === more ? fraction + KEY_STEP : e.key === 'Home' ? 0 : e.key === 'End' ? 1 : null;
    if (next === null) return;
    e.preventDefault(); // these keys resize here; they must not also step the build
    onChange(next);
  };

  return (
    <div
      className={`splitter splitter-${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(fraction * 100)}
      tabIndex={0}
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        e.preventDefault();
      }}
      onPointerMove={(e) => dragging.current && fromPointer(e)}
      onPointerUp={(e) => {
        dragging.current = false;
        e.currentTarget.releasePointerCapture(e.pointerId);
      }}
      onKeyDown={onKeyDown}
      onDoubleClick={() => initial !== undefined && onChange(initial)}
    />
  );
}
