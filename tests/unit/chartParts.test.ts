// @vitest-environment jsdom
import {expect, it} from "vitest";
import {drawable, horizontalBars, withheldNote} from "../../src/components/chartParts.js";

const H = {suppressed: true as const, minCount: 5};

it("drawable gives a withheld value as null and keeps a zero", () => {
  expect([drawable(H), drawable(0), drawable(12), drawable(null)]).toEqual([null, 0, 12, null]);
});

it("withheldNote explains '·' with the smallest threshold, and is absent when nothing is withheld", () => {
  expect(withheldNote([3, H, {suppressed: true, minCount: 10}])).toBe(
    "„·” = niet gepubliceerd: een klein aantal (1 tot en met 4 leerlingen), een getal dat daarop berust, of een aantal dat is weggelaten zodat een klein aantal niet terug te rekenen is."
  );
  expect(withheldNote([0, 7, null])).toBeUndefined();
});

it("horizontalBars keeps the rows' order and leaves room right of the longest bar for its text", () => {
  const rows = [{name: "b", n: 40}, {name: "a", n: 10}, {name: "c", n: null}];
  const chart = horizontalBars(rows, {
    width: 400,
    ariaLabel: "test",
    label: (r) => r.name,
    value: (r) => r.n,
    text: (r) => String(r.n),
    fill: () => "black",
    marginLeft: 40,
    labelRoom: 0.5
  });
  const ticks = [...chart.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
  expect(ticks).toEqual(["b", "a", "c"]);
  expect(chart.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(2);
  // Domain 0 … 40 · 1,5 = 60: the last x tick is 60.
  const xTicks = [...chart.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
  expect(xTicks[xTicks.length - 1]).toBe("60");
});
