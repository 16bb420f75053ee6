import type { Lang } from "./i18n/index.ts";

const LOCALES: Record<Lang, string> = { es: "es-ES", en: "en-GB" };

export interface Column {
  header: string;
  /** Numbers are right-aligned so their digits line up. */
  align?: "left" | "right";
}

/** Locale-aware formatting for people; `--json` and CSV never go through here. */
export class Formatter {
  readonly locale: string;
  private readonly numbers: Intl.NumberFormat;
  private readonly signed: Intl.NumberFormat;
  private readonly euros: Intl.NumberFormat;
  private readonly dates: Intl.DateTimeFormat;
  private readonly dateTimes: Intl.DateTimeFormat;

  constructor(lang: Lang, readonly colors: boolean, readonly width: number) {
    this.locale = LOCALES[lang];
    this.numbers = new Intl.NumberFormat(this.locale);
    this.signed = new Intl.NumberFormat(this.locale, { signDisplay: "exceptZero" });
    this.euros = new Intl.NumberFormat(this.locale, { style: "currency", currency: "EUR" });
    this.dates = new Intl.DateTimeFormat(this.locale, { dateStyle: "medium" });
    this.dateTimes = new Intl.DateTimeFormat(this.locale, { dateStyle: "short", timeStyle: "medium" });
  }

  number = (n: number) => this.numbers.format(n);
  signedNumber = (n: number) => this.signed.format(n);
  /**
   * Prices are decimal strings; Intl formats a numeric string exactly (no float on the way), so
   * "1234567890123.45" shows every cent.
   */
  price = (decimal: string) => this.euros.format(decimal as unknown as number);
  date = (iso: string) => this.dates.format(new Date(iso));
  dateTime = (iso: string | null | undefined) => (iso ? this.dateTimes.format(new Date(iso)) : "");

  private paint = (code: string) => (text: string) => (this.colors ? `\x1b[${code}m${text}\x1b[0m` : text);
  bold = this.paint("1");
  dim = this.paint("2");
  red = this.paint("31");
  green = this.paint("32");
  yellow = this.paint("33");
  cyan = this.paint("36");

  /**
   * An aligned table that fits the terminal: when too wide, the widest left-aligned column is
   * shortened with "…" (numbers are never cut).
   */
  table(columns: Column[], rows: string[][]): string {
    const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? "").length)));
    const gap = 2;
    const total = () => widths.reduce((a, b) => a + b, 0) + gap * (widths.length - 1);
    while (total() > this.width) {
      const candidates = widths.map((w, i) => (columns[i]!.align === "right" || w <= 8 ? -1 : w));
      const widest = candidates.indexOf(Math.max(...candidates));
      if (candidates[widest]! < 0) break;
      widths[widest] = Math.max(8, widths[widest]! - (total() - this.width));
    }
    const cell = (text: string, i: number) => {
      const w = widths[i]!;
      const fitted = text.length > w ? `${text.slice(0, w - 1)}…` : text;
      return columns[i]!.align === "right" ? fitted.padStart(w) : fitted.padEnd(w);
    };
    const line = (cells: string[]) => cells.map(cell).join(" ".repeat(gap)).trimEnd();
    const header = this.bold(line(columns.map((c) => c.header)));
    const rule = this.dim(widths.map((w) => "─".repeat(w)).join(" ".repeat(gap)));
    return [header, rule, ...rows.map(line)].join("\n");
  }
}

/** RFC 4180 CSV: locale-free (ISO dates, plain numbers) so spreadsheets and scripts read it the same way. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const quote = (value: string | number | null | undefined) => {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(quote).join(",")).join("\r\n") + "\r\n";
}
