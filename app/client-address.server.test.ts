import { expect, test } from "vitest";
import { clientAddress } from "./client-address.server.ts";
import { parseEnv } from "./env.server.ts";

test("14.6 TRUST_PROXY: the address is read that many hops from the right of X-Forwarded-For", () => {
  // One proxy that appends: the client wrote everything left of the last entry.
  expect(clientAddress("6.6.6.6, 203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
  expect(clientAddress("6.6.6.6,7.7.7.7 , 203.0.113.9", "10.0.0.2", 2)).toBe("7.7.7.7");
  // Fewer entries than trusted hops: the furthest one there is.
  expect(clientAddress("203.0.113.9", "10.0.0.2", 3)).toBe("203.0.113.9");
  // No proxy trusted, or no header: the socket's own address.
  expect(clientAddress("6.6.6.6", "10.0.0.2", 0)).toBe("10.0.0.2");
  expect(clientAddress(undefined, "10.0.0.2", 1)).toBe("10.0.0.2");
  expect(clientAddress(" , ", "10.0.0.2", 1)).toBe("10.0.0.2");
  expect(clientAddress(undefined, undefined, 0)).toBeNull();
});

test("14.6 TRUST_PROXY: a number of trusted hops; true means one, false means none", () => {
  expect(parseEnv({}).TRUST_PROXY).toBe(0);
  expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
  expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
  expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
  expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
  expect(() => parseEnv({ TRUST_PROXY: "-1" })).toThrow(/TRUST_PROXY/);
});
