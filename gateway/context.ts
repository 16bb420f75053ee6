import type { ForwardedContext, MemberExecutors } from "./member-executors.ts";
import type { Registry } from "./registry.ts";
import type { CurrentUser } from "../lib/auth/use-auth.ts";

/** What every gateway resolver gets. */
export interface GatewayContext extends ForwardedContext {
  registry: Registry;
  executors: MemberExecutors;
  memberTimeoutMs: number;
  /** Set by the auth plugin from the bearer token. */
  currentUser?: CurrentUser;
}
