import { buildHTTPExecutor } from "@graphql-tools/executor-http";
import type { SubschemaConfig } from "@graphql-tools/delegate";
import type { Executor } from "@graphql-tools/utils";
import { buildSchema, type GraphQLSchema } from "graphql";
import type { Member } from "./registry.ts";

/** What the gateway forwards of the caller to a member. */
export interface ForwardedContext {
  authorization?: string;
  requestId?: string;
}

/**
 * One HTTP executor per member (and URL): mutual TLS through the shared fetch, a per-call deadline,
 * and the caller's Authorization header forwarded so the node checks the same token again.
 */
export class MemberExecutors {
  private readonly cache = new Map<string, { executor: Executor; subschema: SubschemaConfig }>();
  private readonly schemas = new Map<string, GraphQLSchema>();

  constructor(
    private readonly options: { fetch: typeof fetch; timeoutMs: number },
    /** The SDL a member speaks: delegation rewrites requests against that member's own schema. */
    private readonly sdlOf: (member: Pick<Member, "schemaHash">) => string,
  ) {}

  private nodeSchema(member: Pick<Member, "schemaHash">): GraphQLSchema {
    const sdl = this.sdlOf(member);
    let schema = this.schemas.get(sdl);
    if (!schema) this.schemas.set(sdl, (schema = buildSchema(sdl)));
    return schema;
  }

  private entry(member: Pick<Member, "id" | "url" | "schemaHash">) {
    const key = `${member.id} ${member.url} ${member.schemaHash}`;
    let entry = this.cache.get(key);
    if (!entry) {
      const executor = buildHTTPExecutor({
        endpoint: `${member.url}/graphql`,
        fetch: this.options.fetch as never,
        timeout: this.options.timeoutMs,
        headers: (request) => {
          const context = (request?.context ?? {}) as ForwardedContext;
          const headers: Record<string, string> = {};
          if (context.authorization) headers.authorization = context.authorization;
          if (context.requestId) headers["x-request-id"] = context.requestId;
          return headers;
        },
      }) as Executor;
      entry = { executor, subschema: { schema: this.nodeSchema(member), executor } };
      for (const old of this.cache.keys()) if (old.startsWith(`${member.id} `)) this.cache.delete(old);
      this.cache.set(key, entry);
    }
    return entry;
  }

  executor(member: Pick<Member, "id" | "url" | "schemaHash">): Executor {
    return this.entry(member).executor;
  }

  subschema(member: Pick<Member, "id" | "url" | "schemaHash">): SubschemaConfig {
    return this.entry(member).subschema;
  }
}
