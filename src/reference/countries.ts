import { createRequire } from "node:module";
import countries from "i18n-iso-countries";

const require = createRequire(import.meta.url);
countries.registerLocale(require("i18n-iso-countries/langs/en.json"));

// AMY's additions to ISO 3166: the EU as a whole, and W3 for online events.
const OVERRIDES: Record<string, string> = { EU: "European Union", US: "United States", W3: "Online" };

/** The English name of a country code (or the code itself when unknown). */
export function countryName(code: string): string {
  return OVERRIDES[code] ?? countries.getName(code, "en", { select: "official" }) ?? code;
}

export function isCountryCode(code: string): boolean {
  return code in OVERRIDES || countries.isValid(code);
}

/** Every country code with its name, sorted by name: the choices of country fields. */
export function countryChoices(): { value: string; label: string }[] {
  const codes = new Set([...Object.keys(countries.getAlpha2Codes()), ...Object.keys(OVERRIDES)]);
  return [...codes]
    .map((code) => ({ value: code, label: countryName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
