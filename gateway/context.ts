import type { ForwardedContext, MemberExecutors } from "./member-executors.ts";
import type { Registry } from "./registry.ts";

/** What every gateway resolver gets. */
export interface GatewayContext extends ForwardedContext {
  registry: Registry;
  executors: MemberExecutors;
  memberTimeoutMs: number;
}
