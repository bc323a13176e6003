// Plot-style snapshot testing: render in jsdom, normalise what changes between runs (Plot's random
// class names, long decimals, generated ids), and compare with a committed file. With CI set, vitest
// does not write missing snapshots, so a new chart without its snapshot fails there.
import path from "node:path";
import {expect} from "vitest";

export function normaliseSvg(element: Element): string {
  const ids = new Map<string, string>();
  return element.outerHTML
    .replace(/plot-[0-9a-f]{6}/g, "plot")
    .replace(/\b(\d+\.\d{3,})\b/g, (m) => Number(m).toFixed(2))
    .replace(/id="([^"]+)"/g, (_, id: string) => {
      if (!ids.has(id)) ids.set(id, `id${ids.size}`);
      return `id="${ids.get(id)}"`;
    })
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${ids.get(id) ?? id})`)
    .replace(/></g, ">\n<");
}

export async function expectSvgSnapshot(element: Element, name: string): Promise<void> {
  const file = path.resolve(import.meta.dirname, "../snapshots", `${name}.svg`);
  await expect(normaliseSvg(element)).toMatchFileSnapshot(file);
}
