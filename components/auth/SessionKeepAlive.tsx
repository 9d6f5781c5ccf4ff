"use client";
import { useSession } from "./useSession";

/** Renews the session while the page is used and leaves for the login page when it ends; renders nothing. */
export function SessionKeepAlive() {
  useSession();
  return null;
}
