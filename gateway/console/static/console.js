// The console's only script: the context preview follows the budget slider and the
// format switch without a page load. Without it the form still works (a GET).
"use strict";

(function () {
  const form = document.getElementById("context-form");
  if (!form) {
    return;
  }
  const budget = document.getElementById("budget");
  const shown = document.getElementById("budget-value");
  const target = document.getElementById("context-preview");
  let pending = null;
  let asked = 0;

  async function refresh() {
    const params = new URLSearchParams(new FormData(form));
    const ticket = ++asked;
    target.setAttribute("aria-busy", "true");
    const response = await fetch(form.dataset.fragment + "?" + params.toString(), {
      credentials: "same-origin",
      headers: { Accept: "text/html" },
    });
    if (ticket !== asked) {
      return; // a later move of the slider already asked again
    }
    target.removeAttribute("aria-busy");
    if (response.redirected) {
      window.location.assign(response.url); // signed out meanwhile: to the sign-in page
      return;
    }
    if (!response.ok) {
      target.textContent = "The preview failed (" + response.status + "): reload the page.";
      return;
    }
    // Server-rendered and escaped by the console's templates.
    target.innerHTML = await response.text();
    history.replaceState(null, "", form.action + "?" + params.toString());
  }

  budget.addEventListener("input", function () {
    shown.textContent = budget.value;
    clearTimeout(pending);
    pending = setTimeout(refresh, 150);
  });
  form.addEventListener("change", function () {
    clearTimeout(pending);
    refresh();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(pending);
    refresh();
  });
})();
