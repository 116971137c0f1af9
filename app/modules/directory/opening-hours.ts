// "Open now", computed in the service's own time zone: a helpline in Sydney is
// open or closed by Sydney's clock, whatever the clock of the person searching.

export type WeeklyPeriod = {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after midnight; a closing time at or before the opening time runs past midnight. */
  opensAt: number;
  closesAt: number;
};

export type OpenState = "open" | "closed" | "unknown";

export type HoursOwner = { alwaysOpen: boolean; schedules: WeeklyPeriod[] };
export type ServiceHours = HoursOwner & { timezone: string; contactChannels: HoursOwner[] };

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MINUTES_PER_DAY = 24 * 60;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The weekday and minute of the day that `at` is in `timezone`. */
export function localTime(at: Date, timezone: string): { weekday: number; minutes: number } {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timezone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, part.value]));
  return {
    weekday: WEEKDAYS.indexOf(parts.weekday ?? "") + 1,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function isWithin(period: WeeklyPeriod, weekday: number, minutes: number): boolean {
  const overnight = period.closesAt <= period.opensAt;
  if (!overnight) return period.weekday === weekday && minutes >= period.opensAt && minutes < period.closesAt;
  const nextDay = (period.weekday % 7) + 1;
  return (
    (period.weekday === weekday && minutes >= period.opensAt) ||
    (nextDay === weekday && minutes < period.closesAt)
  );
}

function stateOf(owner: HoursOwner, weekday: number, minutes: number): OpenState {
  if (owner.alwaysOpen) return "open";
  if (owner.schedules.length === 0) return "unknown";
  return owner.schedules.some((period) => isWithin(period, weekday, minutes)) ? "open" : "closed";
}

/** A contact channel keeps its own hours when it has them, else the service's. */
export function channelOpenState(service: ServiceHours, channel: HoursOwner, at: Date): OpenState {
  const { weekday, minutes } = localTime(at, service.timezone);
  const own = stateOf(channel, weekday, minutes);
  return own === "unknown" ? stateOf(service, weekday, minutes) : own;
}

/** Open when the service or any of its channels is open; unknown when no hours are known at all. */
export function serviceOpenState(service: ServiceHours, at: Date): OpenState {
  const { weekday, minutes } = localTime(at, service.timezone);
  const states = [
    stateOf(service, weekday, minutes),
    ...service.contactChannels.map((channel) => stateOf(channel, weekday, minutes)),
  ];
  if (states.includes("open")) return "open";
  if (states.includes("closed")) return "closed";
  return "unknown";
}

export function formatMinutes(minutes: number): string {
  const clamped = minutes % MINUTES_PER_DAY;
  const hours = Math.floor(clamped / 60);
  return `${String(hours).padStart(2, "0")}:${String(clamped % 60).padStart(2, "0")}`;
}

export function parseClockTime(value: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!match) throw new Error(`Not a time of day (HH:MM): ${value}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > MINUTES_PER_DAY) throw new Error(`Not a time of day (HH:MM): ${value}`);
  return minutes;
}
