/** Version of the engine model; bumped when snapshots or share links change shape. */
export const ENGINE_VERSION = '0.1.0';
