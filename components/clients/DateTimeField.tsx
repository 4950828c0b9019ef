import { Input } from "@/components/ui";
import { splitInstant, type InstantField } from "./client-form-data";
import styles from "./ClientForm.module.css";

/** A date-and-time of the client form: a date input and a time input read in the form's time zone. */
export function DateTimeField({ name, label, initial, timeZone, error, hint, required }: { name: InstantField; label: string; initial: string | null; timeZone: string; error?: string; hint?: string; required?: boolean }) {
  const { date, time } = splitInstant(initial, timeZone);
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={`${styles.dateTime} ${styles.span2}`}>
      <legend className={styles.legend}>
        {label}
        {required && (
          <span aria-hidden="true" style={{ color: "var(--danger)", marginLeft: 2 }}>
            *
          </span>
        )}
      </legend>
      {hint && (
        <p id={`${name}-hint`} className="small muted" style={{ fontSize: "var(--text-xs)" }}>
          {hint}
        </p>
      )}
      <div className={styles.inputs}>
        <Input type="date" name={`${name}.date`} defaultValue={date} aria-label={`${label}: date`} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
        <Input type="time" step={1} name={`${name}.time`} defaultValue={time} aria-label={`${label}: time`} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
      </div>
      {error && (
        <p id={`${name}-error`} className="small" style={{ color: "var(--danger)", fontSize: "var(--text-xs)", fontWeight: 500 }}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
