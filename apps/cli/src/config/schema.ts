import { z } from 'zod';

/** How one vendor's credential is found: a command that prints it, or (0600 files only) itself. */
const credential = {
  credentialCommand: z.string().trim().min(1).optional(),
  credential: z.string().trim().min(1).optional(),
};

const oneCredential = (value: {
  credentialCommand?: string | undefined;
  credential?: string | undefined;
}) => !(value.credentialCommand && value.credential);
const oneCredentialMessage = { message: 'give credentialCommand or credential, not both' };

const losantProfile = z
  .strictObject({ url: z.string().trim().min(1).optional(), ...credential })
  .refine(oneCredential, oneCredentialMessage);

const instanaProfile = z
  .strictObject({ baseUrl: z.string().trim().min(1).optional(), ...credential })
  .refine(oneCredential, oneCredentialMessage);

/** One named profile: where each vendor is and how to get its credential. */
export const profileSchema = z.strictObject({
  losant: losantProfile.optional(),
  instana: instanaProfile.optional(),
});

/** `config.yaml`. */
export const configSchema = z.strictObject({
  /** How long a `credentialCommand` may run, as a duration (`30s`, `2m`). */
  credentialCommandTimeout: z.string().optional(),
  profiles: z.record(z.string(), profileSchema).default({}),
});

export type Profile = z.infer<typeof profileSchema>;
export type Config = z.infer<typeof configSchema>;
