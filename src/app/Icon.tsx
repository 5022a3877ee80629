/** Small inline SVG icons (no icon font: they look the same on every system). */
const PATHS = {
  stepBack: 'M5 4h2v12H5zM16 4v12L8 10z',
  stepForward: 'M13 4h2v12h-2zM4 4v12l8-6z',
  play: 'M6 4v12l10-6z',
  pause: 'M5 4h4v12H5zM11 4h4v12h-4z',
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="1.1em" height="1.1em" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
