/**
 * Bundles the browser tests' test host (tests/browser/host/test-host.ts: Office and Excel on the in-memory
 * Excel fake) into one script that the tests serve in place of office.js. Used by tests/browser/build.ts.
 */
const path = require("path");

module.exports = (outputPath) => ({
  mode: "development",
  devtool: false,
  entry: path.resolve(__dirname, "host/test-host.ts"),
  output: { path: outputPath, filename: "test-host.js" },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true } },
      },
    ],
  },
  performance: { hints: false },
});
