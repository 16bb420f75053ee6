import { describe, expect, it } from "vitest";
import { ConfigError, parseOptions, usage, type OptionSpec } from "../../lib/options.ts";

const spec = {
  id: { type: "string", env: "T_ID", help: "id", pattern: /^[a-z]+$/, patternHelp: "must be lowercase letters" },
  host: { type: "string", env: "T_HOST", default: "127.0.0.1", help: "host" },
  port: { type: "int", env: "T_PORT", default: 4001, min: 0, max: 65535, help: "port" },
  batch: { type: "int", default: 64, min: 1, max: 4096, help: "batch, no env" },
  dev: { type: "boolean", env: "T_DEV", default: false, help: "dev" },
  peers: { type: "list", env: "T_PEERS", default: [], help: "peers" },
} satisfies Record<string, OptionSpec>;

/** The ConfigError a parse throws (it must throw one). */
function configError(argv: string[], env: Record<string, string | undefined> = {}): ConfigError {
  try {
    parseOptions(spec, argv, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseOptions", () => {
  it("gives the defaults when neither flag nor env is set", () => {
    expect(parseOptions(spec, [], {})).toEqual({
      help: false,
      positionals: [],
      id: undefined,
      host: "127.0.0.1",
      port: 4001,
      batch: 64,
      dev: false,
      peers: [],
    });
  });

  it("falls back to the environment", () => {
    const o = parseOptions(spec, [], { T_ID: "madrid", T_HOST: "0.0.0.0", T_PORT: "8443", T_DEV: "yes", T_PEERS: " a=https://x , ,b=https://y " });
    expect(o).toMatchObject({ id: "madrid", host: "0.0.0.0", port: 8443, dev: true, peers: ["a=https://x", "b=https://y"] });
  });

  it("treats an empty environment variable as unset", () => {
    expect(parseOptions(spec, [], { T_PORT: "", T_HOST: "" })).toMatchObject({ port: 4001, host: "127.0.0.1" });
  });

  it("lets a flag beat the environment", () => {
    const env = { T_ID: "envid", T_PORT: "1111", T_DEV: "false", T_PEERS: "e=https://e" };
    const o = parseOptions(spec, ["--id", "flagid", "--port=2222", "--dev", "--peers", "f=https://f"], env);
    expect(o).toMatchObject({ id: "flagid", port: 2222, dev: true, peers: ["f=https://f"] });
  });

  it("does not check an environment value a flag overrides", () => {
    expect(parseOptions(spec, ["--port", "5"], { T_PORT: "not a number" }).port).toBe(5);
  });

  it("reads boolean words from the environment", () => {
    for (const word of ["1", "true", "TRUE", "yes", "on"]) expect(parseOptions(spec, [], { T_DEV: word }).dev).toBe(true);
    for (const word of ["0", "false", "No", "off"]) expect(parseOptions(spec, [], { T_DEV: word }).dev).toBe(false);
    expect(configError([], { T_DEV: "maybe" }).message).toBe('T_DEV must be true or false, got "maybe"');
  });

  it("accepts the ends of an int range", () => {
    expect(parseOptions(spec, ["--port", "0"], {}).port).toBe(0);
    expect(parseOptions(spec, ["--port", "65535"], {}).port).toBe(65535);
    expect(parseOptions(spec, ["--batch", "1"], {}).batch).toBe(1);
  });

  it.each(["abc", "1.5", "1e3", "0x10", "12abc", " 5", "65536"])("refuses --port %j, naming the flag, the range and the value", (value) => {
    expect(configError([`--port=${value}`]).message).toBe(`--port must be a whole number from 0 to 65535, got "${value}"`);
  });

  it("refuses an int below its minimum", () => {
    expect(configError(["--batch=0"]).message).toBe('--batch must be a whole number from 1 to 4096, got "0"');
    expect(configError(["--port=-1"]).message).toBe('--port must be a whole number from 0 to 65535, got "-1"');
  });

  it("names the environment variable when the bad value came from there", () => {
    expect(configError([], { T_PORT: "http" }).message).toBe('T_PORT must be a whole number from 0 to 65535, got "http"');
    expect(configError([], { T_PORT: "70000" }).message).toBe('T_PORT must be a whole number from 0 to 65535, got "70000"');
  });

  it("checks string patterns with their help text", () => {
    expect(configError(["--id", "Madrid"]).message).toBe('--id must be lowercase letters, got "Madrid"');
    expect(configError([], { T_ID: "x1" }).message).toBe('T_ID must be lowercase letters, got "x1"');
  });

  it("refuses an empty string given as a flag", () => {
    expect(configError(["--host="]).message).toBe("--host must not be empty");
  });

  it("refuses an unknown flag", () => {
    const error = configError(["--bogus", "1"]);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.name).toBe("ConfigError");
    expect(error.message).toContain("--bogus");
  });

  it("refuses a value flag given without its value", () => {
    expect(configError(["--port"]).message).toContain("--port");
  });

  it("returns --help and positionals", () => {
    const o = parseOptions(spec, ["--help", "one", "two"], {});
    expect(o.help).toBe(true);
    expect(o.positionals).toEqual(["one", "two"]);
  });
});

describe("usage", () => {
  it("lists every flag with its default and environment variable", () => {
    const text = usage("prog", spec);
    expect(text).toMatch(/^Usage: prog \[options\]/);
    expect(text).toMatch(/--port\s+port \(default 4001\) \[env T_PORT\]/);
    expect(text).toMatch(/--batch\s+batch, no env \(default 64\)\n/);
    expect(text).toMatch(/--peers\s+peers \[env T_PEERS\]/);
    expect(text).toContain("--help");
  });
});
