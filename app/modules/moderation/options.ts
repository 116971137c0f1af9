// Choices shown in moderation and public forms; the server and the pages share them.

export const REPORT_REASONS = ["WRONG_CONTACT", "CLOSED", "NO_LONGER_HELPS", "UNSAFE", "OTHER"] as const;
export const VERIFICATION_METHODS = ["PHONE_CALL", "EMAIL", "WEBSITE", "IN_PERSON", "PARTNER_ATTESTATION"] as const;
export const VERIFICATION_OUTCOMES = ["CONFIRMED", "CHANGES_NEEDED", "UNREACHABLE", "CLOSED"] as const;

/** The listings page's filters by next check (app/modules/moderation/verification.server.ts). */
export const LISTING_CHECK_FILTERS = ["all", "overdue", "never", "due-30-days"] as const;
export type ListingCheckFilter = (typeof LISTING_CHECK_FILTERS)[number];
