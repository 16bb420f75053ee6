/**
 * The one transient line on stderr: a spinner for slow calls and the "reconnecting…" notice. On a
 * TTY it redraws in place; elsewhere (scripts, CI logs) only notices are printed, one per line, so
 * stdout stays clean for `--json` and CSV.
 */
export class StatusLine {
  private text = "";
  private frame = 0;
  private timer: NodeJS.Timeout | undefined;
  private static readonly FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  get tty(): boolean {
    return this.stream.isTTY === true;
  }

  /** Runs `work` with a spinner shown only if it takes more than a moment. */
  async spin<T>(text: string, work: (progress: (text: string) => void) => Promise<T>): Promise<T> {
    if (!this.tty) return work(() => {});
    this.text = text;
    const delay = setTimeout(() => {
      this.timer = setInterval(() => this.draw(), 80);
      this.draw();
    }, 300);
    try {
      return await work((next) => {
        this.text = next;
        if (this.timer) this.draw();
      });
    } finally {
      clearTimeout(delay);
      this.clear();
    }
  }

  /** A notice that must be seen (e.g. reconnecting): drawn at once on a TTY, a line elsewhere. */
  notice(text: string): void {
    if (!this.tty) {
      this.stream.write(`${text}\n`);
      return;
    }
    this.text = text;
    this.draw();
  }

  clear(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.tty) this.stream.write("\r\x1b[2K");
  }

  private draw(): void {
    const frame = StatusLine.FRAMES[this.frame++ % StatusLine.FRAMES.length];
    const width = (this.stream.columns ?? 80) - 3;
    this.stream.write(`\r\x1b[2K${frame} ${this.text.slice(0, width)}`);
  }
}
