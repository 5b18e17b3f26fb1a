#!/usr/bin/env node
// Thin launcher: the compiled command-line tool lives in lib/ (built by `npm run build:cli`, run by npm ci's prepare).
require("../lib/cli/cli.js").main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
