/**
 * The last `docker pull` / `docker push` as the CLI printed it, read back layer by layer
 * ("Already exists", "Pulling fs layer", "Pull complete", "Pushed", …) so the registry view can
 * replay it. The lines come from the one pull/push implementation; nothing is simulated here.
 */
export interface TransferEvent {
  /** Short layer or blob ID as printed. */
  layer: string;
  status: string;
}

export interface TransferView {
  /** Counts transfers in this session: a new number is a new pull or push to replay. */
  seq: number;
  kind: 'pull' | 'push';
  reference: string;
  /** Per-layer lines in the order the CLI printed them. */
  events: TransferEvent[];
  /**
   * A pull that printed no layer lines because the image was already stored (another tag of
   * the same ID): its layers, all present locally. Docker prints nothing for them; the view
   * shows each as already there.
   */
  present?: string[];
}

let last: TransferView | null = null;
let seq = 0;

const LAYER_LINE = /^([0-9a-f]{12}): (.+)$/;

/** Reads a pull/push command's output (no layer lines: nothing was transferred); other commands give null. */
export function transferOf(argv: readonly string[], output: string): Omit<TransferView, 'seq'> | null {
  const sub = argv[0] === 'image' ? argv[1] : argv[0];
  if (sub !== 'pull' && sub !== 'push') return null;
  const rest = argv.slice(argv[0] === 'image' ? 2 : 1);
  const events = output.split('\n').flatMap((l) => {
    const m = LAYER_LINE.exec(l.trim());
    return m ? [{ layer: m[1]!, status: m[2]! }] : [];
  });
  return { kind: sub, reference: rest.find((a) => !a.startsWith('-')) ?? '', events };
}

export function noteTransfer(argv: readonly string[], output: string, storedLayers?: (reference: string) => string[] | undefined): void {
  const t = transferOf(argv, output);
  if (!t) return;
  const present = t.kind === 'pull' && t.events.length === 0 ? storedLayers?.(t.reference) : undefined;
  last = { ...t, seq: ++seq, ...(present?.length ? { present } : {}) };
}

export function lastTransfer(): TransferView | null {
  return last;
}

/** For tests with a fresh daemon. */
export function resetTransfer(): void {
  last = null;
}
