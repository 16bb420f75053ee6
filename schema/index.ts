import fs from "node:fs";
import { fileURLToPath } from "node:url";

/** The SDL files are the one source of truth for the API; programs read them from here. */
export const NODE_SDL_PATH = fileURLToPath(new URL("./node.graphql", import.meta.url));

export function readNodeSdl(): string {
  return fs.readFileSync(NODE_SDL_PATH, "utf8");
}

export const GATEWAY_SDL_PATH = fileURLToPath(new URL("./gateway.graphql", import.meta.url));

export function readGatewaySdl(): string {
  return fs.readFileSync(GATEWAY_SDL_PATH, "utf8");
}
