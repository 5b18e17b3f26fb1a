/**
 * Builds what the browser tests serve, once per run, into a temporary folder (never dist/, which other
 * builds and tests use): the add-in with the project's own webpack.config.js (development mode), and the
 * test host with tests/browser/webpack.host.config.js.
 */
import fs from "fs";
import os from "os";
import path from "path";
import webpack, { Configuration, Stats } from "webpack";

export const repo = path.resolve(__dirname, "../..");

function compile(config: Configuration): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config, (err?: Error | null, stats?: Stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) {
        return reject(new Error(stats.toString({ all: false, errors: true, errorDetails: true })));
      }
      resolve();
    });
  });
}

export interface Built {
  /** The add-in's files: taskpane.html, taskpane.js, ... */
  app: string;
  /** test-host.js, served in place of office.js. */
  hostScript: string;
  cleanup(): void;
}

export async function buildForBrowser(): Promise<Built> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ictcost-browser-"));
  const app = path.join(root, "app");
  const host = path.join(root, "host");
  const cwd = process.cwd();
  process.chdir(repo); // the project's config uses paths relative to the repository
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(path.join(repo, "webpack.config.js")) as (
      env: object,
      argv: object,
    ) => Promise<Configuration>;
    const config = await makeConfig({}, { mode: "development" });
    config.mode = "development";
    config.output = { ...config.output, path: app };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const hostConfig = (require("./webpack.host.config.js") as (out: string) => Configuration)(host);
    await Promise.all([compile(config), compile(hostConfig)]);
  } finally {
    process.chdir(cwd);
  }
  return {
    app,
    hostScript: path.join(host, "test-host.js"),
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
