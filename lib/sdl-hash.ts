import { createHash } from "node:crypto";

/** How nodes and the gateway name a version of the node SDL: equal text, equal hash. */
export const sdlHash = (sdl: string): string => createHash("sha256").update(sdl).digest("hex").slice(0, 16);
