import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useDisableIntrospection } from "@graphql-yoga/plugin-disable-introspection";
import type { Plugin } from "graphql-yoga";

/** Limits every public GraphQL server shares: hostile documents are refused before they run. */
export const LIMITS = {
  maxDepth: 15,
  maxAliases: 30,
  maxTokens: 5000,
  maxDirectives: 20,
  maxCost: 20_000,
  /** Operations in one batched request. */
  maxBatch: 10,
  maxBodyBytes: 1_000_000,
};

export function hardeningPlugins(options: { dev: boolean }): Plugin[] {
  return [
    EnvelopArmorPlugin({
      maxDepth: { n: LIMITS.maxDepth },
      maxAliases: { n: LIMITS.maxAliases },
      maxTokens: { n: LIMITS.maxTokens },
      maxDirectives: { n: LIMITS.maxDirectives },
      costLimit: { maxCost: LIMITS.maxCost },
      // Field suggestions ("did you mean …") describe the schema: dev mode only, like introspection.
      blockFieldSuggestion: { enabled: !options.dev },
    }) as Plugin,
    ...(options.dev ? [] : [useDisableIntrospection() as Plugin]),
  ];
}
