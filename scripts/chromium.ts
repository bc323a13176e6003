// Debian's Chromium as this project launches it (tests and npm run pdf): no sandbox as root, and no
// background networking, whose connections the closed network would refuse.
import {type Browser, chromium} from "playwright-core";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic"
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS});
}
