// Vitest's order (unknown and larger files first), except that the browser files waiting for a build
// that global-setup.ts runs in the background come last: the byte-for-byte comparison with the second
// build of the default site, then the invented municipalities' sites, which are built after it. Run
// earlier, they would hold the one browser file slot while the builds go on.
import {BaseSequencer, type TestSpecification} from "vitest/node";

const LAST = ["tests/browser/reproducible-build.test.ts", "tests/browser/gemeenten.test.ts"];

export default class BuildsLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => LAST.findIndex((name) => file.moduleId.endsWith(name));
    return [...sorted.filter((file) => rank(file) < 0), ...sorted.filter((file) => rank(file) >= 0).sort((a, b) => rank(a) - rank(b))];
  }
}
