import fs from "node:fs";
import path from "node:path";
import { issueToken } from "../../lib/auth/tokens.ts";
import type { Role } from "../../lib/auth/roles.ts";
import { certsDir } from "./node.ts";

/** A token signed with the test run's key, as `npm run token` would print. */
export async function tokenFor(role: Role, options: { warehouses?: string[]; ttlSeconds?: number; subject?: string } = {}) {
  const privateKey = fs.readFileSync(path.join(certsDir(), "token-signing.key"), "utf8");
  return issueToken(privateKey, { subject: options.subject ?? `test-${role}`, role, warehouses: options.warehouses ?? null, ttlSeconds: options.ttlSeconds ?? 3600 });
}

let admin: Promise<string> | null = null;
export function adminToken(): Promise<string> {
  admin ??= tokenFor("admin", { subject: "test-admin" }).then((t) => t.token);
  return admin;
}

/** Wraps a fetch so every request carries `Authorization: Bearer <token>`. */
export function withToken(fetch: typeof globalThis.fetch, token: string): typeof globalThis.fetch {
  return ((input: Parameters<typeof fetch>[0], init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has("authorization")) headers.set("authorization", `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  }) as typeof fetch;
}
