import { createHash } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import { jsonResponse } from "../http-json.ts";

export interface RateLimitOptions {
  /** Sustained requests per second per token; 0 turns the limit off. */
  perSecond: number;
  /** Requests a quiet token may send at once. */
  burst: number;
  /** Only these paths count (GraphQL and REST), not /health or peer routes. */
  paths: (pathname: string) => boolean;
}

/**
 * A token bucket per bearer token (or per client address without one): a burst past the limit is
 * refused at once with 429 RATE_LIMITED, before any parsing or database work, while other tokens
 * carry on unaffected.
 */
export function useRateLimit(options: RateLimitOptions): Plugin {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      if (options.perSecond <= 0 || !options.paths(url.pathname)) return;
      const socket = (serverContext as { req?: { socket?: { remoteAddress?: string } } })?.req?.socket;
      // No socket: the gateway's REST route calling its own GraphQL in-process, already counted once.
      if (!socket) return;
      const auth = request.headers.get("authorization");
      const address = socket.remoteAddress ?? "?";
      const key = auth ? createHash("sha256").update(auth).digest("base64url") : `ip:${address}`;
      const now = Date.now();
      const bucket = buckets.get(key) ?? { tokens: options.burst, at: now };
      bucket.tokens = Math.min(options.burst, bucket.tokens + ((now - bucket.at) / 1000) * options.perSecond);
      bucket.at = now;
      if (bucket.tokens < 1) {
        buckets.set(key, bucket);
        const retryAfter = Math.ceil((1 - bucket.tokens) / options.perSecond);
        const response = jsonResponse(fetchAPI.Response, 429, {
          errors: [{ message: "Too many requests; slow down", extensions: { code: "RATE_LIMITED", retryAfterSeconds: retryAfter } }],
        });
        response.headers.set("retry-after", String(retryAfter));
        return endResponse(response);
      }
      bucket.tokens -= 1;
      buckets.set(key, bucket);
      // Forget idle buckets so a flood of fake tokens cannot grow the map without bound.
      if (buckets.size > 10_000) for (const [k, b] of buckets) if (now - b.at > 60_000) buckets.delete(k);
    },
  };
}
