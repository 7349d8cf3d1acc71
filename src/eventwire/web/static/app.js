// eventwire web UI. The only script the pages load; it reads data- attributes, never inline code.
"use strict";

(function () {
  const HIGHLIGHTS = ["hl-evidence", "hl-trigger", "hl-slot"];
  let pinned = null;

  function attr(name, id) {
    return "[" + name + '~="' + id.replace(/["\\]/g, "\\$&") + '"]';
  }

  function show(id) {
    document.querySelectorAll("." + HIGHLIGHTS.join(", .")).forEach(function (el) {
      el.classList.remove.apply(el.classList, HIGHLIGHTS);
    });
    document.querySelectorAll("tr.event-row.active").forEach(function (row) {
      row.classList.remove("active");
    });
    const box = document.getElementById("evidence");
    if (!id) {
      if (box) box.textContent = "";
      return;
    }
    const parts = [["data-ev", "hl-evidence"], ["data-sl", "hl-slot"], ["data-tr", "hl-trigger"]];
    let first = null;
    parts.forEach(function (p) {
      document.querySelectorAll(attr(p[0], id)).forEach(function (el) {
        el.classList.add(p[1]);
        if (!first) first = el;
      });
    });
    document.querySelectorAll(attr("data-event", id)).forEach(function (row) {
      row.classList.add("active");
    });
    if (box) {
      const evidence = Array.from(document.querySelectorAll(attr("data-ev", id)))
        .map(function (el) { return el.textContent; }).join("");
      box.textContent = evidence ? "Evidence: " + evidence.trim() : "";
    }
    return first;
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("tr.event-row").forEach(function (row) {
      const id = row.getAttribute("data-event");
      row.addEventListener("mouseenter", function () { show(id); });
      row.addEventListener("mouseleave", function () { show(pinned); });
      row.addEventListener("click", function (event) {
        if (event.target.closest("a")) return;
        pinned = pinned === id ? null : id;
        show(pinned);
      });
      row.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          pinned = pinned === id ? null : id;
          show(pinned);
        }
      });
    });
    const view = document.querySelector(".article-view[data-selected]");
    if (view) {
      pinned = view.getAttribute("data-selected");
      const first = show(pinned);
      if (first) first.scrollIntoView({ block: "center" });
    }
  });
})();
