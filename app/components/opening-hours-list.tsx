import { useTranslation } from "#app/modules/i18n/use-translation.ts";
import { formatMinutes, type WeeklyPeriod } from "#app/modules/directory/opening-hours.ts";
import type { MessageKey } from "#app/modules/i18n/messages.en.ts";

export function OpeningHoursList({ periods }: { periods: WeeklyPeriod[] }) {
  const { t } = useTranslation();
  return (
    <dl className="hours">
      {periods.map((period) => (
        <div key={`${period.weekday}-${period.opensAt}`}>
          <dt>{t(`weekday.${period.weekday}` as MessageKey)}</dt>
          <dd>
            {formatMinutes(period.opensAt)}–{formatMinutes(period.closesAt)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
