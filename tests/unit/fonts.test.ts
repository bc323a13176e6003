// scripts/fonts.mjs: the committed font metrics are those of the shipped files, the fallback
// overrides follow from them by hand-checkable arithmetic, and the stacks in src/style.css name the
// faces the generated head defines.
import {existsSync, readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {measure} from "../../scripts/font-metrics.mjs";
import {FACES, FALLBACKS, METRICS, SHIPPED_METRIC_FILES, fallbackMetrics, fontHead, fontStack, shippedFile} from "../../scripts/fonts.mjs";

describe("METRICS", () => {
  test.each(Object.entries(SHIPPED_METRIC_FILES))("%s matches the shipped woff2", (family, file) => {
    expect(measure(shippedFile(file))).toEqual(METRICS[family as keyof typeof METRICS]);
  });

  // Measured on the machines that have DejaVu (every Debian with Chromium); elsewhere skipped.
  const dejavu = {"DejaVu Serif": "DejaVuSerif.ttf", "DejaVu Sans": "DejaVuSans.ttf", "DejaVu Sans Mono": "DejaVuSansMono.ttf"};
  test.each(Object.entries(dejavu))("%s matches the system's file", (family, file) => {
    const ttf = `/usr/share/fonts/truetype/dejavu/${file}`;
    if (!existsSync(ttf)) return;
    expect(measure(ttf)).toEqual(METRICS[family as keyof typeof METRICS]);
  });

  test("the variable sans is measured at weight 400: 'a' advances 504 units, not the 486 of its default 200", () => {
    // Source Sans 3 is about 19 % narrower than DejaVu Sans on the site's text.
    expect(METRICS["Source Sans 3"].avgWidth / METRICS["DejaVu Sans"].avgWidth).toBeCloseTo(0.81, 2);
  });
});

describe("fallbackMetrics", () => {
  test("Source Sans 3 over Arial: scaled to the same line length, then each metric divided by the scale", () => {
    // scale = 0.42333 / 0.45866 = 0.922971; ascent 1024/1000/scale = 1.10946; descent 400/1000/scale = 0.43338
    expect(fallbackMetrics("Source Sans 3", "Arial")).toEqual({
      sizeAdjust: "92.30%",
      ascentOverride: "110.95%",
      descentOverride: "43.34%",
      lineGapOverride: "0.00%"
    });
  });

  test("Source Serif 4 over DejaVu Serif", () => {
    // scale = 0.48059 / 0.5281 = 0.910036; ascent 1.036/scale = 1.13842; descent 0.335/scale = 0.36812
    expect(fallbackMetrics("Source Serif 4", "DejaVu Serif")).toEqual({
      sizeAdjust: "91.00%",
      ascentOverride: "113.84%",
      descentOverride: "36.81%",
      lineGapOverride: "0.00%"
    });
  });
});

describe("fontHead", () => {
  const head = fontHead((face) => `../_fonts/${face.file.split("/").pop()}`);

  test("preloads exactly the faces marked preload, as CORS font requests", () => {
    const preloads = head.match(/<link [^>]*>/g) ?? [];
    expect(preloads).toEqual(
      FACES.filter((f) => f.preload).map(
        (f) => `<link rel="preload" as="font" type="font/woff2" href="../_fonts/${f.file.split("/").pop()}" crossorigin>`
      )
    );
    expect(preloads.length).toBe(3);
  });

  test("declares every face with font-display: swap and one metric-matched stand-in per local font", () => {
    const rules = head.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(rules.length).toBe(FACES.length + Object.values(FALLBACKS).flat().length);
    expect(rules.filter((r) => r.includes("font-display:swap")).length).toBe(FACES.length);
    expect(rules).toContain(
      '@font-face{font-family:"Source Sans 3 fallback DejaVu Sans";src:local("DejaVu Sans"),local("DejaVuSans");' +
        "size-adjust:81.03%;ascent-override:126.37%;descent-override:49.36%;line-gap-override:0.00%}"
    );
  });
});

test("src/style.css sets Framework's three font variables to the generated stacks", () => {
  const css = readFileSync(new URL("../../src/style.css", import.meta.url), "utf8");
  for (const [variable, family] of [["--serif", "Source Serif 4"], ["--sans-serif", "Source Sans 3"], ["--monospace", "Source Code Pro"]]) {
    expect(css).toContain(`${variable}: ${fontStack(family)};`);
  }
});
