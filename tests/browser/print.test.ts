// Every page prints on A4: no navigation, nothing wider than the printable width (charts and tables
// not cut off), and Chromium renders a PDF of it.
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {builtPages, launchChromium, openPage} from "./chromium.js";

// A4 is 210 mm wide; with 15 mm margins 180 mm ≈ 680 CSS pixels remain at 96 dpi.
const PRINTABLE_WIDTH_PX = 680;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(builtPages())("page %s in print", (urlPath) => {
  test("has no sidebar or navigation, nothing wider than A4, and renders a PDF", async () => {
    const {page, consoleErrors} = await openPage(browser, urlPath);
    await page.setViewportSize({width: PRINTABLE_WIDTH_PX, height: 1000});
    await page.emulateMedia({media: "print"});
    const layout = await page.evaluate((limit) => {
      const hidden = (selector: string) => {
        const element = document.querySelector(selector);
        return !element || getComputedStyle(element).display === "none";
      };
      const tooWide = [...document.querySelectorAll("#observablehq-main svg, #observablehq-main table, #observablehq-main figure")]
        .filter((element) => element.getBoundingClientRect().width > 0)
        .filter((element) => element.getBoundingClientRect().right > limit + 1)
        .map((element) => `${element.tagName.toLowerCase()} ${Math.round(element.getBoundingClientRect().right)}px`);
      return {sidebarHidden: hidden("#observablehq-sidebar"), tocHidden: hidden("#observablehq-toc"), tooWide};
    }, PRINTABLE_WIDTH_PX);
    expect(layout).toEqual({sidebarHidden: true, tocHidden: true, tooWide: []});
    const pdf = await page.pdf({format: "A4", preferCSSPageSize: true});
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
