/** The flags this machine needs: no GPU, no sandbox as root, nothing that calls out to the network. */
export declare const CHROMIUM_ARGS: string[];
/** CHROMIUM_PATH, else `chromium` on PATH. */
export declare function findChromium(): string;
