import { type PageContext, usePageContext, type ViewerInfo } from "./context.ts";
import { PostForm } from "./forms.tsx";

interface NavLink {
  label: string;
  href: string;
}

// Only pages that exist are listed; each module adds its pages here as it lands.
const adminLinks: NavLink[] = [
  { label: "Dashboard", href: "/dashboard/admin/" },
  { label: "Persons", href: "/workshops/persons/" },
  { label: "Organizations", href: "/fiscal/organizations/" },
  { label: "Memberships", href: "/fiscal/memberships/" },
  { label: "Badges", href: "/workshops/badges/" },
  { label: "Find workshop staff", href: "/workshops/workshop_staff/" },
  { label: "Duplicate persons", href: "/reports/duplicate_persons/" },
  { label: "Instructor issues", href: "/reports/instructor_issues/" },
  { label: "Workshop issues", href: "/reports/workshop_issues/" },
  { label: "Recently changed", href: "/workshops/log/" },
  { label: "Reference data", href: "/reference/" },
];
/** The "Service offering" menu (AMY's SERVICE_OFFERING flag), in groups separated by dividers. */
const serviceOfferingGroups: NavLink[][] = [
  [
    { label: "Accounts", href: "/offering/accounts/" },
    { label: "Account benefits", href: "/offering/account-benefits/" },
  ],
  [
    { label: "Consortiums", href: "/fiscal/consortiums/" },
    { label: "Partnerships", href: "/fiscal/partnerships/" },
  ],
  [
    { label: "Event categories", href: "/offering/event-categories/" },
    { label: "Benefits", href: "/offering/benefits/" },
  ],
];
const memberLinks: NavLink[] = [{ label: "Your profile", href: "/dashboard/instructor/" }];

function accountLinks(viewer: ViewerInfo): NavLink[] {
  const links = [{ label: "Change password", href: `/workshops/person/${viewer.id}/password/` }];
  if (viewer.isSuperuser) {
    links.push({ label: "Instructor dashboard", href: "/dashboard/instructor/" });
    links.push({ label: "Outbox", href: "/mail/outbox/" });
  }
  return links;
}

/** Admins get the admin bar, other logged-in persons the member bar, anonymous visitors none. */
export function Navigation(props: { memberBar?: boolean }) {
  const context = usePageContext();
  const { viewer } = context;
  if (!viewer) return null;
  const links = viewer.isAdmin && !props.memberBar ? adminLinks : memberLinks;
  const brandHref = viewer.isAdmin ? "/dashboard/admin/" : "/dashboard/instructor/";
  return (
    <nav class="navbar navbar-expand-lg navbar-dark bg-dark mb-3" aria-label="Main">
      <div class="container-fluid">
        <a class="navbar-brand" href={brandHref}>
          AMY
        </a>
        <button
          class="navbar-toggler"
          type="button"
          data-bs-toggle="collapse"
          data-bs-target="#main-navigation"
          aria-controls="main-navigation"
          aria-expanded="false"
          aria-label="Show or hide the menu"
        >
          <span class="navbar-toggler-icon" />
        </button>
        <div class="collapse navbar-collapse" id="main-navigation">
          <ul class="navbar-nav me-auto">
            {links.map((link) => (
              <NavItem key={link.href} link={link} context={context} />
            ))}
            {links === adminLinks && context.serviceOffering ? (
              <ServiceOfferingMenu context={context} />
            ) : null}
          </ul>
          {links === adminLinks ? <SearchBox /> : null}
          <AccountMenu viewer={viewer} context={context} />
        </div>
      </div>
    </nav>
  );
}

function NavItem(props: { link: NavLink; context: PageContext }) {
  const current = props.context.path === props.link.href;
  return (
    <li class="nav-item">
      <a
        class={current ? "nav-link active" : "nav-link"}
        href={props.link.href}
        aria-current={current ? "page" : undefined}
      >
        {props.link.label}
      </a>
    </li>
  );
}

function ServiceOfferingMenu(props: { context: PageContext }) {
  const current = serviceOfferingGroups.flat().some((link) => link.href === props.context.path);
  return (
    <li class="nav-item dropdown">
      <button
        type="button"
        class={
          current ? "nav-link dropdown-toggle btn btn-link active" : "nav-link dropdown-toggle btn btn-link"
        }
        data-bs-toggle="dropdown"
        aria-expanded="false"
      >
        Service offering
      </button>
      <ul class="dropdown-menu">
        {serviceOfferingGroups.map((group, index) => [
          index > 0 ? (
            <li key={`divider-${group[0]?.href}`}>
              <hr class="dropdown-divider" />
            </li>
          ) : null,
          ...group.map((link) => {
            const here = props.context.path === link.href;
            return (
              <li key={link.href}>
                <a
                  class={here ? "dropdown-item active" : "dropdown-item"}
                  href={link.href}
                  aria-current={here ? "page" : undefined}
                >
                  {link.label}
                </a>
              </li>
            );
          }),
        ])}
      </ul>
    </li>
  );
}

/** The admin bar's global search (/dashboard/admin/search/). */
function SearchBox() {
  return (
    <search class="me-lg-3 my-2 my-lg-0">
      <form class="d-flex" method="get" action="/dashboard/admin/search/">
        <input
          class="form-control form-control-sm"
          type="search"
          name="term"
          maxLength={100}
          required
          placeholder="Search"
          aria-label="Search persons, organisations, events and comments"
        />
      </form>
    </search>
  );
}

function AccountMenu(props: { viewer: ViewerInfo; context: PageContext }) {
  return (
    <ul class="navbar-nav">
      <li class="nav-item dropdown">
        <button
          type="button"
          class="nav-link dropdown-toggle btn btn-link"
          data-bs-toggle="dropdown"
          aria-expanded="false"
        >
          Hello, {props.viewer.personal}
        </button>
        <ul class="dropdown-menu dropdown-menu-end">
          {accountLinks(props.viewer).map((link) => (
            <li key={link.href}>
              <a class="dropdown-item" href={link.href}>
                {link.label}
              </a>
            </li>
          ))}
          <li>
            <hr class="dropdown-divider" />
          </li>
          <li>
            <PostForm action="/account/logout/">
              <button type="submit" class="dropdown-item">
                Log out
              </button>
            </PostForm>
          </li>
        </ul>
      </li>
    </ul>
  );
}
