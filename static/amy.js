// AMY's own browser code: small, and every page works without it.
/* global TomSelect */

/** The lookup URL for a search term and a page (`/select_lookups/…/?term=…&page=…`). */
function lookupPageUrl(base, term, page) {
  const url = new URL(base, window.location.href);
  url.searchParams.set("term", term);
  url.searchParams.set("page", String(page));
  return url.toString();
}

/** Names of the form fields a lookup URL depends on: `{account_type}` in `…?content_type_name={account_type}`. */
function lookupDependencies(template) {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

/** The lookup URL with each `{field}` replaced by that field's current value in the select's form. */
function filledLookup(select, template) {
  return template.replace(/\{(\w+)\}/g, (_match, name) => {
    const field = select.form?.elements.namedItem(name);
    return encodeURIComponent(field && "value" in field ? field.value : "");
  });
}

/**
 * Selects with data-lookup search the given /select_lookups/ URL as the user types; scrolling to the
 * end of the list fetches the next page while the answer says there is `more`. A `{field}` in the
 * URL takes the value of that field of the form; changing the field empties the select.
 */
function enableLookups() {
  for (const select of document.querySelectorAll("select[data-lookup]")) {
    const template = select.dataset.lookup;
    const base = () => filledLookup(select, template);
    const pages = new Map();
    // Tom Select moves the label to its own input; the original select keeps a name for screen readers.
    const label = document.querySelector(`label[for="${select.id}"]`);
    if (label) select.setAttribute("aria-label", label.textContent.trim());
    const control = new TomSelect(select, {
      valueField: "id",
      labelField: "text",
      // The server has matched already (on fields the label may not show): keep every result.
      score: () => () => 1,
      loadThrottle: 250,
      maxOptions: null,
      plugins: select.multiple ? ["remove_button", "virtual_scroll"] : ["virtual_scroll"],
      firstUrl: (term) => {
        pages.set(term, 1);
        return lookupPageUrl(base(), term, 1);
      },
      load(term, callback) {
        const url = this.getUrl(term);
        fetch(url, { credentials: "same-origin", headers: { accept: "application/json" } })
          .then((response) => (response.ok ? response.json() : { results: [], more: false }))
          .then((data) => {
            if (data.more) {
              const next = (pages.get(term) ?? 1) + 1;
              pages.set(term, next);
              this.setNextUrl(term, lookupPageUrl(base(), term, next));
            }
            callback(data.results);
          })
          .catch(() => callback());
      },
    });
    for (const name of lookupDependencies(template)) {
      const field = select.form?.elements.namedItem(name);
      if (!field || !("addEventListener" in field)) continue;
      field.addEventListener("change", () => {
        control.clear();
        control.clearOptions();
        control.clearPagination?.();
        control.loadedSearches = {};
        pages.clear();
      });
    }
  }
}

/**
 * `<div hidden data-fill-from="partnership" data-fill="start_date:agreement_start …">`: choosing an
 * option of that lookup select copies the named values of its lookup result into those inputs and
 * makes them read-only (the server sets them from the chosen record anyway); clearing frees them.
 * With `data-fill-mode="empty"`, only empty inputs are filled and nothing is locked: a suggestion.
 */
function enableFills() {
  for (const marker of document.querySelectorAll("[data-fill-from]")) {
    const form = marker.closest("form");
    const select = form?.elements.namedItem(marker.dataset.fillFrom);
    if (!(select instanceof HTMLSelectElement)) continue;
    const pairs = (marker.dataset.fill ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => pair.split(":"));
    const suggestOnly = marker.dataset.fillMode === "empty";
    select.addEventListener("change", () => {
      const chosen = select.value ? select.tomselect?.options[select.value] : undefined;
      for (const [inputName, key] of pairs) {
        const input = form.elements.namedItem(inputName);
        if (!(input instanceof HTMLInputElement) || input.type === "hidden") continue;
        const value = chosen?.[key];
        if (suggestOnly) {
          if (value && input.value === "") input.value = value;
          continue;
        }
        if (value) input.value = value;
        input.readOnly = Boolean(value);
      }
    });
  }
}

/** `<div hidden data-exclusive="a b">`: while one of the two selects has a value, the other is disabled. */
function enableExclusiveChoices() {
  for (const marker of document.querySelectorAll("[data-exclusive]")) {
    const form = marker.closest("form");
    const selects = marker.dataset.exclusive
      .split(/\s+/)
      .map((name) => form?.elements.namedItem(name))
      .filter((select) => select instanceof HTMLSelectElement);
    if (selects.length !== 2) continue;
    const setDisabled = (select, disabled) => {
      if (select.tomselect) {
        if (disabled) select.tomselect.disable();
        else select.tomselect.enable();
      } else select.disabled = disabled;
    };
    const update = () => {
      const [first, second] = selects;
      setDisabled(second, first.value !== "");
      setDisabled(first, second.value !== "");
    };
    for (const select of selects) select.addEventListener("change", update);
    update();
  }
}

const DAY_MS = 86_400_000;

/** A YYYY-MM-DD date a year later less a day (29 February counts from 28 February). */
function fullYearEnd(start) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
  if (!match) return "";
  const [, year, month, day] = match.map(Number);
  const anniversary = Date.UTC(year + 1, month - 1, month === 2 && day === 29 ? 28 : day);
  return new Date(anniversary - DAY_MS).toISOString().slice(0, 10);
}

/** `<div hidden data-full-year="start end">`: shown while the end is not a full year after the start. */
function enableFullYearNotices() {
  for (const notice of document.querySelectorAll("[data-full-year]")) {
    const form = notice.closest("form");
    const [start, end] = notice.dataset.fullYear.split(/\s+/).map((name) => form?.elements.namedItem(name));
    if (!(start instanceof HTMLInputElement) || !(end instanceof HTMLInputElement)) continue;
    const expected = notice.querySelector("[data-expected-end]");
    const update = () => {
      const wanted = fullYearEnd(start.value);
      if (expected) expected.textContent = wanted;
      notice.hidden = wanted === "" || end.value === "" || end.value === wanted;
    };
    start.addEventListener("input", update);
    end.addEventListener("input", update);
    update();
  }
}

/** `<input data-days-between="fromId toName">`: shows the days from one date to the other as it changes. */
function enableDayCounts() {
  for (const output of document.querySelectorAll("input[data-days-between]")) {
    const [fromId, toName] = output.dataset.daysBetween.split(/\s+/);
    const from = document.getElementById(fromId);
    const to = output.form?.elements.namedItem(toName);
    if (!(from instanceof HTMLInputElement) || !(to instanceof HTMLInputElement)) continue;
    to.addEventListener("input", () => {
      const days = (Date.parse(to.value) - Date.parse(from.value)) / DAY_MS;
      output.value = Number.isFinite(days) ? String(days) : "";
    });
  }
}

/** Forms with data-confirm ask before they are submitted (deletions, archiving). */
function enableConfirmations() {
  document.addEventListener("submit", (event) => {
    const message = event.target instanceof HTMLFormElement ? event.target.dataset.confirm : undefined;
    if (message && !window.confirm(message)) event.preventDefault();
  });
}

if (typeof TomSelect !== "undefined") enableLookups();
enableFills();
enableExclusiveChoices();
enableFullYearNotices();
enableDayCounts();
enableConfirmations();
