import type { StateStorage } from 'zustand/middleware';

/**
 * Where stores remember things between visits. The browser's localStorage when there is
 * one, wrapped so that a full, blocked or tampered storage never breaks the app: a value
 * that cannot be read is treated as absent, a value that cannot be written is dropped.
 */
export function safeStorage(backing: StateStorage | undefined): StateStorage {
  return {
    getItem(name) {
      try {
        const text = backing?.getItem(name) ?? null;
        if (typeof text !== 'string') return null;
        JSON.parse(text); // unreadable JSON counts as absent, never as a crash
        return text;
      } catch {
        return null;
      }
    },
    setItem(name, value) {
      try {
        void backing?.setItem(name, value);
      } catch {
        // Quota exceeded or storage disabled: the app keeps working without remembering.
      }
    },
    removeItem(name) {
      try {
        void backing?.removeItem(name);
      } catch {
        // as above
      }
    },
  };
}

/** The browser's localStorage, or nothing (Node, workers, storage disabled). */
export function browserStorage(): StateStorage | undefined {
  try {
    return (globalThis as { localStorage?: StateStorage }).localStorage;
  } catch {
    return undefined; // some browsers throw on access when storage is disabled
  }
}

/** A storage kept in memory, for tests. */
export function memoryStorage(initial: Record<string, string> = {}): StateStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (name) => data.get(name) ?? null,
    setItem: (name, value) => void data.set(name, value),
    removeItem: (name) => void data.delete(name),
  };
}
