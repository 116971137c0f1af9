import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import type { FieldChange } from "#app/modules/moderation/diff.ts";

/** A short value (a phone number, a date, an age) is read as one thing: it never wraps. */
function keepTogether(value: string) {
  return value.length <= 24 ? "keep-together" : undefined;
}

/** Field-by-field differences; contact details are highlighted because they are what an attacker would change. */
export function ChangeTable({ changes, beforeLabel, afterLabel }: { changes: FieldChange[]; beforeLabel: string; afterLabel: string }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p>{t("moderation.noChanges")}</p>;
  return (
    <div className="table-scroll">
      <table className="diff">
        <thead>
          <tr>
            <th>{t("moderation.field")}</th>
            <th>{beforeLabel}</th>
            <th>{afterLabel}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.key} data-sensitive={change.sensitive ? "true" : undefined}>
              <th scope="row">
                {change.label}
                {change.sensitive ? <div className="hint">⚠ {t("moderation.sensitive")}</div> : null}
              </th>
              <td className={change.sensitive ? "sensitive" : undefined}>
                <del className={keepTogether(change.before)}>{change.before}</del>
              </td>
              <td className={change.sensitive ? "sensitive" : undefined}>
                <ins className={keepTogether(change.after)}>{change.after}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
