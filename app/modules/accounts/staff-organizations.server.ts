import { z } from "zod";
import { prisma } from "#app/db.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { isCountryCode } from "#app/modules/regions/regions.server.ts";
import { recordAudit } from "./audit.server.ts";

// The organizations staff belong to (charities, schools, social-services
// teams). Admins create them; only an admin puts a person in one (by approving
// an access request, by an invitation, or on the account page). Caseworkers
// read each other's shared lists only within theirs, matched by id.

type Actor = { id: string; email: string };

export const STAFF_ORGANIZATION_KINDS = ["CHARITY", "SOCIAL_SERVICES", "SCHOOL", "HEALTH", "POLICE", "OTHER"] as const;

export const StaffOrganizationSchema = z.object({
  name: z.string().trim().min(2, "Enter the organization's name.").max(200, "Use at most 200 characters."),
  country: z.string().trim().toUpperCase().refine(isCountryCode, "Choose a country."),
  kind: z.enum(STAFF_ORGANIZATION_KINDS, "Choose what kind of organization it is."),
});
export type StaffOrganizationInput = z.output<typeof StaffOrganizationSchema>;

export type SaveOrganizationResult = { kind: "saved"; id: string } | { kind: "name-taken" } | { kind: "not-found" };

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** For pickers (the access-request form, invitations, approvals), by name. */
export async function listStaffOrganizations() {
  return prisma.staffOrganization.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, country: true, kind: true } });
}

export async function listStaffOrganizationsWithMembers() {
  return prisma.staffOrganization.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { members: true } } } });
}

export async function getStaffOrganization(id: string) {
  return prisma.staffOrganization.findUnique({
    where: { id },
    include: { members: { orderBy: { email: "asc" }, select: { id: true, name: true, email: true, disabledAt: true } } },
  });
}

export async function staffOrganizationExists(id: string) {
  return (await prisma.staffOrganization.count({ where: { id } })) === 1;
}

export async function createStaffOrganization(input: StaffOrganizationInput, actor: Actor, clientAddress?: string | null): Promise<SaveOrganizationResult> {
  try {
    const organization = await prisma.staffOrganization.create({ data: input });
    await recordAudit({ action: "organization.created", actor, targetType: "organization", targetId: organization.id, clientAddress, details: input });
    return { kind: "saved", id: organization.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: "name-taken" };
    throw error;
  }
}

export async function updateStaffOrganization(id: string, input: StaffOrganizationInput, actor: Actor, clientAddress?: string | null): Promise<SaveOrganizationResult> {
  try {
    const updated = await prisma.staffOrganization.updateMany({ where: { id }, data: input });
    if (updated.count !== 1) return { kind: "not-found" };
    await recordAudit({ action: "organization.updated", actor, targetType: "organization", targetId: id, clientAddress, details: input });
    return { kind: "saved", id };
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: "name-taken" };
    throw error;
  }
}

/** An admin puts a person in an organization (or in none). Returns false for an unknown organization. */
export async function setUserOrganization(userId: string, organizationId: string | null, actor: Actor, clientAddress?: string | null) {
  if (organizationId && !(await staffOrganizationExists(organizationId))) return false;
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { organizationId: true } });
  if (user.organizationId === organizationId) return true;
  await prisma.user.update({ where: { id: userId }, data: { organizationId } });
  await recordAudit({
    action: "user.organization_changed",
    actor,
    targetType: "user",
    targetId: userId,
    clientAddress,
    details: { before: user.organizationId, after: organizationId },
  });
  return true;
}
