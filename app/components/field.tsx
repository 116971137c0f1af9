import type { InputHTMLAttributes } from "react";

type FieldProps = {
  label: string;
  name: string;
  error?: string;
  hint?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name">;

/** The label, hint and error around a form control, linked for screen readers. */
function FieldFrame({
  fieldId,
  label,
  hint,
  error,
  control,
}: {
  fieldId: string;
  label: string;
  hint?: string;
  error?: string;
  control: (aria: { "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={fieldId}>{label}</label>
      {hint ? (
        <p className="hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${fieldId}-error`}>
          {error}
        </p>
      ) : null}
      {control({ ...(error ? { "aria-invalid": true as const } : {}), ...(describedBy ? { "aria-describedby": describedBy } : {}) })}
    </div>
  );
}

/** A labelled input with its hint and its error next to it. */
export function Field({ label, name, error, hint, id, ...input }: FieldProps) {
  const fieldId = id ?? name;
  return <FieldFrame fieldId={fieldId} label={label} hint={hint} error={error} control={(aria) => <input id={fieldId} name={name} {...aria} {...input} />} />;
}

export function FormMessage({ tone, children }: { tone: "error" | "success" | "info"; children: React.ReactNode }) {
  return (
    <div className={`form-message ${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

type TextAreaFieldProps = { label: string; name: string; error?: string; hint?: string } & Omit<
  React.TextareaHTMLAttributes<HTMLTextAreaElement>,
  "name"
>;

/** A labelled textarea with its hint and error, like Field. */
export function TextAreaField({ label, name, error, hint, id, ...textarea }: TextAreaFieldProps) {
  const fieldId = id ?? name;
  return <FieldFrame fieldId={fieldId} label={label} hint={hint} error={error} control={(aria) => <textarea id={fieldId} name={name} {...aria} {...textarea} />} />;
}

type SelectFieldProps = { label: string; name: string; error?: string; hint?: string; children: React.ReactNode } & Omit<
  React.SelectHTMLAttributes<HTMLSelectElement>,
  "name" | "children"
>;

/** A labelled select with its hint and error, like Field; the options are its children. */
export function SelectField({ label, name, error, hint, id, children, ...select }: SelectFieldProps) {
  const fieldId = id ?? name;
  return (
    <FieldFrame
      fieldId={fieldId}
      label={label}
      hint={hint}
      error={error}
      control={(aria) => (
        <select id={fieldId} name={name} {...aria} {...select}>
          {children}
        </select>
      )}
    />
  );
}

/** A field people never see and bots fill in; a filled one marks the post as spam. */
export function Honeypot({ name, label }: { name: string; label: string }) {
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor={name}>{label}</label>
      <input id={name} name={name} tabIndex={-1} autoComplete="off" />
    </div>
  );
}
