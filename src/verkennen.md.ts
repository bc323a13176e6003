// Page loader for /verkennen (verkennen.md.in): the explorer's first view — the default filters, drawn
// from the cube's files exactly as the site publishes them (the perturbed counts) — and the numbers of
// the perturbation, written at build time (scripts/staticPage.ts), so the page reads without
// JavaScript (print without it, screen readers without it, search engines). The filters, a view of the
// reader's own choice and the SQL box need the browser; the static page says so where they would be.
import {csvParse} from "d3";
import {writeStaticPage} from "../scripts/staticPage.js";

const {Cube, variantFileName} = await import("./lib/cube.js");
const {defaultState} = await import("./lib/explorerState.js");
const {explorerFigures, selectionText} = await import("./components/ExplorerFigures.js");
const {formatCount} = await import("./lib/format.js");
const {joinNames} = await import("./components/schoolTables.js");
const {periodText} = await import("./components/reportText.js");

const {escapeHtml: escape} = await import("./lib/html.js");
// With JavaScript the live filters, view and SQL box take these places once the cube has loaded; the
// first view is for readers without it only, so nothing on the screen is replaced (no layout shift).
const noscript = (html: string) => `<noscript>${html}</noscript>`;
const download = (name: string) => `<a href="./data/rapport/verkennen/${name}" download="${name}">${name}</a>`;

await writeStaticPage(
  import.meta.url,
  ({cubeMeta, cubeFiles, statistics}) => {
    const file = (name: string) => {
      const text = cubeFiles[name];
      if (text === undefined) throw new Error(`verkennen.md.ts: het bestand verkennen/${name} ontbreekt in het rapport`);
      return csvParse(text) as unknown as Record<string, string>[];
    };
    const state = defaultState(new Cube(cubeMeta, [], []));
    const first = variantFileName(state);
    const cube = new Cube(cubeMeta, file("eenheden.csv"), file("leerlingen.csv"), file(first));
    const figures = explorerFigures(cube, state, {width: 640, quantiles: statistics}).map((figure) => {
      const element = figure.build();
      // Download buttons hand out their CSV only through the page's code, which replaces this view.
      for (const button of element.querySelectorAll("button")) button.remove();
      return element.outerHTML;
    });
    const {perturbation} = cubeMeta;
    return {
      text: {
        roundBelow: formatCount(perturbation.roundBelow),
        roundedDeviation: formatCount(perturbation.roundedDeviation),
        stationaryFrom: formatCount(perturbation.stationaryFrom),
        largeDeviation: formatCount(perturbation.largeDeviation)
      },
      blocks: {
        filters: noscript(
          `<div class="note" label="Filters"><p>De filters werken alleen met JavaScript aan. Zonder JavaScript ziet u de eerste weergave: ${escape(
            `de hele gemeente in ${periodText(cubeMeta.years)}, ${selectionText(cube, state)}`
          )}.</p></div>`
        ),
        resultaten: noscript(`<div class="explorer-results">${figures.join("\n")}</div>`),
        zonderScript: noscript(`<p class="note">Eigen vragen met SQL stellen kan alleen met JavaScript aan: de database draait in uw browser. Zonder JavaScript kunt u de tabellen van de eerste weergave wel downloaden: ${joinNames(
          ["leerlingen.csv", "eenheden.csv", first].map(download)
        )}.</p>`)
      }
    };
  },
  {privacy: true}
);
