import { fullName } from "../../people/index.ts";
import type { ReportPerson } from "../queries.ts";
import { mailtoLink, type TraineeGroup } from "../rules.ts";

const LOCATION_MAIL = {
  subject: "Please tell us where you are",
  body: "Hello,\n\nour records do not say which airport is nearest to you, so we cannot offer you workshops nearby. Could you tell us, or add it to your profile?\n\nThank you!",
};

const TRAINING_MAIL = {
  subject: "Your instructor training",
  body: "Hello,\n\nyou took part in an instructor training but have not finished the steps to become an instructor yet. Do you plan to finish them? Let us know if we can help.\n\nThank you!",
};

export function InstructorIssuesPage(props: {
  withoutAirport: ReportPerson[];
  incomplete: TraineeGroup[];
  stalled: TraineeGroup[];
}) {
  return (
    <div>
      <section class="mb-5" aria-labelledby="locations-heading">
        <h2 id="locations-heading" class="h4">
          Instructor Locations
        </h2>
        <p class="text-body-secondary">Instructors whose nearest airport is not recorded.</p>
        {props.withoutAirport.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {props.withoutAirport.map((person) => (
              <li key={person.id}>
                <PersonLink person={person} />{" "}
                <MailLink email={person.email} mail={LOCATION_MAIL} name={fullName(person)} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <TraineeSection
        id="incomplete"
        heading="Incomplete Trainees"
        help="Took part in an instructor training and hold no instructor badge yet."
        groups={props.incomplete}
      />
      <TraineeSection
        id="stalled"
        heading="Stalled Trainees"
        help="Took part only in instructor trainings that stalled, and hold no instructor badge."
        groups={props.stalled}
      />
    </div>
  );
}

function TraineeSection(props: { id: string; heading: string; help: string; groups: TraineeGroup[] }) {
  return (
    <section class="mb-5" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`} class="h4">
        {props.heading}
      </h2>
      <p class="text-body-secondary">{props.help}</p>
      {props.groups.length === 0 ? (
        <p>None.</p>
      ) : (
        <table class="table table-striped align-middle">
          <thead>
            <tr>
              <th scope="col">Trainee</th>
              <th scope="col">Trainings</th>
              <th scope="col">Contact</th>
            </tr>
          </thead>
          <tbody>
            {props.groups.map((group) => (
              <tr key={group.person.id}>
                <td>
                  <PersonLink person={group.person} />
                </td>
                <td>
                  <ul class="list-unstyled mb-0">
                    {group.events.map((slug) => (
                      <li key={slug}>
                        <a href={`/workshops/event/${slug}/`}>{slug}</a>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <MailLink email={group.person.email} mail={TRAINING_MAIL} name={fullName(group.person)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PersonLink(props: { person: ReportPerson }) {
  return <a href={`/workshops/person/${props.person.id}/`}>{fullName(props.person)}</a>;
}

function MailLink(props: { email: string | null; mail: { subject: string; body: string }; name: string }) {
  const href = mailtoLink(props.email, props.mail.subject, props.mail.body);
  if (!href) {
    return (
      <span class="text-danger" title="No email address">
        ✕<span class="visually-hidden">No email address for {props.name}</span>
      </span>
    );
  }
  return (
    <a href={href} title={`Write to ${props.name}`}>
      ✉<span class="visually-hidden">Write to {props.name}</span>
    </a>
  );
}
