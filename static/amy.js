// AMY's own browser code: small, and every page works without it.
/* global TomSelect */

/** The lookup URL for a search term and a page (`/select_lookups/…/?term=…&page=…`). */
function lookupPageUrl(base, term, page) {
  const url = new URL(base, window.location.href);
  url.searchParams.set("term", term);
  url.searchParams.set("page", String(page));
  return url.toString();
}

/**
 * Selects with data-lookup search the given /select_lookups/ URL as the user types; scrolling to the
 * end of the list fetches the next page while the answer says there is `more`.
 */
function enableLookups() {
  for (const select of document.querySelectorAll("select[data-lookup]")) {
    const base = select.dataset.lookup;
    const pages = new Map();
    // Tom Select moves the label to its own input; the original select keeps a name for screen readers.
    const label = document.querySelector(`label[for="${select.id}"]`);
    if (label) select.setAttribute("aria-label", label.textContent.trim());
    new TomSelect(select, {
      valueField: "id",
      labelField: "text",
      // The server has matched already (on fields the label may not show): keep every result.
      score: () => () => 1,
      loadThrottle: 250,
      maxOptions: null,
      plugins: select.multiple ? ["remove_button", "virtual_scroll"] : ["virtual_scroll"],
      firstUrl: (term) => {
        pages.set(term, 1);
        return lookupPageUrl(base, term, 1);
      },
      load(term, callback) {
        const url = this.getUrl(term);
        fetch(url, { credentials: "same-origin", headers: { accept: "application/json" } })
          .then((response) => (response.ok ? response.json() : { results: [], more: false }))
          .then((data) => {
            if (data.more) {
              const next = (pages.get(term) ?? 1) + 1;
              pages.set(term, next);
              this.setNextUrl(term, lookupPageUrl(base, term, next));
            }
            callback(data.results);
          })
          .catch(() => callback());
      },
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
enableConfirmations();
