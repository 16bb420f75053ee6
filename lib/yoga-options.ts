import type { Plugin } from "graphql-yoga";
import { useAuth, type AuthOptions } from "./auth/use-auth.ts";
import { hardeningPlugins, LIMITS } from "./plugins/hardening.ts";
import { useInputErrorCodes } from "./plugins/use-input-error-codes.ts";
import { useRateLimit, type RateLimitOptions } from "./plugins/use-rate-limit.ts";

/**
 * What every public yoga server here shares (gateway and nodes): GraphiQL and detailed errors in
 * dev mode only, the per-token rate limit, the hostile-input limits, token auth and our error codes.
 * Each program's own routes (`routes`: /health, membership, peer and REST routes) answer before
 * the document limits and GraphQL auth apply; the rate limit, on the paths it is given, comes first.
 */
export function sharedYogaOptions(options: {
  dev: boolean;
  auth: AuthOptions;
  rateLimit: RateLimitOptions;
  routes: Plugin[];
}) {
  return {
    graphiql: options.dev,
    landingPage: false,
    // yoga answers its own empty /health first; ours says more, so its probe moves to /livez.
    healthCheckEndpoint: "/livez",
    maskedErrors: { isDev: options.dev },
    logging: options.dev ? ("info" as const) : ("warn" as const),
    batching: { limit: LIMITS.maxBatch },
    plugins: [
      // First, so a flood is refused before any route or parser sees it.
      useRateLimit(options.rateLimit),
      ...options.routes,
      ...hardeningPlugins({ dev: options.dev }),
      useAuth(options.auth),
      useInputErrorCodes(),
    ],
  };
}
