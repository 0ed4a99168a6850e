import { usePageContext } from "../../../ui/context.ts";
import { PostForm } from "../../../ui/forms.tsx";
import { hasErrors, type VerifiedRow } from "../rules.ts";

const FORM_ID = "bulk-confirm";
const BASE = "/workshops/persons/bulk_upload";

/**
 * The rows' cells belong to one form (by the `form` attribute), so each row's own buttons can be
 * small forms of their own: HTML forms cannot nest.
 */
export function ConfirmPage(props: { rows: readonly VerifiedRow[]; roleNames: readonly string[] }) {
  const { csrfToken } = usePageContext();
  const blocked = hasErrors(props.rows);
  return (
    <div>
      <p>
        Check each row, correct what needs correcting and press <em>Verify</em> to check again. Rows matched
        to an existing person add only the task. The row buttons (use, unmatch, remove) discard edits not yet
        verified.
      </p>
      <div class="table-responsive">
        <table class="table table-sm align-top">
          <caption>Uploaded rows</caption>
          <thead>
            <tr>
              {[
                "#",
                "Personal",
                "Family",
                "Username",
                "Email",
                "Airport",
                "Event",
                "Role",
                "Errors",
                "Info",
                "",
              ].map((label) => (
                <th scope="col" key={label}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((verified, index) => (
              <RowCells
                key={`${index}-${verified.row.email}`}
                verified={verified}
                index={index}
                roleNames={props.roleNames}
                removable={props.rows.length > 1}
              />
            ))}
          </tbody>
        </table>
      </div>
      <form id={FORM_ID} method="post" action={`${BASE}/confirm/`}>
        <input type="hidden" name="csrfmiddlewaretoken" value={csrfToken} />
        <button type="submit" name="verify" value="1" class="btn btn-secondary me-2">
          Verify
        </button>
        <button
          type="submit"
          name="confirm"
          value="1"
          class="btn btn-primary me-2"
          disabled={blocked}
          aria-describedby={blocked ? "confirm-blocked" : undefined}
        >
          Confirm and save
        </button>
        <button type="submit" name="cancel" value="1" class="btn btn-outline-danger">
          Cancel
        </button>
        {blocked ? (
          <p id="confirm-blocked" class="form-text">
            Saving is possible once no row has errors.
          </p>
        ) : null}
      </form>
    </div>
  );
}

function RowCells(props: {
  verified: VerifiedRow;
  index: number;
  roleNames: readonly string[];
  removable: boolean;
}) {
  const { row, matched, errors, infos, similar } = props.verified;
  const rowLabel = `row ${props.index + 1}`;
  const cell = (name: string, label: string, value: string, readOnly = matched) => (
    <td>
      <input
        form={FORM_ID}
        name={name}
        value={value}
        readOnly={readOnly}
        aria-label={`${label}, ${rowLabel}`}
        class={readOnly ? "form-control-plaintext form-control-sm" : "form-control form-control-sm"}
      />
    </td>
  );
  return (
    <tr>
      <th scope="row">{props.index + 1}</th>
      {cell("personal", "Personal name", row.personal)}
      {cell("family", "Family name", row.family)}
      {cell("username", "Username", row.username)}
      {cell("email", "Email", row.email)}
      {cell("airport_iata", "Airport", row.airportIata)}
      {cell("event", "Event slug", row.event, false)}
      <td>
        <RoleSelect value={row.role} roleNames={props.roleNames} label={`Role, ${rowLabel}`} />
      </td>
      <td>
        <ul class="list-unstyled text-danger mb-0">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      </td>
      <td>
        <ul class="list-unstyled mb-0">
          {infos.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
        <SimilarPersons
          index={props.index}
          matched={matched}
          matchedId={row.existingPersonId}
          similar={similar}
        />
      </td>
      <td>
        {props.removable ? (
          <PostForm action={`${BASE}/${props.index}/remove/`}>
            <button type="submit" class="btn btn-sm btn-outline-danger" aria-label={`Remove ${rowLabel}`}>
              Remove
            </button>
          </PostForm>
        ) : null}
      </td>
    </tr>
  );
}

/** Existing role names, plus the row's own value when it is not one, so it stays visible and selected. */
function RoleSelect(props: { value: string; roleNames: readonly string[]; label: string }) {
  const names = props.roleNames.includes(props.value) ? props.roleNames : [props.value, ...props.roleNames];
  return (
    <select form={FORM_ID} name="role" class="form-select form-select-sm" aria-label={props.label}>
      {names.map((name) => (
        <option key={name} value={name} selected={name === props.value}>
          {name === "" ? "(no role)" : name}
        </option>
      ))}
    </select>
  );
}

function SimilarPersons(props: {
  index: number;
  matched: boolean;
  matchedId: number;
  similar: VerifiedRow["similar"];
}) {
  if (props.similar.length === 0 && !props.matched) return null;
  return (
    <div class="mt-1">
      {props.similar.length > 0 ? <div class="small">Similar persons:</div> : null}
      <ul class="list-unstyled small mb-0">
        {props.similar.map((person) => (
          <li key={person.id}>
            <a href={`/workshops/person/${person.id}/`}>{person.display}</a>{" "}
            {props.matched && person.id === props.matchedId ? (
              <span class="badge text-bg-success">used</span>
            ) : (
              <PostForm action={`${BASE}/${props.index}/match_person/${person.id}`} class="d-inline">
                <button
                  type="submit"
                  class="btn btn-link btn-sm p-0"
                  aria-label={`Use this person for row ${props.index + 1}: ${person.display}`}
                >
                  Use this person
                </button>
              </PostForm>
            )}
          </li>
        ))}
      </ul>
      {props.matched ? (
        <PostForm action={`${BASE}/${props.index}/match_person/`} class="d-inline">
          <button
            type="submit"
            class="btn btn-sm btn-outline-secondary mt-1"
            aria-label={`Unmatch row ${props.index + 1}`}
          >
            Unmatch
          </button>
        </PostForm>
      ) : null}
    </div>
  );
}
