// Colours, chosen once. Categorical colours follow Okabe & Ito (safe for the common forms of colour
// blindness), darkened where needed so marks keep 3:1 contrast on white (WCAG 1.4.11). Charts never
// rely on colour alone: each also has labels, a legend and a table.

export const USE_CATEGORY_COLORS: Record<"laag" | "gemiddeld" | "hoog", string> = {
  laag: "#0072B2",
  gemiddeld: "#6E6E6E",
  hoog: "#C0392B"
};

export const USE_CATEGORY_LABELS: Record<"laag" | "gemiddeld" | "hoog", string> = {
  laag: "laag (< 7%)",
  gemiddeld: "gemiddeld (7–11%)",
  hoog: "hoog (> 11%)"
};

/** One colour per care type, in the settings' order; the same everywhere (factsheet items 9–10 too). */
export const CARE_TYPE_COLORS: Record<string, string> = {
  basis_ggz: "#56B4E9",
  specialistische_ggz: "#0072B2",
  curatieve_ggz: "#7B6FD0",
  dyslexie: "#E69F00",
  ambulante_begeleiding: "#009E73",
  dagbehandeling: "#CC79A7",
  verblijf: "#D55E00",
  crisis: "#444444"
};

/** Two-series comparisons (raw vs corrected, with vs without dyslexia). */
export const PAIR_COLORS = ["#0072B2", "#E69F00"] as const;

export const NEUTRAL = "#6E6E6E";

/** Up to eight compared series (the explorer's schools): Okabe–Ito without its yellow (1,2:1 on white)
 *  and black (invisible in the dark theme), completed with two of the colours above. */
export const SERIES_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7B6FD0", "#C0392B"] as const;

/** Every colour a chart draws marks in, once: a municipality's house style with another background
 *  adjusts them where they would lose contrast (loaders/huisstijl.ts chartColourRules). */
export const CHART_COLORS: readonly string[] = [
  ...new Set([...Object.values(USE_CATEGORY_COLORS), ...Object.values(CARE_TYPE_COLORS), ...PAIR_COLORS, NEUTRAL, ...SERIES_COLORS])
];
