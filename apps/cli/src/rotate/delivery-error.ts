/** Why a delivery failed, in words that never hold the secret. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

/** The delivery error for a signal that came before the secret was delivered. */
export function interrupted(signal: AbortSignal): DeliveryError {
  return new DeliveryError(
    `tokenkit received ${String(signal.reason)} before the secret was delivered`,
  );
}
