import { describe, expect, test } from "vitest";
import { channelOpenState, localTime, parseClockTime, serviceOpenState, type ServiceHours } from "./opening-hours.ts";

const weekdays9to17 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: 9 * 60, closesAt: 17 * 60 }));

function service(overrides: Partial<ServiceHours> = {}): ServiceHours {
  return { alwaysOpen: false, timezone: "UTC", schedules: [], contactChannels: [], ...overrides };
}

describe("localTime", () => {
  test("reads the weekday and minute in the given time zone", () => {
    // Monday 2026-11-30 23:30 UTC is Tuesday 10:30 in Sydney (UTC+11 in summer).
    const at = new Date("2026-11-30T23:30:00Z");
    expect(localTime(at, "UTC")).toEqual({ weekday: 1, minutes: 23 * 60 + 30 });
    expect(localTime(at, "Australia/Sydney")).toEqual({ weekday: 2, minutes: 10 * 60 + 30 });
    expect(localTime(at, "America/Los_Angeles")).toEqual({ weekday: 1, minutes: 15 * 60 + 30 });
  });
});

describe("serviceOpenState", () => {
  test("follows the service's own time zone, not the visitor's", () => {
    const sydney = service({ timezone: "Australia/Sydney", schedules: weekdays9to17 });
    const london = service({ timezone: "Europe/London", schedules: weekdays9to17 });
    const at = new Date("2026-11-30T23:30:00Z"); // Tue 10:30 Sydney, Mon 23:30 London
    expect(serviceOpenState(sydney, at)).toBe("open");
    expect(serviceOpenState(london, at)).toBe("closed");
  });

  test("a period closing after midnight stays open into the next day", () => {
    const lateNight = service({ schedules: [{ weekday: 5, opensAt: 20 * 60, closesAt: 2 * 60 }] });
    expect(serviceOpenState(lateNight, new Date("2026-12-04T23:00:00Z"))).toBe("open"); // Fri 23:00
    expect(serviceOpenState(lateNight, new Date("2026-12-05T01:59:00Z"))).toBe("open"); // Sat 01:59
    expect(serviceOpenState(lateNight, new Date("2026-12-05T02:00:00Z"))).toBe("closed"); // Sat 02:00
    expect(serviceOpenState(lateNight, new Date("2026-12-04T19:59:00Z"))).toBe("closed"); // Fri 19:59
  });

  test("Sunday night into Monday wraps the week", () => {
    const sundayNight = service({ schedules: [{ weekday: 7, opensAt: 22 * 60, closesAt: 6 * 60 }] });
    expect(serviceOpenState(sundayNight, new Date("2026-11-30T05:00:00Z"))).toBe("open"); // Mon 05:00
  });

  test("24/7 is always open and no hours at all is unknown", () => {
    expect(serviceOpenState(service({ alwaysOpen: true }), new Date())).toBe("open");
    expect(serviceOpenState(service(), new Date())).toBe("unknown");
  });

  test("a channel with its own hours can make the service open", () => {
    const withChat = service({
      schedules: weekdays9to17,
      contactChannels: [{ alwaysOpen: false, schedules: [{ weekday: 6, opensAt: 10 * 60, closesAt: 14 * 60 }] }],
    });
    const saturdayNoon = new Date("2026-12-05T12:00:00Z");
    expect(serviceOpenState(withChat, saturdayNoon)).toBe("open");
    expect(channelOpenState(withChat, withChat.contactChannels[0]!, saturdayNoon)).toBe("open");
  });

  test("a channel without hours inherits the service's", () => {
    const svc = service({ schedules: weekdays9to17, contactChannels: [{ alwaysOpen: false, schedules: [] }] });
    expect(channelOpenState(svc, svc.contactChannels[0]!, new Date("2026-12-01T10:00:00Z"))).toBe("open");
    expect(channelOpenState(svc, svc.contactChannels[0]!, new Date("2026-12-01T18:00:00Z"))).toBe("closed");
  });
});

describe("parseClockTime", () => {
  test("accepts HH:MM up to 24:00 and refuses anything else", () => {
    expect(parseClockTime("00:00")).toBe(0);
    expect(parseClockTime("17:30")).toBe(1050);
    expect(parseClockTime("24:00")).toBe(1440);
    expect(() => parseClockTime("24:30")).toThrow();
    expect(() => parseClockTime("9:00")).toThrow();
  });
});
