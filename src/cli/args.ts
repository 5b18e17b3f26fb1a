/** A small argv parser: positionals, `--flag`, `--flag value`, `--flag=value`, `--` ends the flags. */
import { userError } from "./errors";

export interface FlagSpec {
  name: string;
  /** Placeholder of the value (e.g. "S"); absent for a boolean flag. */
  value?: string;
  /** One-letter alias, e.g. "o" for `-o`. */
  short?: string;
  help: { nl: string; en: string };
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | true>;
}

function flagValue(
  spec: FlagSpec,
  inline: string | undefined,
  next: () => string | undefined,
): string | true {
  if (!spec.value) {
    if (inline !== undefined) {
      throw userError(`Optie --${spec.name} neemt geen waarde`, `Option --${spec.name} takes no value`);
    }
    return true;
  }
  const value = inline ?? next();
  if (value === undefined || value === "") {
    throw userError(`Optie --${spec.name} mist een waarde`, `Option --${spec.name} needs a value`);
  }
  return value;
}

export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const result: ParsedArgs = { positionals: [], flags: {} };
  let i = 0;
  const next = () => (i + 1 < argv.length ? argv[++i] : undefined);
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      result.positionals.push(...argv.slice(i + 1));
      break;
    }
    const short = /^-([A-Za-z])$/.exec(arg);
    if (short) {
      const spec = specs.find((s) => s.short === short[1]);
      if (!spec) throw userError(`Onbekende optie: ${arg}`, `Unknown option: ${arg}`);
      result.flags[spec.name] = flagValue(spec, undefined, next);
      continue;
    }
    if (!arg.startsWith("--") || arg === "-") {
      result.positionals.push(arg);
      continue;
    }
    const [name, inline] = splitFlag(arg.slice(2));
    const spec = specs.find((s) => s.name === name);
    if (!spec) throw userError(`Onbekende optie: --${name}`, `Unknown option: --${name}`);
    result.flags[name] = flagValue(spec, inline, next);
  }
  return result;
}

function splitFlag(body: string): [string, string | undefined] {
  const eq = body.indexOf("=");
  return eq < 0 ? [body, undefined] : [body.slice(0, eq), body.slice(eq + 1)];
}
