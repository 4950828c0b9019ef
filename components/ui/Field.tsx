import { useId } from "react";
import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import { cx } from "./cx";
import styles from "./Field.module.css";

/** A message or a list of them (zod's `flatten().fieldErrors[name]` is a string array). */
export type FieldError = string | readonly string[] | null | undefined;

/** What Field hands to its control so the label, hint and error are wired to it. */
export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

type Chrome = {
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  /** Class of the wrapper; the control takes `controlClassName`. */
  className?: string;
  controlClassName?: string;
};

function messagesOf(error: FieldError): string[] {
  if (!error) return [];
  return (typeof error === "string" ? [error] : [...error]).filter(Boolean);
}

function joinIds(...ids: Array<string | undefined>) {
  return ids.filter(Boolean).join(" ") || undefined;
}

/** Ids and ARIA wiring shared by every field layout. */
function useFieldWiring(id: string | undefined, hint: ReactNode, error: FieldError, describedBy?: string) {
  const autoId = useId();
  const controlId = id ?? autoId;
  const messages = messagesOf(error);
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = messages.length > 0 ? `${controlId}-error` : undefined;
  const control: FieldControlProps = { id: controlId, "aria-describedby": joinIds(describedBy, hintId, errorId) };
  if (errorId) control["aria-invalid"] = true;
  const hintEl = hint ? <p id={hintId} className={styles.hint}>{hint}</p> : null;
  const errorEl = errorId ? <p id={errorId} className={styles.error}>{messages.join(" ")}</p> : null;
  return { control, hintEl, errorEl };
}

export type FieldProps = Omit<Chrome, "controlClassName"> & {
  id?: string;
  required?: boolean;
  describedBy?: string;
  children: (control: FieldControlProps) => ReactNode;
};

/** Label, hint and error around any control: `<Field label="CRS">{(p) => <Custom {...p} />}</Field>`. */
export function Field({ label, hint, error, className, id, required, describedBy, children }: FieldProps) {
  const { control, hintEl, errorEl } = useFieldWiring(id, hint, error, describedBy);
  return (
    <div className={cx(styles.field, className)}>
      <label htmlFor={control.id} className={styles.label}>
        {label}
        {required && <span aria-hidden="true" className={styles.required}>*</span>}
      </label>
      {hintEl}
      {children(control)}
      {errorEl}
    </div>
  );
}

export type InputProps = InputHTMLAttributes<HTMLInputElement>;
export type SelectProps = SelectHTMLAttributes<HTMLSelectElement>;
export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement>;

/** Bare controls, for filter bars: give them an aria-label or a <label> of your own. */
export function Input({ className, ...rest }: InputProps) {
  return <input className={cx(styles.control, className)} {...rest} />;
}

export function Select({ className, ...rest }: SelectProps) {
  return <select className={cx(styles.control, className)} {...rest} />;
}

export function Textarea({ className, ...rest }: TextareaProps) {
  return <textarea className={cx(styles.control, className)} {...rest} />;
}

export type TextFieldProps = Chrome & InputProps;

export function TextField({ label, hint, error, className, controlClassName, id, "aria-describedby": describedBy, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className} id={id} required={input.required} describedBy={describedBy}>
      {(control) => <Input {...input} {...control} className={controlClassName} />}
    </Field>
  );
}

export type SelectFieldProps = Chrome & SelectProps;

/** Pass the <option>s as children. */
export function SelectField({ label, hint, error, className, controlClassName, id, "aria-describedby": describedBy, ...select }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className} id={id} required={select.required} describedBy={describedBy}>
      {(control) => <Select {...select} {...control} className={controlClassName} />}
    </Field>
  );
}

export type TextareaFieldProps = Chrome & TextareaProps;

export function TextareaField({ label, hint, error, className, controlClassName, id, "aria-describedby": describedBy, ...textarea }: TextareaFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className} id={id} required={textarea.required} describedBy={describedBy}>
      {(control) => <Textarea {...textarea} {...control} className={controlClassName} />}
    </Field>
  );
}

export type CheckboxFieldProps = Chrome & Omit<InputProps, "type">;

/** A checkbox with its label to the right; hint and error sit under the label. */
export function CheckboxField({ label, hint, error, className, controlClassName, id, "aria-describedby": describedBy, ...input }: CheckboxFieldProps) {
  const { control, hintEl, errorEl } = useFieldWiring(id, hint, error, describedBy);
  return (
    <div className={cx(styles.checkRow, className)}>
      <input type="checkbox" {...input} {...control} className={controlClassName} />
      <div className={styles.field}>
        <label htmlFor={control.id} className={styles.label}>{label}</label>
        {hintEl}
        {errorEl}
      </div>
    </div>
  );
}
