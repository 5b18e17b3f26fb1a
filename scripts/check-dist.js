#!/usr/bin/env node
/**
 * After `npm run build` (CI runs both): is dist/ what Office needs to load the add-in from the
 * production URL? The manifest, both function metadata files, the shared-runtime page with its CSP
 * and the CDN office.js, the bundles, the icons and the functions help page; no localhost anywhere.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const dist = path.join(__dirname, "..", "dist");
const problems = [];
const read = (file) => {
  const p = path.join(dist, file);
  if (!fs.existsSync(p)) {
    problems.push(`missing: dist/${file}`);
    return "";
  }
  return fs.readFileSync(p, "utf8");
};

const manifest = read("manifest.xml");
if (/localhost/i.test(manifest)) problems.push("dist/manifest.xml still names localhost");
for (const file of ["functions.json", "functions-nl.json"]) {
  const text = read(file);
  if (!text) continue;
  if (/localhost/i.test(text)) problems.push(`dist/${file} still names localhost`);
  const names = JSON.parse(text).functions.map((f) => f.name);
  if (names.length < 14) problems.push(`dist/${file} has ${names.length} functions, expected at least 14`);
}
const page = read("taskpane.html");
if (!/src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/.test(page))
  problems.push("taskpane.html does not load office.js from Microsoft's CDN");
if (!/Content-Security-Policy[^>]*connect-src 'self'/.test(page))
  problems.push("taskpane.html has no Content-Security-Policy limiting connect-src to 'self'");
for (const file of ["taskpane.js", "functions.js", "commands.js", "docs/functions.html"]) read(file);
for (const size of [16, 32, 64, 80]) read(`assets/icon-${size}.png`);

// The production manifest must still be valid against the offline schemas (when shared/ is beside the repo).
const xsd = path.join(
  __dirname,
  "..",
  "..",
  "shared",
  "schemas",
  "office-addin-manifest",
  "OfficeAppManifestV1_1.xsd",
);
if (manifest && fs.existsSync(xsd)) {
  try {
    execFileSync("xmllint", ["--noout", "--schema", xsd, path.join(dist, "manifest.xml")], { stdio: "pipe" });
  } catch (err) {
    problems.push(`dist/manifest.xml does not validate: ${String(err.stderr || err.message).trim()}`);
  }
}

if (problems.length) {
  console.error("dist/ check failed:\n  " + problems.join("\n  "));
  process.exit(1);
}
console.log("dist/ check: manifest, functions.json, functions-nl.json, task pane, bundles, icons — ok");
