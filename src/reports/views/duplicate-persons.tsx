import { personDisplay } from "../../people/index.ts";
import { PostForm } from "../../ui/forms.tsx";
import type { ReportPerson } from "../queries.ts";

export const DUPLICATES_PATH = "/reports/duplicate_persons/";

export function DuplicatePersonsPage(props: { switched: ReportPerson[]; same: ReportPerson[] }) {
  return (
    <div>
      <p>
        People who may have been entered twice. Pick two of them to merge, or mark people as reviewed: they
        leave this report until their record is edited again.
      </p>
      <DuplicatesSection
        id="switched"
        heading="Persons with switched names"
        help="The personal name of one is the family name of another, and the other way round."
        persons={props.switched}
      />
      <DuplicatesSection
        id="same"
        heading="Persons with the same names"
        help="Exactly the same personal and family names."
        persons={props.same}
      />
    </div>
  );
}

function DuplicatesSection(props: { id: string; heading: string; help: string; persons: ReportPerson[] }) {
  const mergeForm = `merge-${props.id}`;
  const last = props.persons.length - 1;
  return (
    <section class="mb-5" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`} class="h4">
        {props.heading}
      </h2>
      <p class="text-body-secondary">{props.help}</p>
      {props.persons.length === 0 ? (
        <p>None.</p>
      ) : (
        <PostForm action="/reports/duplicate_persons/review/">
          <table class="table table-striped align-middle">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Reviewed</th>
                <th scope="col">Merge: person A</th>
                <th scope="col">Merge: person B</th>
              </tr>
            </thead>
            <tbody>
              {props.persons.map((person, index) => (
                <tr key={person.id}>
                  <td>
                    <a href={`/workshops/person/${person.id}/`}>{personDisplay(person)}</a>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      class="form-check-input"
                      name="person_id"
                      value={String(person.id)}
                      aria-label={`Mark ${personDisplay(person)} as reviewed`}
                    />
                  </td>
                  <td>
                    {index < last ? (
                      <MergeRadio name="person_a" person={person} form={mergeForm} letter="A" />
                    ) : null}
                  </td>
                  <td>
                    {index > 0 ? (
                      <MergeRadio name="person_b" person={person} form={mergeForm} letter="B" />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" class="btn btn-secondary btn-sm">
            Mark as reviewed
          </button>
        </PostForm>
      )}
      {props.persons.length >= 2 ? (
        <form id={mergeForm} method="get" action="/workshops/persons/merge/" class="mt-2">
          <input type="hidden" name="next" value={DUPLICATES_PATH} />
          <button type="submit" class="btn btn-primary btn-sm">
            Merge selected
          </button>
        </form>
      ) : null}
    </section>
  );
}

function MergeRadio(props: { name: string; person: ReportPerson; form: string; letter: string }) {
  return (
    <input
      type="radio"
      class="form-check-input"
      name={props.name}
      value={String(props.person.id)}
      form={props.form}
      aria-label={`Merge ${personDisplay(props.person)} as person ${props.letter}`}
    />
  );
}
