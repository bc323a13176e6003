// npm run data:generate — rewrites data/default/{leerlingen,trajecten,scholen}.csv from the
// report's published figures (data/default/inhoud/gepubliceerd/) and the default settings. Deterministic: running it
// twice gives byte-identical files (a test checks this against the committed files).

import {readFileSync, writeFileSync} from "node:fs";
import path from "node:path";
import {readPublishedFiles} from "../loaders/io.js";
import {PUBLISHED_FILES, readPublished, targetsFromPublished, type PublishedTexts} from "../loaders/published.js";
import type {Settings} from "../loaders/model.js";
import {generate} from "../loaders/synthetic/generate.js";

const root = path.resolve(import.meta.dirname, "..");
const published: PublishedTexts = readPublishedFiles(PUBLISHED_FILES);
const settings = JSON.parse(readFileSync(path.join(root, "data/default/instellingen.json"), "utf8")) as Settings;

const started = performance.now();
const files = generate(targetsFromPublished(readPublished(published)), settings);
for (const [name, text] of Object.entries(files)) {
  writeFileSync(path.join(root, "data/default", name), text);
  console.log(`data/default/${name}: ${text.split("\r\n").length - 2} rijen`);
}
console.log(`klaar in ${Math.round(performance.now() - started)} ms`);
