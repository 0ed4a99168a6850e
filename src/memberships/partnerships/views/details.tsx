import type { ComponentChildren } from "preact";
import { type CommentRow, CommentsSection } from "../../../comments/index.ts";
import { HistoryLines, type VersionStamp } from "../../../history/index.ts";
import { personDisplay } from "../../../people/index.ts";
import { PostForm } from "../../../ui/forms.tsx";
import { DataTable } from "../../../ui/table.tsx";
import type { AccountBenefitSummary } from "../../offering/account-benefits/queries.ts";
import {
  AccountBenefitsTable,
  type AccountBenefitUsage,
} from "../../offering/account-benefits/views/table.tsx";
import { Facts } from "../../offering/views/parts.tsx";
import {
  accountPath,
  choiceLabel,
  consortiumPath,
  PUBLIC_STATUSES,
  partnershipPath,
  tierDisplay,
} from "../../rules.ts";
import type { PartnershipRow, RelatedCommunityRole } from "../queries.ts";
import { extensionsText, overBudget } from "../rules.ts";
import { CreditsUsage, PartnerLink } from "./list.tsx";

export interface LinkedRecord {
  id: number;
  display: string;
}

export interface PartnershipDetailsProps {
  partnership: PartnershipRow;
  tier: { name: string; credits: number } | null;
  creditsUsed: number;
  organisation: { fullname: string; domain: string } | null;
  consortium: { id: number; name: string } | null;
  account: { id: string; display: string };
  rolledFrom: LinkedRecord | undefined;
  rolledTo: LinkedRecord | undefined;
  accountBenefits: readonly AccountBenefitSummary[];
  accountBenefitUsage: AccountBenefitUsage;
  communityRoles: readonly RelatedCommunityRole[];
  history: { created: VersionStamp | undefined; lastModified: VersionStamp | undefined };
  comments: readonly CommentRow[];
  contentType: string;
  today: string;
  can: { change: boolean; delete: boolean; rollOver: boolean; addAccountBenefit: boolean };
}

export function PartnershipDetailsPage(props: PartnershipDetailsProps) {
  const { partnership } = props;
  const path = partnershipPath(partnership.id);
  return (
    <div>
      {props.rolledFrom ? (
        <div class="alert alert-info" role="status">
          This partnership was rolled over from{" "}
          <a class="alert-link" href={partnershipPath(props.rolledFrom.id)}>
            {props.rolledFrom.display}
          </a>
          .
        </div>
      ) : null}
      {props.rolledTo ? (
        <div class="alert alert-info" role="status">
          This partnership has been rolled over to{" "}
          <a class="alert-link" href={partnershipPath(props.rolledTo.id)}>
            {props.rolledTo.display}
          </a>
          .
        </div>
      ) : null}
      <HistoryLines {...props.history} />
      <PartnershipFacts {...props} />
      <Actions {...props} path={path} />
      <h2 class="h4 mt-4">Linked account benefits</h2>
      {props.can.addAccountBenefit ? (
        <p>
          <a
            class="btn btn-success btn-sm"
            href={`/offering/account-benefits/create/?${new URLSearchParams({
              account_pk: props.account.id,
              partnership_pk: String(partnership.id),
              next: path,
            }).toString()}`}
          >
            Add account benefit to this partnership
          </a>
        </p>
      ) : null}
      <AccountBenefitsTable
        rows={props.accountBenefits}
        usage={props.accountBenefitUsage}
        showPartnership={false}
        today={props.today}
      />
      <h2 class="h4 mt-4">Related community roles</h2>
      <CommunityRolesTable rows={props.communityRoles} />
      <CommentsSection
        contentType={props.contentType}
        objectPk={partnership.id}
        comments={props.comments}
        next={`${path}#comments`}
      />
    </div>
  );
}

function PartnershipFacts(props: PartnershipDetailsProps) {
  const { partnership } = props;
  const over = overBudget(props.creditsUsed, partnership.credits);
  const rows: [string, ComponentChildren][] = [
    ["Name", partnership.name],
    [
      "Organisation",
      props.organisation ? <PartnerLink organisation={props.organisation} consortium={null} /> : "—",
    ],
    [
      "Consortium",
      props.consortium ? <a href={consortiumPath(props.consortium.id)}>{props.consortium.name}</a> : "—",
    ],
    ["Account", <a href={accountPath(props.account.id)}>{props.account.display}</a>],
    ["Tier", props.tier ? tierDisplay(props.tier) : "—"],
    [
      "Credits (allocated / allowed)",
      <span class={over ? "text-danger" : undefined}>
        <CreditsUsage used={props.creditsUsed} allowed={partnership.credits} />
      </span>,
    ],
    ["Credits extensions", extensionsText(partnership.creditsExtensions, "credits")],
    ["Agreement start", partnership.agreementStart],
    ["Agreement end", partnership.agreementEnd],
    ["Agreement date extensions", extensionsText(partnership.extensions, "days")],
    ["Agreement link", <WebLink url={partnership.agreementLink} />],
    ["Registration code", partnership.registrationCode || "—"],
    [
      "Rolled to partnership",
      props.rolledTo ? <a href={partnershipPath(props.rolledTo.id)}>{props.rolledTo.display}</a> : "—",
    ],
    ["Public status", choiceLabel(PUBLIC_STATUSES, partnership.publicStatus)],
  ];
  return <Facts rows={rows} />;
}

function Actions(props: PartnershipDetailsProps & { path: string }) {
  const { can, path, partnership } = props;
  return (
    <div class="d-flex flex-wrap gap-2 mb-3">
      {can.change ? (
        <>
          <a class="btn btn-primary" href={`${path}edit/`}>
            Edit
          </a>
          <a class="btn btn-secondary" href={`${path}extend/`}>
            Extend dates
          </a>
          <a class="btn btn-secondary" href={`${path}extend-credits/`}>
            Extend credits
          </a>
        </>
      ) : null}
      {can.rollOver && partnership.rolledToPartnershipId === null ? (
        <a class="btn btn-success" href={`${path}roll-over/`}>
          Create new &amp; roll-over
        </a>
      ) : null}
      {can.delete ? (
        <PostForm
          action={`${path}delete/`}
          confirm={`Delete the partnership ${partnership.name}? This cannot be undone.`}
        >
          <button type="submit" class="btn btn-danger">
            Delete
          </button>
        </PostForm>
      ) : null}
    </div>
  );
}

function CommunityRolesTable(props: { rows: readonly RelatedCommunityRole[] }) {
  return (
    <DataTable
      caption="Community roles linked to this partnership"
      rowCount={props.rows.length}
      empty="No community roles are linked to this partnership."
      head={
        <>
          <th scope="col">Person</th>
          <th scope="col">Role</th>
          <th scope="col">Start</th>
          <th scope="col">End</th>
          <th scope="col">Inactivation</th>
          <th scope="col">URL</th>
        </>
      }
    >
      {props.rows.map((row) => (
        <tr key={row.id}>
          <td>
            <a href={`/workshops/person/${row.person.id}/`}>{personDisplay(row.person)}</a>
          </td>
          <td>{row.roleName}</td>
          <td>{row.start ?? "—"}</td>
          <td>{row.end ?? "—"}</td>
          <td>{row.inactivation ?? "—"}</td>
          <td>{row.url ? <WebLink url={row.url} /> : "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Only web addresses become links: a stored URL never runs script on this page. */
function WebLink(props: { url: string }) {
  return /^https?:\/\//i.test(props.url) ? <a href={props.url}>{props.url}</a> : props.url || "—";
}
