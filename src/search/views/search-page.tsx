import { CheckboxField, Field, type FieldErrors } from "../../ui/forms.tsx";
import { TERM_MAX_LENGTH } from "../forms.ts";
import type { SectionResults } from "../registry.ts";

export interface SectionView extends SectionResults {
  key: string;
  title: string;
}

export function SearchPage(props: {
  values: Record<string, string>;
  errors?: FieldErrors | undefined;
  sections?: readonly SectionView[] | undefined;
}) {
  return (
    <div>
      <SearchForm values={props.values} errors={props.errors} />
      {props.sections ? <SearchResults sections={props.sections} /> : null}
    </div>
  );
}

function SearchForm(props: { values: Record<string, string>; errors?: FieldErrors | undefined }) {
  return (
    <form method="get" action="/dashboard/admin/search/" class="mb-4" style="max-width: 40rem" noValidate>
      <Field
        name="term"
        type="search"
        label="Search for"
        required
        maxLength={TERM_MAX_LENGTH}
        value={props.values.term}
        errors={props.errors}
        help="Part of a name, email address, domain, event slug or comment; upper and lower case are the same."
      />
      <CheckboxField
        name="no_redirect"
        label="Show the results even when there is only one"
        checked={props.values.no_redirect !== undefined}
        errors={props.errors}
      />
      <button type="submit" class="btn btn-primary">
        Search
      </button>
    </form>
  );
}

function SearchResults(props: { sections: readonly SectionView[] }) {
  return (
    <div>
      <nav aria-label="Result sections">
        <ul class="nav nav-pills mb-3">
          {props.sections.map((section) => (
            <li class="nav-item" key={section.key}>
              <a class="nav-link" href={`#${section.key}`}>
                {section.title} ({section.count})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.sections.map((section) => (
        <ResultSection key={section.key} section={section} />
      ))}
    </div>
  );
}

function ResultSection(props: { section: SectionView }) {
  const { section } = props;
  const hidden = section.count - section.items.length;
  return (
    <section id={section.key} class="mb-4" aria-labelledby={`${section.key}-title`}>
      <h2 id={`${section.key}-title`} class="h4">
        {section.title} ({section.count})
      </h2>
      {section.items.length === 0 ? (
        <p>No matches.</p>
      ) : (
        <ul>
          {section.items.map((item) => (
            <li key={item.href}>
              <a href={item.href}>{item.text}</a>
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 ? (
        <p class="text-muted">{hidden} more not shown: make the search term longer to narrow it.</p>
      ) : null}
    </section>
  );
}
