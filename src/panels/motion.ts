/** A transition's length, or 0 when the user asked the system for reduced motion. */
export function motionMs(ms: number): number {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : ms;
}
