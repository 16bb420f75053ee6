import { AppError } from "../../lib/errors.ts";
import { isErrorCode } from "../../schema/errors.ts";

export interface PeerAnswer<T> {
  status: number;
  body: T;
}

/** Thrown when a peer could not be reached or did not answer in time: the request may be retried. */
export class PeerUnreachable extends Error {
  name = "PeerUnreachable";
}

/** One REST call to another company server over mutual TLS, with a deadline. */
export async function peerRequest<T>(
  fetch: typeof globalThis.fetch,
  url: string,
  options: { method?: "GET" | "POST"; body?: unknown; timeoutMs?: number } = {},
): Promise<PeerAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? "GET",
      headers: options.body === undefined ? {} : { "content-type": "application/json" },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
  } catch (error) {
    throw new PeerUnreachable(`${url}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new PeerUnreachable(`${url}: answered HTTP ${response.status} without JSON`);
  }
  if (response.status >= 500) throw new PeerUnreachable(`${url}: HTTP ${response.status}`);
  return { status: response.status, body: body as T };
}

/** A peer's error answer (`{ error: { code, message, ... } }`) as an AppError. */
export function peerError(body: unknown, fallback: string): AppError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = isErrorCode(error?.code) ? error.code : "INTERNAL_SERVER_ERROR";
  const { code: _c, message: _m, ...details } = (error ?? {}) as Record<string, unknown>;
  return new AppError(code, typeof error?.message === "string" ? error.message : fallback, details);
}
