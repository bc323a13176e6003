// Debian's Chromium for the browser tests, launched the way this machine needs it (no sandbox as
// root; no background networking, whose connections the closed network refuses).
import {existsSync, readFileSync, readdirSync} from "node:fs";
import path from "node:path";
import type {Browser, Page} from "playwright-core";
import {inject} from "vitest";
import type {OfflineBuild} from "./global-setup.js";

export {CHROMIUM_ARGS, launchChromium} from "../../scripts/chromium.js";

/** The offline build (tests/browser/global-setup.ts), finished: wait-for-build.ts ran first. */
export function offlineBuild(): OfflineBuild {
  const files = inject("offlineBuild");
  return {...files, ...(JSON.parse(readFileSync(files.statusFile, "utf8")) as Pick<OfflineBuild, "exitCode" | "durationMs" | "baseUrl">)};
}

/** The served offline build. */
export function baseUrl(): string {
  const url = offlineBuild().baseUrl;
  if (!url) throw new Error("the offline build was not served; see the build log");
  return url;
}

/** Opens a page of the built site and waits until the network is idle and the fonts are in; collects console errors. */
export async function openPage(browser: Browser, urlPath: string): Promise<{page: Page; consoleErrors: string[]}> {
  const page = await browser.newPage({viewport: {width: 1280, height: 1000}});
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  await page.goto(new URL(urlPath, baseUrl()).href, {waitUntil: "networkidle"});
  // Layout checks (overflow, printed pages) must measure the shipped fonts, not their stand-ins.
  await page.evaluate(() => document.fonts.ready);
  return {page, consoleErrors};
}

/** URL paths of the built pages, the way a static host serves them ("/", "/hoofdstuk", "/scholen/"). */
export function builtPages(distDir: string = inject("offlineBuild").distDir): string[] {
  if (!existsSync(distDir)) return [];
  return readdirSync(distDir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.relative(distDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .map((file) => `/${file.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "")}`)
    .sort();
}
