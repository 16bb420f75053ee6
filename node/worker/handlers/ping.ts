import type { Handler } from "./types.ts";

export const ping: Handler<"ping"> = async () => ({ ok: true, pid: process.pid });
