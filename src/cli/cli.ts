/**
 * `ictcost`: a thin layer over commands.ts. `run(argv)` parses the arguments and turns every
 * outcome into {exitCode, stdout, stderr} (2 for a user's mistake, 1 for an internal error);
 * `main(argv)` writes that out and returns the exit code (bin/ictcost.js sets it).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseArgs } from "./args";
import { heapLimit, inputBytes, runWithin } from "./bounded";
import { COMMANDS, CommandContext, CommandResult, CommandSpec, findCommand } from "./commands";
import { UserError, userError } from "./errors";

const HELP_FLAGS = new Set(["--help", "-h"]);

export function version(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** "-o" for a flag with a one-letter alias, else "--name". */
function flagName(f: CommandSpec["flags"][number]): string {
  return f.short ? `-${f.short}` : `--${f.name}`;
}

function flagUsage(command: CommandSpec): string {
  return command.flags.map((f) => `[${flagName(f)}${f.value ? " " + f.value : ""}]`).join(" ");
}

function generalHelp(): string {
  const commands = COMMANDS.map(
    (c) => `  ${c.name} ${c.usage} ${flagUsage(c)}\n      ${c.summary.nl}\n      ${c.summary.en}`,
  );
  return [
    "ictcost — ICT-kosten van uw gemeente naast de ICT Benchmark Gemeenten",
    "          ICT cost of your municipality beside the ICT Benchmark Gemeenten",
    "",
    "Gebruik / Usage: ictcost <commando> [opties]",
    "",
    ...commands,
    "",
    "  --help      deze hulp / this help",
    "  --version   versie / version",
    "",
  ].join("\n");
}

function commandHelp(command: CommandSpec): string {
  const flags = command.flags.map((f) => {
    const name = (f.short ? `-${f.short}, --${f.name}` : `--${f.name}`) + (f.value ? ` ${f.value}` : "");
    return `  ${name.padEnd(20)}${f.help.nl} / ${f.help.en}`;
  });
  return [
    `Gebruik / Usage: ictcost ${command.name} ${command.usage} ${flagUsage(command)}`,
    "",
    `${command.summary.nl}`,
    `${command.summary.en}`,
    "",
    ...flags,
    "",
  ].join("\n");
}

const ok = (stdout: string): CommandResult => ({ exitCode: 0, stdout, stderr: "" });

async function dispatch(argv: readonly string[], context: CommandContext): Promise<CommandResult> {
  const [name, ...rest] = argv;
  if (name === undefined || HELP_FLAGS.has(name)) return ok(generalHelp());
  if (name === "--version") return ok(version() + "\n");
  const command = findCommand(name);
  if (rest.some((a) => HELP_FLAGS.has(a))) return ok(commandHelp(command));
  const args = parseArgs(rest, command.flags);
  const n = args.positionals.length;
  if (n < command.positionals.min || n > command.positionals.max) {
    const usage = `ictcost ${command.name} ${command.usage} ${flagUsage(command)}`;
    throw userError(
      `Verkeerd aantal argumenten; gebruik: ${usage}`,
      `Wrong number of arguments; usage: ${usage}`,
    );
  }
  return command.run(args, context);
}

/** Run the CLI in-process: never throws, never exits. Progress (if asked for) goes to `context.progress`. */
export async function run(argv: readonly string[], context: CommandContext = {}): Promise<CommandResult> {
  try {
    return await dispatch(argv, context);
  } catch (e) {
    if (e instanceof UserError) return { exitCode: 2, stdout: "", stderr: `ictcost: ${e.message}\n` };
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    return { exitCode: 1, stdout: "", stderr: `ictcost: interne fout / internal error\n${detail}\n` };
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const progress = (text: string) => process.stderr.write(`ictcost: ${text}\n`);
  // Big inputs run under a heap limit (bounded.ts); the rest in-process, without a worker's start-up.
  const limit = heapLimit(inputBytes(argv));
  const result = await runWithin(limit, argv, progress, () => run(argv, { progress }));
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  return result.exitCode;
}
