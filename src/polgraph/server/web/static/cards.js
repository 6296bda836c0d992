// Narrow screens: each row of a page's tables becomes a card whose cells carry their column's
// heading (style.css shows it below 600px wide). The headings are copied from the table's own
// <th> cells, so templates write a table once, and a reader without scripts still gets the
// table, scrolled sideways in its own box. Results of the query page keep their wide table.
(function () {
  "use strict";
  function label(table) {
    const heads = Array.from(table.querySelectorAll(":scope > thead > tr > th"));
    if (heads.length === 0) { return; }
    const names = heads.map((head) => head.textContent.trim());
    for (const row of table.querySelectorAll(":scope > tbody > tr")) {
      Array.from(row.children).forEach((cell, index) => {
        if (names[index]) { cell.dataset.label = names[index]; }
      });
    }
    table.classList.add("cards");
  }
  function labelAll() {
    for (const table of document.querySelectorAll("main table")) {
      if (!table.closest(".results-table")) { label(table); }
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", labelAll);
  } else {
    labelAll();
  }
})();
