// Page loader for the chapters a study's content folder supplies (<data>/inhoud/paginas/<key>.md: the
// interviews, conclusions and recommendations of that study). Parameterized, so Framework builds a
// chapter only when observablehq.config.ts lists it in dynamicPaths, that is when the folder has it.
import {parseArgs} from "node:util";
import {printTemplatePage} from "../scripts/templatePage.js";

const {values: args} = parseArgs({options: {hoofdstuk: {type: "string"}}});

await printTemplatePage(({content}) => {
  const chapter = content.chapters.get(args.hoofdstuk as never);
  if (chapter === undefined) throw new Error(`Geen hoofdstuk "${args.hoofdstuk}" in de inhoudsmap (inhoud/paginas/${args.hoofdstuk}.md).`);
  return {name: `inhoud/paginas/${args.hoofdstuk}.md`, text: chapter};
});
