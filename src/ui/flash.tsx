import type { FlashLevel, FlashMessage } from "./context.ts";

const STYLE: Record<FlashLevel, { alert: string; prefix: string }> = {
  success: { alert: "alert-success", prefix: "Success:" },
  info: { alert: "alert-info", prefix: "Note:" },
  warning: { alert: "alert-warning", prefix: "Warning:" },
  error: { alert: "alert-danger", prefix: "Error:" },
};

export function FlashMessages(props: { messages: readonly FlashMessage[] }) {
  if (props.messages.length === 0) return null;
  return (
    <div>
      {props.messages.map(({ level, message }, index) => (
        <div
          key={index}
          class={`alert ${STYLE[level].alert} alert-dismissible fade show`}
          role={level === "error" ? "alert" : "status"}
        >
          <strong>{STYLE[level].prefix}</strong> {message}
          <button type="button" class="btn-close" data-bs-dismiss="alert" aria-label="Dismiss this message" />
        </div>
      ))}
    </div>
  );
}
