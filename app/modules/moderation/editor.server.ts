import type { ListingInput } from "#app/modules/directory/listing.server.ts";
import type { FieldChange } from "./diff.ts";
import { BLANK_ROWS, formToListing, issuePathToField, listingToForm, rowCount, type FormLists, type FormValues } from "./listing-form.server.ts";

/** Checkbox groups, read with getAll rather than as single values. */
const LIST_FIELDS = ["category", "audience", "access"];
import { submitRevision, type Actor } from "./revisions.server.ts";
import { issuePath, withoutNul } from "#app/validation.server.ts";

// What the editor pages share: turning a listing into the form's state, and a
// posted form into a revision, or back into the form with its errors.

export type EditorState = {
  values: FormValues;
  lists: FormLists;
  errors: FormValues;
  rows: { areas: number; contactChannels: number; locations: number };
  baseNumber: number;
};

function withBlankRows(values: FormValues) {
  return {
    areas: rowCount(values, "areas") + BLANK_ROWS,
    contactChannels: rowCount(values, "contactChannels") + BLANK_ROWS,
    locations: rowCount(values, "locations") + 1,
  };
}

export function editorStateFor(listing: ListingInput | null, baseNumber: number, prefill: FormValues = {}): EditorState {
  const form = listing ? listingToForm(listing) : { values: { timezone: "UTC", cost: "FREE", ...prefill }, lists: { category: [], audience: [], access: [] } };
  return { ...form, errors: {}, rows: withBlankRows(form.values), baseNumber };
}

export type EditorOutcome =
  | { kind: "saved"; serviceId: string; number: number }
  | { kind: "invalid"; state: EditorState }
  | { kind: "conflict"; state: EditorState; latestNumber: number; latestAuthor: string; changes: FieldChange[] };

export async function submitEditor(formData: FormData, serviceId: string | null, author: Actor): Promise<EditorOutcome> {
  const values: FormValues = {};
  for (const [name, value] of formData.entries()) {
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
