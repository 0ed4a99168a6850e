// "Import from URL" on the event form: asks the server to read a workshop website and fills the
// form with what it found. Without JavaScript the placeholder stays empty and the form works as is.

/** Builds the URL input, the button and the live region inside the placeholder. */
function buildImportControls(placeholder) {
  const card = document.createElement("div");
  card.className = "card mb-3";
  const body = document.createElement("div");
  body.className = "card-body";
  const label = document.createElement("label");
  label.className = "form-label";
  label.htmlFor = "event-import-url";
  label.textContent =
    placeholder.dataset.mode === "update"
      ? "Update from the workshop website (GitHub Pages or repository URL)"
      : "Import from the workshop website (GitHub Pages or repository URL)";
  const group = document.createElement("div");
  group.className = "input-group";
  const input = document.createElement("input");
  input.type = "url";
  input.id = "event-import-url";
  input.className = "form-control";
  input.placeholder = "https://username.github.io/2024-01-31-place/";
  input.value = placeholder.dataset.url ?? "";
  input.setAttribute("aria-describedby", "event-import-status");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "btn btn-primary";
  button.textContent = "Import";
  const status = document.createElement("div");
  status.id = "event-import-status";
  status.className = "mt-2";
  status.setAttribute("aria-live", "polite");
  group.append(input, button);
  body.append(label, group);
  if (placeholder.dataset.mode === "update") body.append(updateChoice());
  body.append(status);
  card.append(body);
  placeholder.replaceChildren(card);
  return { input, button, status };
}

/** Update only: fill the empty fields only (the default), or overwrite what the form holds. */
function updateChoice() {
  const fieldset = document.createElement("fieldset");
  fieldset.className = "mt-2";
  const legend = document.createElement("legend");
  legend.className = "form-label fs-6";
  legend.textContent = "Fields that already have a value";
  fieldset.append(legend);
  for (const [value, text, checked] of [
    ["skip", "Keep them (fill only empty fields)", true],
    ["overwrite", "Overwrite them", false],
  ]) {
    const wrapper = document.createElement("div");
    wrapper.className = "form-check form-check-inline";
    const radio = document.createElement("input");
    radio.type = "radio";
    radio.className = "form-check-input";
    radio.name = "event-import-mode";
    radio.id = `event-import-mode-${value}`;
    radio.value = value;
    radio.checked = checked;
    const radioLabel = document.createElement("label");
    radioLabel.className = "form-check-label";
    radioLabel.htmlFor = radio.id;
    radioLabel.textContent = text;
    wrapper.append(radio, radioLabel);
    fieldset.append(wrapper);
  }
  return fieldset;
}

/** Whether the update keeps fields that already have a value. */
function keepsFilledFields() {
  return document.getElementById("event-import-mode-skip")?.checked === true;
}

function hasValue(field) {
  if (field instanceof HTMLSelectElement)
    return [...field.selectedOptions].some((option) => option.value !== "");
  return field.value.trim() !== "";
}

function csrfToken() {
  return document.querySelector('input[name="csrfmiddlewaretoken"]')?.value ?? "";
}

/** The form the imported values go into: the one holding the slug field. */
function eventForm() {
  return document.querySelector('[name="slug"]')?.form ?? document;
}

function setSelectValues(select, values) {
  if (select.tomselect) {
    for (const value of values) select.tomselect.addOption({ value, text: value, id: value });
    select.tomselect.setValue(select.multiple ? values : (values[0] ?? ""));
    return;
  }
  for (const value of values) {
    if (![...select.options].some((option) => option.value === value)) select.add(new Option(value, value));
  }
  for (const option of select.options) option.selected = values.includes(option.value);
}

function fillField(form, name, value, keepFilled) {
  const field = form.querySelector(`[name="${CSS.escape(name)}"]`);
  if (!field || field.disabled) return;
  if (keepFilled && name === "comment" && hasValue(field)) {
    field.value = `${field.value.trimEnd()}\n\n${value}`;
  } else if (keepFilled && hasValue(field)) {
    return;
  } else if (field instanceof HTMLSelectElement) {
    const values = field.multiple ? value.split(";").filter((item) => item !== "") : [value];
    setSelectValues(field, values);
  } else {
    field.value = value;
  }
  field.dispatchEvent(new Event("input", { bubbles: true }));
  field.dispatchEvent(new Event("change", { bubbles: true }));
}

function showMessage(status, level, text, items = []) {
  const box = document.createElement("div");
  box.className = `alert alert-${level} mb-0`;
  const paragraph = document.createElement("p");
  paragraph.className = items.length > 0 ? "mb-1" : "mb-0";
  paragraph.textContent = text;
  box.append(paragraph);
  if (items.length > 0) {
    const list = document.createElement("ul");
    list.className = "mb-0";
    for (const item of items) {
      const entry = document.createElement("li");
      entry.textContent = item;
      list.append(entry);
    }
    box.append(list);
  }
  status.replaceChildren(box);
}

async function askServer(importUrl, address) {
  const response = await fetch(importUrl, {
    method: "POST",
    credentials: "same-origin",
    headers: {
      accept: "application/json",
      "content-type": "application/x-www-form-urlencoded",
      "x-csrftoken": csrfToken(),
    },
    body: new URLSearchParams({ url: address }),
  });
  const isJson = (response.headers.get("content-type") ?? "").includes("application/json");
  const data = isJson ? await response.json() : {};
  if (response.ok && data.fields) return data;
  throw new Error(data.error ?? data.detail ?? `The import failed (the server answered ${response.status}).`);
}

function enableEventImport() {
  const placeholder = document.getElementById("event-import");
  if (!placeholder) return;
  const { input, button, status } = buildImportControls(placeholder);
  const run = async () => {
    button.disabled = true;
    input.classList.remove("is-invalid");
    input.removeAttribute("aria-invalid");
    showMessage(status, "info", "Reading the workshop website…");
    try {
      const data = await askServer(placeholder.dataset.importUrl, input.value.trim());
      const form = eventForm();
      const keepFilled = keepsFilledFields();
      for (const [name, value] of Object.entries(data.fields))
        fillField(form, name, String(value), keepFilled);
      const warnings = data.warnings ?? [];
      if (warnings.length === 0) showMessage(status, "success", "The form was filled from the website.");
      else
        showMessage(
          status,
          "warning",
          "The form was filled from the website. Check these problems:",
          warnings,
        );
    } catch (error) {
      input.classList.add("is-invalid");
      input.setAttribute("aria-invalid", "true");
      showMessage(status, "danger", error instanceof Error ? error.message : String(error));
    } finally {
      button.disabled = false;
    }
  };
  button.addEventListener("click", run);
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault(); // the placeholder may sit inside the event form: do not submit it
    run();
  });
}

enableEventImport();
