import { ClientError } from "graphql-request";
import type { T } from "./i18n/index.ts";
import type { Formatter } from "./format.ts";

/** Where the client sends its requests: the company gateway, or one warehouse node directly. */
export interface Target {
  kind: "gateway" | "node";
  url: string;
}

/** The server did not answer for the whole reconnect window. */
export class Unreachable extends Error {
  name = "Unreachable";
  constructor(readonly target: Target, readonly lastError: unknown) {
    super(`cannot reach ${target.url}: ${String((lastError as Error)?.message ?? lastError)}`);
  }
}

/** A wrong command line: exit status 2 with the command's usage. */
export class UsageError extends Error {
  name = "UsageError";
}

/** An API-like error found by the client itself (e.g. a node asked about another warehouse). */
export class LocalApiError extends Error {
  name = "LocalApiError";
  constructor(readonly code: string, message: string, readonly extensions: Record<string, unknown> = {}) {
    super(message);
  }
}

/** Enquirer rejects with an empty string (or an empty Error) when the user presses Ctrl-C or Esc. */
export const isCancel = (error: unknown) => error === "" || (error instanceof Error && error.message === "" && !(error instanceof ClientError));

export interface ErrorInfo {
  code: string;
  message: string;
  extensions: Record<string, unknown>;
  exitCode: number;
}

export const EXIT = { ok: 0, failed: 1, usage: 2, unreachable: 3 } as const;

/** The code and details of any error the client can meet, the same for humans and `--json`. */
export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof Unreachable) return { code: "UNREACHABLE", message: error.message, extensions: { url: error.target.url }, exitCode: EXIT.unreachable };
  if (error instanceof UsageError) return { code: "USAGE", message: error.message, extensions: {}, exitCode: EXIT.usage };
  if (error instanceof LocalApiError) return { code: error.code, message: error.message, extensions: error.extensions, exitCode: EXIT.failed };
  if (error instanceof ClientError) {
    const first = error.response.errors?.[0];
    if (!first) return { code: "HTTP", message: `HTTP ${error.response.status}`, extensions: { status: error.response.status }, exitCode: EXIT.failed };
    const { code, ...extensions } = (first.extensions ?? {}) as Record<string, unknown>;
    return { code: typeof code === "string" ? code : "INTERNAL_SERVER_ERROR", message: first.message, extensions, exitCode: EXIT.failed };
  }
  return { code: "CLIENT_ERROR", message: error instanceof Error ? error.message : String(error), extensions: {}, exitCode: EXIT.failed };
}

/** One clear sentence per error code, in the user's language. */
export function explain(info: ErrorInfo, t: T, fmt: Formatter): string {
  const x = info.extensions;
  const where = typeof x.warehouseId === "string" ? t("error.in", { warehouse: x.warehouseId }) : "";
  const detail = info.message;
  switch (info.code) {
    case "INSUFFICIENT_STOCK":
      return typeof x.available === "number"
        ? t("error.INSUFFICIENT_STOCK", { where, available: fmt.number(x.available), requested: x.requested === undefined ? "?" : fmt.number(Number(x.requested)) })
        : t("error.INSUFFICIENT_STOCK_plain", { where, detail });
    case "BAD_USER_INPUT":
    case "NOT_FOUND":
    case "CONFLICT":
    case "INTERNAL_SERVER_ERROR":
      return t(`error.${info.code}`, { where, detail });
    case "UNAUTHENTICATED":
    case "FORBIDDEN":
    case "DB_UNAVAILABLE":
    case "RATE_LIMITED":
    case "WAREHOUSE_UNAVAILABLE":
      return t(`error.${info.code}`, { where, warehouse: String(x.warehouseId ?? "?") });
    case "UNREACHABLE":
      return t("error.UNREACHABLE", { url: String(x.url) });
    case "HTTP":
      return t("error.HTTP", { status: String(x.status) });
    default:
      return t("error.other", { detail });
  }
}
