import { MAX_LISTING_ROWS, type ListingInput } from "#app/modules/directory/listing.server.ts";
import type { FieldChange } from "./diff.ts";
import { BLANK_ROWS, formToListing, issuePathToField, listingToForm, rowCount, type FormLists, type FormValues } from "./listing-form.server.ts";

/** Checkbox groups, read with getAll rather than as single values. */
const LIST_FIELDS = ["category", "audience", "access"];
import { submitRevision, type Actor } from "./revisions.server.ts";
import { badRequest, issuePath, withoutNul } from "#app/validation.server.ts";

// What the editor pages share: turning a listing into the form's state, and a
// posted form into a revision, or back into the form with its errors.

export type EditorState = {
  values: FormValues;
  lists: FormLists;
  errors: FormValues;
  rows: { areas: number; contactChannels: number; locations: number };
  baseNumber: number;
};

/** The rows filled, and a few blank ones to add more, never past the most a listing holds. */
function withBlankRows(values: FormValues) {
  const rows = (group: string, blank: number) => Math.min(rowCount(values, group) + blank, MAX_LISTING_ROWS);
  return { areas: rows("areas", BLANK_ROWS), contactChannels: rows("contactChannels", BLANK_ROWS), locations: rows("locations", 1) };
}

export function editorStateFor(listing: ListingInput | null, baseNumber: number, prefill: FormValues = {}): EditorState {
  const form = listing ? listingToForm(listing) : { values: { timezone: "UTC", cost: "FREE", ...prefill }, lists: { category: [], audience: [], access: [] } };
  return { ...form, errors: {}, rows: withBlankRows(form.values), baseNumber };
}

export type EditorOutcome =
  | { kind: "saved"; serviceId: string; number: number }
  | { kind: "invalid"; state: EditorState }
  | { kind: "conflict"; state: EditorState; latestNumber: number; latestAuthor: string; changes: FieldChange[] };

// A row the editor never shows (areas[60000], an index of 1e21) comes from no
// form of ours: refused before the page that would show every row up to it is built.
const ROW_INDEX = /^(?:areas|contactChannels|locations|translations)\[(\d+)\]/;

export async function submitEditor(formData: FormData, serviceId: string | null, author: Actor): Promise<EditorOutcome> {
  const values: FormValues = {};
  for (const [name, value] of formData.entries()) {
    const row = ROW_INDEX.exec(name)?.[1];
    if (row !== undefined && Number(row) >= MAX_LISTING_ROWS) {
      throw badRequest([{ field: name, message: `The editor has at most ${MAX_LISTING_ROWS} rows of each kind.` }]);
    }
    if (typeof value === "string" && !LIST_FIELDS.includes(name)) values[name] = withoutNul(value);
  }
  const lists = {
    category: formData.getAll("category").filter((value): value is string => typeof value === "string"),
    audience: formData.getAll("audience").filter((value): value is string => typeof value === "string"),
    access: formData.getAll("access").filter((value): value is string => typeof value === "string"),
  };
  const baseNumber = Number(values.baseNumber ?? 0) || 0;
  const state = (errors: FormValues, base = baseNumber): EditorState => ({ values, lists, errors, rows: withBlankRows(values), baseNumber: base });

  const { listing, errors } = formToListing(values, lists);
  const reason = values.reason?.trim() ?? "";
  if (!reason) errors.reason = "Say why you made this change.";
  if (Object.keys(errors).length > 0) {
    // Also run the schema, so every problem shows at once.
    const { checkListing } = await import("#app/modules/directory/listing.server.ts");
    const parsed = checkListing(listing);
    for (const issue of parsed.error?.issues ?? []) {
      const field = issuePathToField(issuePath(issue.path), values);
      errors[field] ??= issue.message;
    }
    return { kind: "invalid", state: state(errors) };
  }

  const result = await submitRevision({ serviceId, baseNumber, listing, reason: reason.slice(0, 1000), author });
  if (result.kind === "saved") return { kind: "saved", serviceId: result.serviceId, number: result.number };
  if (result.kind === "invalid") {
    const fieldErrors: FormValues = {};
    for (const issue of result.issues) fieldErrors[issuePathToField(issue.path, values)] ??= issue.message;
    return { kind: "invalid", state: state(fieldErrors) };
  }
  // Keep everything typed; the next save is against the latest revision.
  return { kind: "conflict", state: state({}, result.latestNumber), latestNumber: result.latestNumber, latestAuthor: result.latestAuthor, changes: result.changes };
}
