// What the study in the content folder (<data>/inhoud/) wrote itself, not computed here: its identity,
// the factor verdicts of its chapters and its errata with how this site handles each. Empty lists and
// a null identity when the data come without content. (The name is the default content's; pages and
// the content's own chapters attach it under it.)
import {exitOnInputError} from "../../loaders/load.js";
import {contentFromEnvironment} from "../../loaders/site.js";

await exitOnInputError(() => {
  const {identity, factorVerdicts, errata} = contentFromEnvironment();
  process.stdout.write(JSON.stringify({identity, factorVerdicts, errata}));
});
