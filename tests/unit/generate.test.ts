// `npm run data:generate` must rewrite the committed default data byte for byte: the synthetic
// set is code + seed, and a change to either must show up as a change to the files.
import {readFileSync} from "node:fs";
import path from "node:path";
import {expect, it} from "vitest";
import {readPublishedFiles} from "../../loaders/io.js";
import type {Settings} from "../../loaders/model.js";
import {PUBLISHED_FILES, readPublished, targetsFromPublished, type PublishedTexts} from "../../loaders/published.js";
import {generate} from "../../loaders/synthetic/generate.js";

const root = path.resolve(import.meta.dirname, "../..");
const read = (...parts: string[]) => readFileSync(path.join(root, ...parts), "utf8");

it("the generator reproduces the committed default data byte for byte", () => {
  const published: PublishedTexts = readPublishedFiles(PUBLISHED_FILES);
  const settings = JSON.parse(read("data/default/instellingen.json")) as Settings;
  const files = generate(targetsFromPublished(readPublished(published)), settings);
  for (const [name, text] of Object.entries(files)) {
    const committed = read("data/default", name);
    expect(text.length, name).toBe(committed.length);
    expect(text === committed, `${name} differs from the committed file: run npm run data:generate`).toBe(true);
  }
});
