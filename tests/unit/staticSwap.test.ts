// @vitest-environment jsdom
// redrawWhenChosen (src/lib/staticSwap.ts): the build's chart stays until the reader chooses, and a
// slow redraw for an earlier choice never replaces the one for a later choice.
import {beforeEach, expect, test} from "vitest";
import {redrawWhenChosen} from "../../src/lib/staticSwap.js";

beforeEach(() => {
  document.body.innerHTML = '<div id="figuur"><p>van de bouw</p></div>';
});

const text = (content: string) => Object.assign(document.createElement("p"), {textContent: content});
const slotText = () => document.getElementById("figuur")!.textContent;

test("leaves the build's chart alone until a choice differs from the default, then redraws at every choice", async () => {
  let renders = 0;
  await redrawWhenChosen("figuur", false, () => (renders++, text("nieuw")));
  expect(slotText()).toBe("van de bouw");
  expect(renders).toBe(0);
  await redrawWhenChosen("figuur", true, () => text("keuze"));
  expect(slotText()).toBe("keuze");
  // Back to the default: drawn again (the build's version is gone).
  await redrawWhenChosen("figuur", false, () => text("standaard"));
  expect(slotText()).toBe("standaard");
});

test("a redraw that finishes after a later one does not replace it", async () => {
  let finishFirst!: () => void;
  const first = redrawWhenChosen("figuur", true, () => new Promise<Node>((resolve) => (finishFirst = () => resolve(text("eerste keuze")))));
  await redrawWhenChosen("figuur", true, () => text("tweede keuze"));
  expect(slotText()).toBe("tweede keuze");
  finishFirst();
  await first;
  expect(slotText()).toBe("tweede keuze");
});
