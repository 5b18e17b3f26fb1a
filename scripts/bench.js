#!/usr/bin/env node
/**
 * `npm run bench`: runs every benchmark in scripts/bench/ in its own Node process (so peak
 * memory is per benchmark), and prints one markdown table. Each module exports
 * `async run() → [{ name, value, unit }]`. Speed targets are checked here, never in unit tests.
 *
 *   node scripts/bench.js [filter]   e.g. `node scripts/bench.js categoriser`
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const dir = path.join(__dirname, "bench");
const filter = process.argv[2];

if (process.argv[2] === "--child") {
  const mod = require(path.join(dir, process.argv[3]));
  mod
    .run()
    .then((rows) => process.stdout.write(JSON.stringify(rows)))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
} else {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".js") && !f.startsWith("_"))
    .filter((f) => !filter || f.includes(filter))
    .sort();
  const lines = ["| benchmark | measure | value | unit |", "|---|---|---|---|"];
  let failed = false;
  for (const file of files) {
    process.stderr.write(`bench: ${file} …\n`);
    try {
      const out = execFileSync(process.execPath, ["--expose-gc", __filename, "--child", file], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
        maxBuffer: 64 * 1024 * 1024,
      });
      for (const row of JSON.parse(out)) {
        const value = typeof row.value === "number" ? Number(row.value.toPrecision(4)) : row.value;
        lines.push(`| ${file.replace(/\.js$/, "")} | ${row.name} | ${value} | ${row.unit ?? ""} |`);
      }
    } catch (err) {
      failed = true;
      lines.push(`| ${file.replace(/\.js$/, "")} | FAILED | ${String(err.message).split("\n")[0]} | |`);
    }
  }
  console.log(
    `\nICT-kostenbenchmark benchmarks — node ${process.version}, ${require("os").cpus().length} cores, ${new Date().toISOString().slice(0, 10)}\n`,
  );
  console.log(lines.join("\n"));
  if (failed) process.exitCode = 1;
}
