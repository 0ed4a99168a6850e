import type { VersionStamp } from "../../../../history/index.ts";
import { DataTable } from "../../../../ui/table.tsx";
import {
  ACCOUNT_OWNER_PERMISSION_TYPES,
  ACCOUNT_TYPES,
  accountDisplay,
  accountPath,
  choiceLabel,
  partnershipPath,
} from "../../../rules.ts";
import type { AccountBenefitSummary } from "../../account-benefits/queries.ts";
import { ACCOUNT_BENEFIT_CREATE_PATH } from "../../account-benefits/rules.ts";
import { AccountBenefitsTable, type AccountBenefitUsage } from "../../account-benefits/views/table.tsx";
import { DetailsActions, Facts, yesNo } from "../../views/parts.tsx";
import type { AccountPartnership, PartnershipCommunityRole } from "../page-queries.ts";
import type { AccountSummary, OwnerSummary } from "../queries.ts";

export interface AccountDetailsProps {
  account: AccountSummary;
  owners: readonly OwnerSummary[];
  partnerships: readonly AccountPartnership[];
  accountBenefits: readonly AccountBenefitSummary[];
  usage: AccountBenefitUsage;
  communityRoles: readonly PartnershipCommunityRole[];
  history: { created: VersionStamp | undefined; lastModified: VersionStamp | undefined };
  today: string;
  canChange: boolean;
  canDelete: boolean;
  canChangeOwners: boolean;
  canAddPartnership: boolean;
  canAddAccountBenefit: boolean;
}

export function AccountDetailsPage(props: AccountDetailsProps) {
  const { account } = props;
  const path = accountPath(account.id);
  const individual = account.accountType === "individual";
  return (
    <div>
      <DetailsActions
        history={props.history}
        editHref={props.canChange ? `${path}edit/` : undefined}
        deleteAction={props.canDelete ? `${path}delete/` : undefined}
        subject={accountDisplay(account.accountType, account.entity?.display ?? null)}
      />
      <Facts
        rows={[
          ["Account type", choiceLabel(ACCOUNT_TYPES, account.accountType)],
          ["Name", account.entity ? <a href={account.entity.path}>{account.entity.display}</a> : "None"],
          ["Active", yesNo(account.active)],
          [
            "Account owners",
            <Owners
              owners={props.owners}
              editHref={!individual && props.canChangeOwners ? `${path}owners/` : undefined}
            />,
          ],
        ]}
      />
      {individual ? null : (
        <section aria-labelledby="partnerships-heading">
          <h2 id="partnerships-heading" class="h4 mt-4">
            Partnerships
          </h2>
          <PartnershipsTable partnerships={props.partnerships} />
          {props.canAddPartnership ? (
            <p>
              <a class="btn btn-success btn-sm" href="/fiscal/partnerships/create/">
                Add partnership
              </a>
            </p>
          ) : null}
        </section>
      )}
      <section aria-labelledby="account-benefits-heading">
        <h2 id="account-benefits-heading" class="h4 mt-4">
          Linked account benefits
        </h2>
        <AccountBenefitsTable
          rows={props.accountBenefits}
          usage={props.usage}
          showPartnership
          today={props.today}
        />
        {props.canAddAccountBenefit ? (
          <p>
            <a
              class="btn btn-success btn-sm"
              href={`${ACCOUNT_BENEFIT_CREATE_PATH}?account_pk=${account.id}&next=${encodeURIComponent(path)}`}
            >
              Add account benefit to this account
            </a>
          </p>
        ) : null}
      </section>
      {individual ? null : (
        <section aria-labelledby="community-roles-heading">
          <h2 id="community-roles-heading" class="h4 mt-4">
            Community roles related to partnerships linked to this account
          </h2>
          <CommunityRolesTable roles={props.communityRoles} />
        </section>
      )}
    </div>
  );
}

function Owners(props: { owners: readonly OwnerSummary[]; editHref: string | undefined }) {
  return (
    <>
      {props.owners.length === 0 ? (
        "—"
      ) : (
        <ol class="mb-1">
          {props.owners.map((owner) => (
            <li key={owner.id}>
              {choiceLabel(ACCOUNT_OWNER_PERMISSION_TYPES, owner.permissionType)}:{" "}
              <a href={`/workshops/person/${owner.personId}/`}>{owner.personDisplay}</a>
            </li>
          ))}
        </ol>
      )}
      {props.editHref ? (
        <a class="btn btn-outline-primary btn-sm ms-2" href={props.editHref}>
          Edit
        </a>
      ) : null}
    </>
  );
}

function PartnershipsTable(props: { partnerships: readonly AccountPartnership[] }) {
  return (
    <DataTable
      caption="Partnerships paying through this account"
      rowCount={props.partnerships.length}
      empty="No partnerships."
      head={
        <>
          <th scope="col">Partnership</th>
          <th scope="col">Dates</th>
          <th scope="col">Tier</th>
          <th scope="col">Credits used / allowed</th>
        </>
      }
    >
      {props.partnerships.map((row) => (
        <tr key={row.id}>
          <td>
            <a href={partnershipPath(row.id)}>{row.display}</a>
          </td>
          <td>
            {row.agreementStart} — {row.agreementEnd}
          </td>
          <td>{row.tierName ?? "—"}</td>
          <td class={row.creditsUsed > row.credits ? "text-warning-emphasis fw-bold" : undefined}>
            {row.creditsUsed} / {row.credits}
            {row.creditsUsed > row.credits ? " ⚠ over the allowed credits" : ""}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function CommunityRolesTable(props: { roles: readonly PartnershipCommunityRole[] }) {
  return (
    <DataTable
      caption="Community roles"
      rowCount={props.roles.length}
      empty="No community roles."
      head={
        <>
          <th scope="col">Person</th>
          <th scope="col">Role</th>
          <th scope="col">Dates</th>
          <th scope="col">Inactivation</th>
          <th scope="col">URL</th>
          <th scope="col">Partnership</th>
        </>
      }
    >
      {props.roles.map((row) => (
        <tr key={row.id}>
          <td>
            <a href={`/workshops/person/${row.person.id}/`}>{row.person.display}</a>
          </td>
          <td>{row.roleName}</td>
          <td>
            {row.start ?? "—"} — {row.end ?? "—"}
          </td>
          <td>{row.inactivation ?? "—"}</td>
          <td>{/^https?:\/\//i.test(row.url) ? <a href={row.url}>{row.url}</a> : row.url || "—"}</td>
          <td>
            <a href={partnershipPath(row.partnership.id)}>{row.partnership.display}</a>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
