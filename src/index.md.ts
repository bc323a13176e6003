// Page loader: index.md.in with the content folder's passages and only the parts this build's data and
// content have (loaders/content.ts renderTemplate).
import {printTemplatePage} from "../scripts/templatePage.js";

await printTemplatePage(new URL("./index.md.in", import.meta.url));
