// tandy serve: the review page's filters and finding links; every page works without it.
"use strict";

function applyFilters(form) {
  const wanted = (name) => new Set([...form.querySelectorAll(`input[name=${name}]:checked`)].map((i) => i.value));
  const severities = wanted("severity"), families = wanted("family");
  const shown = new Set();
  document.querySelectorAll("li.finding").forEach((li) => {
    const visible = severities.has(li.dataset.severity) && families.has(li.dataset.family);
    li.hidden = !visible;
    if (visible) shown.add(li.id.replace(/-item$/, ""));
  });
  // A mark stays highlighted while any finding it stands for is shown.
  document.querySelectorAll("pre.text mark").forEach((mark) => {
    const rules = (mark.dataset.rule || "").split(" ");
    const anyShown = [...document.querySelectorAll("li.finding:not([hidden])")].some((li) => rules.includes(li.dataset.rule));
    mark.classList.toggle("filtered", !anyShown);
  });
  document.querySelectorAll("sup.tag").forEach((tag) => {
    const anchor = tag.querySelector("a").getAttribute("href").replace(/^#/, "").replace(/-item$/, "");
    tag.classList.toggle("filtered", !shown.has(anchor));
  });
}

function flash(id) {
  const anchor = document.getElementById(id);
  if (!anchor) return;
  const mark = anchor.nextElementSibling;
  if (mark && mark.tagName === "MARK") {
    mark.classList.add("flash");
    setTimeout(() => mark.classList.remove("flash"), 1600);
  }
  const item = document.getElementById(id + "-item");
  document.querySelectorAll("li.finding.target").forEach((li) => li.classList.remove("target"));
  if (item) item.classList.add("target");
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("filters");
  if (form) form.addEventListener("change", () => applyFilters(form));
  window.addEventListener("hashchange", () => flash(location.hash.slice(1)));
  if (location.hash) flash(location.hash.slice(1));
});
