// How long a referral pack's link works: shared by the server and the builder page.
export const DEFAULT_EXPIRY_DAYS = 14;
export const MAX_EXPIRY_DAYS = 30;
