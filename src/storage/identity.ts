// The remembered name, email and website for replies: one record in the `offprint-identity`
// database, present only while the reader has ticked "Remember me".
import * as v from "valibot";
import { RECORD_KEYS } from "./keys.ts";
import { loadOne, REMOVE, update, firstVersion } from "./records.ts";
import { text } from "./drafts.ts";

const IdentityV1 = v.object({
  v: v.literal(1),
  name: text(10_000),
  email: text(10_000),
  website: text(10_000),
});
export type Identity = v.InferOutput<typeof IdentityV1>;

export const IdentityAdapter = firstVersion<Identity>(
  "identity",
  IdentityV1,
  (key) => key === RECORD_KEYS.identity,
);

/** The remembered name, email and website, or undefined when the reader has not ticked the box. */
export function loadIdentity(): Promise<Identity | undefined> {
  return loadOne(IdentityAdapter, RECORD_KEYS.identity);
}

/** Remembers name, email and website for the next reply. */
export async function saveIdentity(identity: Omit<Identity, "v">): Promise<void> {
  await update(IdentityAdapter, RECORD_KEYS.identity, () => ({ v: 1, ...identity }));
}

/** Forgets the remembered name, email and website on this device. */
export async function forgetIdentity(): Promise<void> {
  await update(IdentityAdapter, RECORD_KEYS.identity, () => REMOVE);
}
