import type { Choice, FieldErrors } from "../../../ui/forms.tsx";
import { Field, PostForm, SelectField } from "../../../ui/forms.tsx";
import type { PageInfo } from "../../../ui/pagination.ts";
import { PaginationNav } from "../../../ui/pagination-nav.tsx";
import { DataTable, FilterSidebar } from "../../../ui/table.tsx";
import { fullName } from "../../rules.ts";
import type { BadgeAwardRow, BadgeRow } from "../queries.ts";

export interface BadgePageProps {
  badge: BadgeRow;
  awards: readonly BadgeAwardRow[];
  info: PageInfo;
  query: URLSearchParams;
  filterValues: Record<string, string>;
  filterErrors: FieldErrors;
  /** The chosen event of the filter, to show its name in the event box. */
  eventChoice: Choice | undefined;
  canAdd: boolean;
  canDelete: boolean;
  /** This page with its query, where a delete comes back to. */
  here: string;
}

const ORDER_CHOICES: Choice[] = [
  { value: "awarded", label: "Awarded, oldest first" },
  { value: "-awarded", label: "Awarded, newest first" },
  { value: "person__family", label: "Family name, A to Z" },
  { value: "-person__family", label: "Family name, Z to A" },
];

export function BadgePage(props: BadgePageProps) {
  const path = `/workshops/badge/${encodeURIComponent(props.badge.name)}/`;
  return (
    <div class="row">
      <BadgeFilters {...props} path={path} />
      <div class="col-lg-9">
        <BadgeFacts badge={props.badge} canAdd={props.canAdd} />
        <h2 class="h4 mt-4">Awarded to</h2>
        {/* Emails stay hidden until the consents module can tell who agreed to be contacted. */}
        <DataTable
          caption={`People holding the ${props.badge.title} badge`}
          rowCount={props.awards.length}
          empty="None awarded."
          head={
            <>
              <th scope="col">Person</th>
              <th scope="col">Awarded</th>
              <th scope="col">Event</th>
              <th scope="col">Awarded by</th>
              {props.canDelete ? <th scope="col">Actions</th> : null}
            </>
          }
        >
          {props.awards.map((award) => (
            <AwardRow key={award.id} award={award} canDelete={props.canDelete} here={props.here} />
          ))}
        </DataTable>
        <PaginationNav info={props.info} path={path} query={props.query} />
      </div>
    </div>
  );
}

function BadgeFacts(props: { badge: BadgeRow; canAdd: boolean }) {
  const { badge } = props;
  const addHref = `/workshops/awards/add/?badge=${badge.id}`;
  return (
    <>
      <dl class="row">
        <dt class="col-sm-3">Name</dt>
        <dd class="col-sm-9">{badge.name}</dd>
        <dt class="col-sm-3">Title</dt>
        <dd class="col-sm-9">{badge.title}</dd>
        <dt class="col-sm-3">Criteria</dt>
        <dd class="col-sm-9">{badge.criteria}</dd>
      </dl>
      {props.canAdd ? (
        <a class="btn btn-primary" href={addHref}>
          Award new
        </a>
      ) : (
        <>
          <button type="button" class="btn btn-primary" disabled aria-describedby="award-new-help">
            Award new
          </button>
          <span id="award-new-help" class="form-text ms-2">
            Your account does not have the permission to award badges.
          </span>
        </>
      )}
    </>
  );
}

function AwardRow(props: { award: BadgeAwardRow; canDelete: boolean; here: string }) {
  const { award } = props;
  const name = fullName(award.person);
  return (
    <tr>
      <td>
        <a href={`/workshops/person/${award.person.id}/`}>{name}</a>
      </td>
      <td>{award.awarded}</td>
      <td>
        {award.eventSlug ? (
          <a href={`/workshops/event/${encodeURIComponent(award.eventSlug)}/`}>{award.eventSlug}</a>
        ) : (
          "—"
        )}
      </td>
      <td>
        {award.awardedBy ? (
          <a href={`/workshops/person/${award.awardedBy.id}/`}>{fullName(award.awardedBy)}</a>
        ) : (
          "—"
        )}
      </td>
      {props.canDelete ? (
        <td>
          <PostForm
            action={`/workshops/award/${award.id}/delete/?next=${encodeURIComponent(props.here)}`}
            confirm={`Delete this badge award of ${name}?`}
          >
            <button
              type="submit"
              class="btn btn-outline-danger btn-sm"
              aria-label={`Delete the award of ${name}`}
            >
              Delete
            </button>
          </PostForm>
        </td>
      ) : null}
    </tr>
  );
}

function BadgeFilters(props: BadgePageProps & { path: string }) {
  const values = props.filterValues;
  const errors = props.filterErrors;
  return (
    <FilterSidebar path={props.path}>
      <Field
        name="awarded_after"
        label="Awarded on or after"
        type="date"
        value={values.awarded_after}
        errors={errors}
      />
      <Field
        name="awarded_before"
        label="Awarded on or before"
        type="date"
        value={values.awarded_before}
        errors={errors}
      />
      <SelectField
        name="event"
        label="Event"
        choices={props.eventChoice ? [props.eventChoice] : []}
        selected={values.event}
        blank="Any event"
        lookup="/select_lookups/events/"
        errors={errors}
      />
      <SelectField
        name="order_by"
        label="Order by"
        choices={ORDER_CHOICES}
        selected={values.order_by ?? "awarded"}
        errors={errors}
      />
    </FilterSidebar>
  );
}
