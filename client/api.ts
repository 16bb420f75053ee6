import { randomUUID } from "node:crypto";
import { ClientError, GraphQLClient } from "graphql-request";
import { createTlsFetch } from "../lib/tls.ts";
import { Unreachable, type Target } from "./errors.ts";
import { NodeAdapter } from "./node-adapter.ts";
import type { Operation } from "./operations.ts";

export interface ApiOptions {
  target: Target;
  /** The company CA (PEM). */
  ca: string;
  /** Sent as `Authorization: Bearer …` whenever present. */
  token?: string;
  /** Deadline of one HTTP call. */
  timeoutMs: number;
  /** How long an unreachable server is retried (with backoff) before giving up. */
  reconnectForMs: number;
  operations: Map<string, Operation>;
  /** `warehouseId` is set when the server answered but that warehouse was briefly unavailable. */
  onRetry?(info: { attempt: number; delayMs: number; target: Target; warehouseId?: string }): void;
  onRecovered?(): void;
  /** Interactive mode: asked what to do when the server stayed down; null gives up. */
  onUnreachable?(error: Unreachable): Promise<Target | "retry" | null>;
}

/** A new idempotency key: make one per user action and pass it to every retry of that action. */
export const newIdempotencyKey = () => `client-${randomUUID()}`;

/**
 * The client's only way to the server: named persisted operations over graphql-request, with a
 * deadline on every call and retries with backoff while the server is unreachable. Mutations carry
 * an idempotency key chosen by the caller, so retrying them after a lost reply is safe too.
 */
export class Api {
  private client!: GraphQLClient;
  private adapter: NodeAdapter | undefined;
  private readonly fetch: typeof fetch;
  target!: Target;

  constructor(private readonly options: ApiOptions) {
    const tlsFetch = createTlsFetch({ ca: options.ca }, { connectTimeoutMs: options.timeoutMs });
    this.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
      tlsFetch(input, { ...init, signal: AbortSignal.timeout(options.timeoutMs) })) as typeof fetch;
    this.setTarget(options.target);
  }

  setTarget(target: Target): void {
    this.target = target;
    const headers: Record<string, string> = this.options.token ? { authorization: `Bearer ${this.options.token}` } : {};
    this.client = new GraphQLClient(`${target.url.replace(/\/+$/, "")}/graphql`, {
      fetch: this.fetch,
      headers: () => ({ ...headers, "x-request-id": randomUUID() }),
    });
    this.adapter = target.kind === "node" ? new NodeAdapter((op, vars) => this.client.request(op.document, vars), this.options.operations, target.url) : undefined;
  }

  /** Runs a persisted operation by name. */
  async request<R>(name: string, variables: Record<string, unknown> = {}): Promise<R> {
    const operation = this.options.operations.get(name);
    if (!operation) throw new Error(`unknown operation ${name}`);
    for (;;) {
      try {
        return await this.withRetries(() =>
          this.adapter ? (this.adapter.run(operation, variables) as Promise<R>) : this.client.request<R>(operation.document, variables),
        );
      } catch (error) {
        if (!(error instanceof Unreachable) || !this.options.onUnreachable) throw error;
        const decision = await this.options.onUnreachable(error);
        if (decision === null) throw error;
        if (decision !== "retry") this.setTarget(decision);
      }
    }
  }

  private async withRetries<R>(call: () => Promise<R>): Promise<R> {
    // The window runs from the first failure: a slow first attempt does not eat the retries.
    let failedAt: number | undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await call();
        if (attempt > 1) this.options.onRecovered?.();
        return result;
      } catch (error) {
        const transient = transientWarehouse(error);
        if (!isRetryable(error) && !transient) {
          if (attempt > 1) this.options.onRecovered?.();
          throw error;
        }
        // Exponential backoff with jitter, so many clients coming back do not hit the gateway at once.
        const delayMs = Math.round(Math.min(250 * 2 ** (attempt - 1), 4000) * (0.75 + Math.random() * 0.5));
        const window = transient ? Math.min(TRANSIENT_WINDOW_MS, this.options.reconnectForMs) : this.options.reconnectForMs;
        failedAt ??= Date.now();
        if (Date.now() + delayMs - failedAt > window) {
          if (transient) throw error;
          throw new Unreachable(this.target, error);
        }
        this.options.onRetry?.({ attempt, delayMs, target: this.target, warehouseId: transient?.warehouseId });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }
}

/**
 * A warehouse that is restarting, or not yet seen by a gateway that just restarted (it learns its
 * members from their next heartbeat), answers WAREHOUSE_UNAVAILABLE or DB_UNAVAILABLE for a moment:
 * retried this long (safe for mutations too, thanks to the idempotency key), then reported.
 */
const TRANSIENT_WINDOW_MS = 3000;

function transientWarehouse(error: unknown): { warehouseId?: string } | null {
  if (!(error instanceof ClientError)) return null;
  const extensions = error.response.errors?.[0]?.extensions as { code?: string; warehouseId?: string } | undefined;
  return extensions?.code === "WAREHOUSE_UNAVAILABLE" || extensions?.code === "DB_UNAVAILABLE" ? { warehouseId: extensions.warehouseId } : null;
}

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EAI_AGAIN", "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_CLOSED"]);

/**
 * Connection refused or reset, a timeout, or a proxy's 502/503/504 without a GraphQL answer. A TLS
 * failure (wrong CA) or an unknown host is not retried: waiting would not fix it.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ClientError) return !error.response.errors?.length && [502, 503, 504].includes(error.response.status);
  if (!(error instanceof Error)) return false;
  if (error.name === "TimeoutError" || error.name === "AbortError") return true;
  if (!(error instanceof TypeError)) return false;
  const cause = error.cause as { code?: string; name?: string } | undefined;
  if (cause?.name === "TimeoutError" || cause?.name === "AbortError") return true;
  return cause?.code ? NETWORK_CODES.has(cause.code) : /terminated|other side closed/i.test(error.message);
}
