// @vitest-environment jsdom
// appendRow stands in for section.insertRow() (src/components/tableRows.ts): the same row, last.
import {describe, expect, it} from "vitest";
import {appendRow} from "../../src/components/tableRows.js";

describe("appendRow", () => {
  it("adds a row at the end of the section, as insertRow() does", () => {
    const table = document.createElement("table");
    const body = table.createTBody();
    body.insertRow().insertCell().textContent = "eerste";
    const row = appendRow(body);
    row.insertCell().textContent = "tweede";
    expect(row.tagName).toBe("TR");
    expect(row.parentElement).toBe(body);
    expect([...body.rows].map((r) => r.textContent)).toEqual(["eerste", "tweede"]);
    expect(table.outerHTML).toBe("<table><tbody><tr><td>eerste</td></tr><tr><td>tweede</td></tr></tbody></table>");
  });
});
