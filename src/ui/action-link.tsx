/**
 * A button-styled link to an action page ("New person", "Edit"), shown disabled with the reason when
 * the viewer lacks the permission, so they see the action exists and why they cannot use it.
 */
export function ActionLink(props: {
  href: string;
  label: string;
  allowed: boolean;
  deniedReason: string;
  variant?: "success" | "primary";
}) {
  const className = `btn btn-${props.variant ?? "success"}`;
  if (props.allowed)
    return (
      <a class={className} href={props.href}>
        {props.label}
      </a>
    );
  return (
    <button type="button" class={className} disabled title={props.deniedReason}>
      {props.label}
    </button>
  );
}
