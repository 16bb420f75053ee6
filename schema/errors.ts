/**
 * The one list of error codes of the API (DESIGN.md rule 7). GraphQL errors carry one of these in
 * `extensions.code`; REST answers map them to an HTTP status through `httpStatusOf`.
 */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  INSUFFICIENT_STOCK: "INSUFFICIENT_STOCK",
  CONFLICT: "CONFLICT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  WAREHOUSE_UNAVAILABLE: "WAREHOUSE_UNAVAILABLE",
  DB_UNAVAILABLE: "DB_UNAVAILABLE",
  /** Too many requests for one token (or address) in a short time. */
  RATE_LIMITED: "RATE_LIMITED",
  /** Anything unexpected; its message is masked outside dev mode. */
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && value in ErrorCode;
}

/** The HTTP status a REST answer carries for each code. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case "BAD_USER_INPUT":
      return 400;
    case "UNAUTHENTICATED":
      return 401;
    case "FORBIDDEN":
      return 403;
    case "NOT_FOUND":
      return 404;
    case "INSUFFICIENT_STOCK":
    case "CONFLICT":
      return 409;
    case "RATE_LIMITED":
      return 429;
    case "WAREHOUSE_UNAVAILABLE":
    case "DB_UNAVAILABLE":
      return 503;
    case "INTERNAL_SERVER_ERROR":
      return 500;
  }
}
