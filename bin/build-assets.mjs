#!/usr/bin/env node
// Build the front-end assets into static/build/ (gitignored).
//
//   npm run build
//
// 1. Compiles static/src/app.scss -> static/build/app.css (compressed), with
//    Sass's Node package importer (the same as `sass --pkg-importer=node`).
// 2. Copies GOV.UK Frontend's ES module JS, static/src/app.mjs and static/src/js-enabled.js.
// 3. Copies every image the compiled CSS refers to under
//    /static/build/assets/ from govuk-frontend's or MOJ Frontend's assets
//    folder, and fails if one cannot be found (so Django's
//    ManifestStaticFilesStorage never meets a missing file in collectstatic).
//    GOV.UK's favicons, manifest.json, crest icons and font files are
//    deliberately NOT copied: this is a council service, not GOV.UK.
//
// No dependencies beyond `sass`. Idempotent: static/build/ is recreated on
// every run. Exits non-zero on any error.

import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import * as sass from "sass";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const srcDir = path.join(root, "static", "src");
const buildDir = path.join(root, "static", "build");
const assetsUrlPrefix = "/static/build/assets/";

const govukDist = path.join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const mojDist = path.join(root, "node_modules", "@ministryofjustice", "frontend", "moj");
// Where to look for files referenced as /static/build/assets/<name>
const assetSources = [path.join(govukDist, "assets"), path.join(mojDist, "assets")];

function rel(p) {
  return path.relative(root, p);
}

async function compileCss() {
  const entry = path.join(srcDir, "app.scss");
  const result = await sass.compileAsync(entry, {
    style: "compressed",
    sourceMap: false,
    // `pkg:` URLs, resolved through each package's package.json
    importers: [new sass.NodePackageImporter(root)],
    // MOJ Frontend loads "node_modules/govuk-frontend/dist/govuk/base",
    // relative to the project root.
    loadPaths: [root],
    // Warnings from inside node_modules are not ours to fix.
    quietDeps: true,
    logger: {
      warn(message, { deprecation, span }) {
        const where = span?.url ? ` (${span.url}:${span.start.line + 1})` : "";
        console.warn(`sass ${deprecation ? "deprecation " : ""}warning: ${message}${where}`);
      },
    },
  });
  const outFile = path.join(buildDir, "app.css");
  await writeFile(outFile, result.css + "\n");
  console.log(`wrote ${rel(outFile)} (${result.css.length} bytes, ${result.loadedUrls.length} Sass files)`);
  return result.css;
}

async function copy(from, to) {
  await mkdir(path.dirname(to), { recursive: true });
  await copyFile(from, to);
  console.log(`copied ${rel(from)} -> ${rel(to)}`);
}

async function copyReferencedAssets(css) {
  const urls = new Set();
  for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
    const url = match[2].trim();
    if (url.startsWith("data:") || url.startsWith("#")) continue;
    if (!url.startsWith(assetsUrlPrefix)) {
      throw new Error(`app.css refers to ${url}, which is outside ${assetsUrlPrefix}: check $moj-assets-path`);
    }
    urls.add(url);
  }
  for (const url of [...urls].sort()) {
    const name = decodeURI(url.slice(assetsUrlPrefix.length).split(/[?#]/)[0]);
    if (name.includes("..")) throw new Error(`refusing asset path ${url}`);
    if (name.startsWith("fonts/")) {
      throw new Error(`app.css refers to font ${url}: the GOV.UK font must be turned off`);
    }
    const source = assetSources.map((dir) => path.join(dir, name)).find((p) => existsSync(p));
    if (!source) throw new Error(`app.css refers to ${url}, not found in ${assetSources.map(rel).join(" or ")}`);
    await copy(source, path.join(buildDir, "assets", name));
  }
}

async function main() {
  // Start from scratch so removed files do not linger.
  await rm(buildDir, { recursive: true, force: true });
  await mkdir(buildDir, { recursive: true });

  const css = await compileCss();
  await copyReferencedAssets(css);

  await copy(path.join(govukDist, "govuk-frontend.min.js"), path.join(buildDir, "govuk-frontend.min.js"));
  await copy(path.join(srcDir, "app.mjs"), path.join(buildDir, "app.mjs"));
  await copy(path.join(srcDir, "js-enabled.js"), path.join(buildDir, "js-enabled.js"));
}

// Only run when executed directly (allows importing for tests).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(`build-assets failed: ${error?.message ?? error}`);
    process.exitCode = 1;
  });
}
