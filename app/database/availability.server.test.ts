import { expect, test } from "vitest";
import { isConnectionError, unavailablePage } from "./availability.server.ts";

test("the unavailable page needs no database and shows emergency numbers and international help", () => {
  const page = unavailablePage("https://www.bbc.com/weather");
  expect(page).toContain("United Kingdom: <a href=\"tel:999\">999</a> or <a href=\"tel:112\">112</a>");
  expect(page).toContain("https://childhelplineinternational.org/helplines/");
  expect(page).toContain('href="https://www.bbc.com/weather"');
  expect(page).not.toContain("<script");
});

test("connection failures are told apart from bad queries", () => {
  expect(isConnectionError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
  // Every pooled connection busy: load, not an outage (the server's own probe decides).
  expect(isConnectionError(new Error("timeout exceeded when trying to connect"))).toBe(false);
  expect(isConnectionError(new Error('relation "x" does not exist'))).toBe(false);
});

test("14.3 a connection ended by the server (restart, failover, crash) counts as the database going away", () => {
  const terminated = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
  expect(isConnectionError(terminated)).toBe(true);
  expect(isConnectionError(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
  expect(isConnectionError(Object.assign(new Error("the database system is in recovery mode"), { code: "57P03" }))).toBe(true);
});
