/**
 * Builds the Excel add-in (shared runtime): one page, taskpane.html, loads taskpane.js, commands.js and
 * functions.js; functions.json is generated from src/functions/functions.ts.
 *
 *   npm run build        production build into dist/, manifest URLs rewritten to the production URL
 *   npm run dev-server   https://localhost:3000/ with the office-addin-dev-certs certificates
 *
 * Production URL: env ICTCOST_URL (default https://ictcost.example.nl/).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { builtinModules } = require("module");
const { X509Certificate } = require("crypto");
const { Compilation, WebpackError, sources } = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const FunctionsLocalePlugin = require("./src/functions/locale-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const devPort = Number(process.env.npm_package_config_dev_server_port || 3000);
const urlDev = `https://localhost:${devPort}/`;
/** The placeholder production host written in manifest.xml (SupportUrl, LearnMoreUrl). */
const urlProdPlaceholder = "https://ictcost.example.nl/";

/** The production URL, from ICTCOST_URL: https only, always ending in "/". */
function productionUrl() {
  const url = process.env.ICTCOST_URL || urlProdPlaceholder;
  if (!/^https:\/\/[^/\s]+/.test(url)) throw new Error(`ICTCOST_URL must be an https:// URL, got "${url}"`);
  return url.endsWith("/") ? url : `${url}/`;
}

/** Every occurrence (not only the first) of each development/placeholder URL, replaced by `urlProd`. */
function toProductionUrls(text, urlProd) {
  return text.split(urlDev).join(urlProd).split(urlProdPlaceholder).join(urlProd);
}

// ---- Node-only modules must never reach the add-in bundle ----

/** Packages that only run in Node (the CLI's workbook writer); the add-in uses the Excel JavaScript API. */
const nodeOnlyPackages = ["exceljs"];
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith("_"));

/** "node:fs/promises" → "fs", "@scope/pkg/x" → "@scope/pkg", "exceljs/dist/x" → "exceljs". */
function packageRoot(request) {
  const parts = request.replace(/^node:/, "").split("/");
  return parts[0].startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/**
 * Fails the build when anything imports a Node-only package, or our own code (anything outside node_modules)
 * imports a Node built-in. Libraries in node_modules that merely probe for `fs` and the like get an empty
 * module instead (resolve.fallback below), as webpack 5 does not polyfill Node.
 */
class NodeOnlyImportGuard {
  apply(compiler) {
    compiler.hooks.compilation.tap("NodeOnlyImportGuard", (compilation, { normalModuleFactory }) => {
      normalModuleFactory.hooks.beforeResolve.tap("NodeOnlyImportGuard", (data) => {
        const issuer = data.contextInfo.issuer || "";
        const fromOurCode = issuer !== "" && !issuer.split(path.sep).includes("node_modules");
        const root = packageRoot(data.request);
        const forbidden = nodeOnlyPackages.includes(root) || (fromOurCode && nodeBuiltins.includes(root));
        if (!forbidden) return undefined;
        compilation.errors.push(
          new WebpackError(
            `${path.relative(__dirname, issuer) || "(entry)"} imports "${data.request}", which only runs in Node ` +
              "and must not be part of the Excel add-in. Use the Excel JavaScript API or move the code to src/cli.",
          ),
        );
        return false;
      });
    });
  }
}

/**
 * custom-functions-metadata writes an empty functions.json while functions.ts declares no function yet;
 * Excel needs valid metadata, so an empty file becomes {"functions": []}.
 */
class EmptyFunctionsMetadata {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("EmptyFunctionsMetadata", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "EmptyFunctionsMetadata", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (asset && asset.source.size() === 0) {
            compilation.updateAsset("functions.json", new sources.RawSource('{ "functions": [] }\n'));
          }
        },
      );
    });
  }
}

// ---- dev-server certificates ----

const certDir = path.join(os.homedir(), ".office-addin-dev-certs");
const certFiles = {
  ca: path.join(certDir, "ca.crt"),
  cert: path.join(certDir, "localhost.crt"),
  key: path.join(certDir, "localhost.key"),
};

function certificatesUsable() {
  if (!Object.values(certFiles).every((f) => fs.existsSync(f))) return false;
  const validTo = Date.parse(new X509Certificate(fs.readFileSync(certFiles.cert)).validTo);
  return validTo - Date.now() > 24 * 3600 * 1000;
}

/**
 * The https options of the dev server, read directly from office-addin-dev-certs' default folder.
 * Missing or (nearly) expired certificates are generated there, WITHOUT installing/trusting the CA:
 * that needs sudo on Linux (see docs/sideloading.md); `npx office-addin-dev-certs install` does it
 * on Windows and macOS.
 */
async function devServerHttpsOptions() {
  if (!certificatesUsable()) {
    for (const file of Object.values(certFiles)) fs.rmSync(file, { force: true });
    const { generateCertificates } = require("office-addin-dev-certs");
    await generateCertificates();
    console.warn(
      `New development certificates in ${certDir}. Trust ${certFiles.ca} before sideloading ` +
        "(docs/sideloading.md), or the browser/Excel will refuse https://localhost.",
    );
  }
  return {
    ca: fs.readFileSync(certFiles.ca),
    cert: fs.readFileSync(certFiles.cert),
    key: fs.readFileSync(certFiles.key),
  };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const urlProd = productionUrl();

  return {
    devtool: "source-map", // never an eval-based devtool: the page's CSP has no 'unsafe-eval'
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
      // Every Office host has globalThis: webpack's runtime then takes it as it is, instead of its fallback
      // `new Function("return this")` (docs/security.md: the add-in runs no generated code).
      environment: { globalThis: true },
    },
    // One webpack runtime for the three entries: in the shared runtime they run on one page, and a module that
    // several of them import (shared state!) must be instantiated once, not once per entry.
    optimization: { runtimeChunk: "single", splitChunks: { chunks: "all" } },
    resolve: {
      extensions: [".ts", ".js"],
      fallback: Object.fromEntries(nodeBuiltins.map((m) => [m, false])),
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    plugins: [
      new NodeOnlyImportGuard(),
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      // Dutch descriptions (functions-nl.json) and the functions help page, from the generated English metadata.
      new FunctionsLocalePlugin({
        strings: "./src/functions/locale-nl.json",
        helpPage: { from: "./docs/functions.md", to: "docs/functions.html" },
        transformUrls: dev ? undefined : (text) => toProductionUrls(text, urlProd),
      }),
      new EmptyFunctionsMetadata(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "commands", "functions"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : toProductionUrls(content.toString(), urlProd)),
          },
        ],
      }),
    ],
    performance: {
      hints: dev ? false : "warning",
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
    },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_SERVE ? await devServerHttpsOptions() : undefined },
      port: devPort,
      client: { overlay: { warnings: false } },
    },
  };
};

module.exports.NodeOnlyImportGuard = NodeOnlyImportGuard;
