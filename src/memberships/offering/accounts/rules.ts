// Pure rules of the account pages: which entity an account type points at, the list's filters.
import { ACCOUNT_TYPES, isChoice } from "../../rules.ts";
import { INVALID_CHOICE, type OrderTerm, parseOrdering, parseTriState } from "../list-filters.ts";

export const ACCOUNT_CONTENT_TYPE = "offering.account";
export const ACCOUNT_OWNER_CONTENT_TYPE = "offering.accountowner";
export const ACCOUNTS_PATH = "/offering/accounts/";
export const ACCOUNT_CREATE_PATH = "/offering/accounts/create/";
export const ACCOUNT_RELATION_LOOKUP = "/select_lookups/offering-account-relation/";
export const ACCOUNT_LOOKUP = "/select_lookups/offering-accounts/";

export const VIEW = "offering.view_account";
export const ADD = "offering.add_account";
export const CHANGE = "offering.change_account";
export const DELETE = "offering.delete_account";
/** The owners page needs all four (the only permissions AMY enforces among these pages). */
export const OWNERS_PERMISSIONS = [
  "offering.change_account",
  "offering.add_accountowner",
  "offering.change_accountowner",
  "offering.delete_accountowner",
] as const;

export type AccountType = "individual" | "organisation" | "consortium";

export const isAccountType = (value: unknown): value is AccountType => isChoice(ACCOUNT_TYPES, value);

/** The account's foreign keys: the one its type names holds the entity, the others are null. */
export function entityColumns(type: AccountType, entityId: number) {
  return {
    personId: type === "individual" ? entityId : null,
    organizationId: type === "organisation" ? entityId : null,
    consortiumId: type === "consortium" ? entityId : null,
  };
}

/** The entity id of an account, whichever kind it is. */
export function entityIdOf(row: {
  personId: number | null;
  organizationId: number | null;
  consortiumId: number | null;
}): number | null {
  return row.personId ?? row.organizationId ?? row.consortiumId;
}

/** What the lookup of each account type needs to be allowed (spec §2.18). */
export const ENTITY_VIEW_PERMISSION: Record<AccountType, string> = {
  individual: "workshops.view_person",
  organisation: "workshops.view_organization",
  consortium: "fiscal.view_consortium",
};

/** The entity kind in words, for messages. */
export const ENTITY_WORD: Record<AccountType, string> = {
  individual: "person",
  organisation: "organisation",
  consortium: "consortium",
};

export type AccountOrderKey = "account_type" | "entity";

/** `generic_relation_content_type` is the account type; `generic_relation` sorts by the entity's name. */
const ORDER_FIELDS: Record<string, AccountOrderKey> = {
  account_type: "account_type",
  generic_relation_content_type: "account_type",
  generic_relation: "entity",
};

export interface AccountFilters {
  active: boolean | undefined;
  accountType: AccountType | undefined;
  order: OrderTerm<AccountOrderKey>[];
}

export function parseAccountFilters(query: { active?: string; account_type?: string; order_by?: string }): {
  filters: AccountFilters;
  errors: Record<string, string[]>;
} {
  const errors: Record<string, string[]> = {};
  const { terms, valid } = parseOrdering(query.order_by, ORDER_FIELDS);
  if (!valid) errors.order_by = [INVALID_CHOICE];
  const typeOk = isAccountType(query.account_type);
  if (query.account_type && !typeOk) errors.account_type = [INVALID_CHOICE];
  return {
    filters: {
      active: parseTriState(query.active),
      accountType: typeOk ? (query.account_type as AccountType) : undefined,
      order: terms,
    },
    errors,
  };
}
