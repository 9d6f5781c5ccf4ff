import type { StatusReason } from "../http/status";

/** A failure that is answered as a metav1.Status with this code and reason. */
export class StatusError extends Error {
  constructor(readonly code: number, readonly reason: StatusReason, message: string) {
    super(message);
  }
}

export const badRequest = (message: string) => new StatusError(400, "BadRequest", message);
export const notFound = (message: string) => new StatusError(404, "NotFound", message);
