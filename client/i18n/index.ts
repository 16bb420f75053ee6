import { en, type Messages } from "./en.ts";
import { es } from "./es.ts";

export type Lang = "es" | "en";
export type MessageKey = keyof Messages;
export type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const tables: Record<Lang, Messages> = { es, en };

/** `t("key", { name })`: the message in the chosen language with `{name}` filled in. */
export function translator(lang: Lang): T {
  const table = tables[lang];
  return (key, params = {}) => table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
