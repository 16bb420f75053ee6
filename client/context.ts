import { Api, type ApiOptions } from "./api.ts";
import type { Target } from "./errors.ts";
import { Formatter } from "./format.ts";
import { translator, type Lang, type T } from "./i18n/index.ts";
import type { Operation } from "./operations.ts";
import { StatusLine } from "./status.ts";
import type { WarehouseInfo } from "./types.ts";

/** What every command and prompt gets: the API, the language, formatting and the two output streams. */
export interface Ctx {
  api: Api;
  t: T;
  fmt: Formatter;
  lang: Lang;
  /** Machine-readable output: JSON on stdout, nothing translated. */
  json: boolean;
  status: StatusLine;
  /** A result, on stdout. */
  out(text: string): void;
  /** A warning or notice, on stderr (keeps stdout clean for --json and CSV). */
  note(text: string): void;
  /** Warehouses seen in the last list: offered as direct targets when the gateway stays down. */
  known: WarehouseInfo[];
}

export interface ContextOptions {
  lang: Lang;
  json: boolean;
  target: Target;
  ca: string;
  token?: string;
  timeoutMs: number;
  reconnectForMs: number;
  operations: Map<string, Operation>;
  onUnreachable?: ApiOptions["onUnreachable"];
}

export function createContext(o: ContextOptions): Ctx {
  const t = translator(o.lang);
  const status = new StatusLine(process.stderr);
  const colors = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const fmt = new Formatter(o.lang, colors, process.stdout.isTTY ? process.stdout.columns || 100 : 160);
  const api = new Api({
    target: o.target,
    ca: o.ca,
    token: o.token,
    timeoutMs: o.timeoutMs,
    reconnectForMs: o.reconnectForMs,
    operations: o.operations,
    onRetry: ({ attempt, delayMs, target, warehouseId }) => {
      const seconds = fmt.number(Math.round(delayMs / 100) / 10);
      status.notice(warehouseId ? t("retrying", { warehouse: warehouseId, attempt, seconds }) : t("reconnecting", { url: target.url, attempt, seconds }));
    },
    onRecovered: () => (status.tty ? status.clear() : status.notice(t("reconnected"))),
    onUnreachable: o.onUnreachable,
  });
  return {
    api,
    t,
    fmt,
    lang: o.lang,
    json: o.json,
    status,
    out: (text) => process.stdout.write(`${text}\n`),
    note: (text) => {
      status.clear();
      process.stderr.write(`${text}\n`);
    },
    known: [],
  };
}
