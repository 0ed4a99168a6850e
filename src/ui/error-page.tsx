const TITLES: Record<number, string> = {
  400: "Bad request",
  403: "Access denied",
  404: "Page not found",
  405: "Method not allowed",
  413: "Too large",
  500: "Server error",
};

export function errorTitle(status: number): string {
  return TITLES[status] ?? (status >= 500 ? "Server error" : "Bad request");
}

export function ErrorPage(props: { message: string }) {
  return (
    <div>
      <p class="lead">{props.message}</p>
      <p>
        <a href="/dashboard/">Go to your dashboard</a>
      </p>
    </div>
  );
}
