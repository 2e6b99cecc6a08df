interface Props {
  text: string | null;
}

/** The one place an error is shown; `role="alert"` so screen readers announce it. */
export function ErrorMessage({ text }: Props) {
  if (!text) return null;
  return (
    <p className="error" role="alert" data-testid="error">
      {text}
    </p>
  );
}
