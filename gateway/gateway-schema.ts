import { parse, print, type GraphQLSchema } from "graphql";
import { mergeTypeDefs } from "@graphql-tools/merge";
import type { Logger } from "../lib/log.ts";
import { sdlHash } from "../lib/sdl-hash.ts";
import { gatewayResolvers } from "./resolvers/index.ts";
import { buildOpenApi } from "./rest/openapi.ts";
import type { RestOperation } from "./rest/operations.ts";
import { buildGatewaySchema, gatewayTypeDefs } from "./schema.ts";
import type { Member } from "./registry.ts";


export interface SchemaVersion {
  schema: GraphQLSchema;
  openapi: unknown;
  /** The merged node SDL this version was built from. */
  nodeSdl: string;
}

/**
 * The gateway schema, derived from the node SDL of every member. A member that reports a schema
 * hash the gateway has not seen (a warehouse on a newer release) is asked for its SDL; the union of
 * all known SDLs is rebuilt into a new schema, handed to yoga with `setSchema`: requests in flight
 * finish on the schema they started with, later ones get the new fields.
 */
export class GatewaySchema {
  private readonly sdlByHash = new Map<string, string>();
  private readonly pending = new Set<string>();
  private readonly listeners = new Set<(version: SchemaVersion) => void>();
  current: SchemaVersion;

  constructor(
    private readonly options: { localNodeSdl: string; gatewaySdl: string; operations: RestOperation[]; log: Logger },
  ) {
    this.sdlByHash.set(sdlHash(options.localNodeSdl), options.localNodeSdl);
    this.current = this.build(options.localNodeSdl);
  }

  onChange(listener: (version: SchemaVersion) => void): void {
    this.listeners.add(listener);
  }

  /** The SDL a member speaks, when known (else the gateway's own). */
  sdlOf(member: Pick<Member, "schemaHash">): string {
    return this.sdlByHash.get(member.schemaHash) ?? this.options.localNodeSdl;
  }

  /** Fetches a member's SDL when its hash is new, then rebuilds from every SDL in use. */
  async learn(member: Member, fetch: typeof globalThis.fetch, inUse: () => string[]): Promise<void> {
    if (this.sdlByHash.has(member.schemaHash) || this.pending.has(member.schemaHash)) return;
    this.pending.add(member.schemaHash);
    try {
      const response = await fetch(`${member.url}/schema.graphql`, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const sdl = await response.text();
      parse(sdl);
      this.sdlByHash.set(member.schemaHash, sdl);
      this.rebuild(inUse());
    } catch (error) {
      this.options.log.warn("could not learn a member's schema; keeping the current one", { member: member.id, error: (error as Error).message });
    } finally {
      this.pending.delete(member.schemaHash);
    }
  }

  rebuild(hashesInUse: string[]): void {
    const sdls = [this.options.localNodeSdl, ...new Set(hashesInUse.map((h) => this.sdlByHash.get(h)).filter((s): s is string => !!s))];
    let merged: string;
    try {
      merged = print(mergeTypeDefs([...new Set(sdls)], { sort: true }));
    } catch (error) {
      this.options.log.warn("member schemas conflict; keeping the current schema", { error: (error as Error).message });
      return;
    }
    if (merged === this.current.nodeSdl) return;
    const version = this.build(merged);
    this.current = version;
    this.options.log.info("gateway schema rebuilt", { nodeSchemas: sdls.length });
    for (const listener of this.listeners) listener(version);
  }

  private build(nodeSdl: string): SchemaVersion {
    const { typeDefs, surface } = gatewayTypeDefs(nodeSdl, this.options.gatewaySdl);
    const schema = buildGatewaySchema(typeDefs, gatewayResolvers(surface));
    return { schema, openapi: buildOpenApi(schema, this.options.operations), nodeSdl: print(mergeTypeDefs([nodeSdl], { sort: true })) };
  }
}
