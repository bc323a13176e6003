// NADERE_OGEN_PROGRESS: the one switch for progress lines of long steps (loaders/io.ts).
import {afterEach, expect, it, vi} from "vitest";
import {progressLine} from "../../loaders/io.js";

afterEach(() => vi.restoreAllMocks());

it("writes nothing unless NADERE_OGEN_PROGRESS is set", () => {
  expect(progressLine({})).toBeUndefined();
  expect(progressLine({NADERE_OGEN_PROGRESS: ""})).toBeUndefined();
});

it("writes one line to stderr, prefixed with the UTC time", () => {
  const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  vi.useFakeTimers({now: new Date("2026-12-05T23:04:05Z")});
  try {
    progressLine({NADERE_OGEN_PROGRESS: "1"})?.("stap 1: 50 van 9355 kleine aantallen");
  } finally {
    vi.useRealTimers();
  }
  expect(write).toHaveBeenCalledWith("23:04:05 stap 1: 50 van 9355 kleine aantallen\n");
});
