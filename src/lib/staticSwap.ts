// A chart or table that answers the reader's choices is written into the page at build time in its
// default state (scripts/staticPage.ts), so it reads without JavaScript and nothing moves on load. The
// page's code redraws it only once the reader chooses something else, and from then on at every choice,
// the way back to the default included.

/**
 * Puts `render()` in the element with this id when `chosen` (the reader's choice differs from the
 * default the build drew) or when it was redrawn before; otherwise leaves the build's version alone and
 * does not call `render`, so what only a redraw needs (Plot, say) can be imported inside it.
 */
export async function redrawWhenChosen(id: string, chosen: boolean, render: () => Node | Promise<Node>): Promise<void> {
  const slot = document.getElementById(id);
  if (!slot) throw new Error(`Geen element met id ${JSON.stringify(id)} om opnieuw te tekenen`);
  if (!chosen && slot.dataset.live === undefined) return;
  slot.dataset.live = "";
  // The first redraw loads Plot and the chart's modules: a reader's next choice can finish drawing
  // before it does, and then the older chart must not come back over the newer one.
  const call = (latestCall.get(slot) ?? 0) + 1;
  latestCall.set(slot, call);
  const node = await render();
  if (latestCall.get(slot) === call) slot.replaceChildren(node);
}

/** Per slot, the number of the most recent redraw asked for. */
const latestCall = new WeakMap<HTMLElement, number>();
