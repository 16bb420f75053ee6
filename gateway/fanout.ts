import { parse, type DocumentNode, type ExecutionResult } from "graphql";
import { createGraphQLError } from "@graphql-tools/utils";
import { principalOf } from "../lib/auth/use-auth.ts";
import type { GatewayContext } from "./context.ts";
import { isCallerError } from "./member-errors.ts";
import type { MemberView } from "./registry.ts";

export interface FanOutResult<T> {
  results: { warehouseId: string; data: T }[];
  /** Known members whose part is missing: offline, slow past the deadline, or failing. */
  unavailable: string[];
}

const documents = new Map<string, DocumentNode>();
const parsed = (query: string) => {
  let document = documents.get(query);
  if (!document) documents.set(query, (document = parse(query)));
  return document;
};

/**
 * Asks every online member (or the chosen ones) the same query in parallel, each with its own
 * deadline (DESIGN.md rule 5): a dead or slow member costs at most `memberTimeoutMs` and shows up
 * in `unavailable`, never as a failed answer. A request every member refuses as bad input (or
 * unauthorised) is the caller's error and is raised as such.
 */
export async function fanOut<T>(
  context: GatewayContext,
  query: string,
  variables: Record<string, unknown>,
  options: { only?: string[] } = {},
): Promise<FanOutResult<T>> {
  // A token limited to some warehouses sees only those in company-wide answers.
  const allowed = principalOf(context)?.warehouses ?? null;
  const known = context.registry.list().filter((m) => (!options.only || options.only.includes(m.id)) && (!allowed || allowed.includes(m.id)));
  const online = known.filter((m) => m.online);
  const unavailable = known.filter((m) => !m.online).map((m) => m.id);
  const settled = await Promise.allSettled(online.map((member) => askMember<T>(context, member, parsed(query), variables)));
  const results: FanOutResult<T>["results"] = [];
  let callerError: unknown = null;
  settled.forEach((outcome, i) => {
    const member = online[i]!;
    if (outcome.status === "fulfilled") results.push({ warehouseId: member.id, data: outcome.value });
    else if (isCallerError((outcome.reason as { extensions?: { code?: unknown } })?.extensions?.code)) callerError = outcome.reason;
    else unavailable.push(member.id);
  });
  if (callerError && results.length === 0) throw callerError;
  return { results, unavailable: unavailable.sort() };
}

async function askMember<T>(context: GatewayContext, member: MemberView, document: DocumentNode, variables: Record<string, unknown>): Promise<T> {
  const timeoutMs = context.memberTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${member.id} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const result = (await Promise.race([context.executors.executor(member)({ document, variables, context }), deadline])) as ExecutionResult;
    if (result.errors?.length || !result.data) {
      const first = result.errors?.[0];
      throw createGraphQLError(first?.message ?? "no data", { extensions: { ...first?.extensions, warehouseId: member.id } });
    }
    return result.data as T;
  } finally {
    clearTimeout(timer);
  }
}
