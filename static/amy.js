// AMY's own browser code: small, and every page works without it.
/* global TomSelect */

/** Selects with data-lookup search the given /select_lookups/ URL as the user types. */
function enableLookups() {
  for (const select of document.querySelectorAll("select[data-lookup]")) {
    const url = select.dataset.lookup;
    new TomSelect(select, {
      valueField: "id",
      labelField: "text",
      searchField: ["text"],
      maxOptions: 50,
      loadThrottle: 250,
      plugins: select.multiple ? ["remove_button"] : [],
      load(query, callback) {
        const separator = url.includes("?") ? "&" : "?";
        fetch(`${url}${separator}term=${encodeURIComponent(query)}`, { credentials: "same-origin" })
          .then((response) => (response.ok ? response.json() : { results: [] }))
          .then((data) => callback(data.results))
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
