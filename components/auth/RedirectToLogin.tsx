"use client";
import { useEffect } from "react";
import { Anchor, Center, Text } from "@mantine/core";
import { loginUrl } from "./authClient";

/**
 * Shown instead of a page to someone not signed in (the server renders nothing of the page):
 * goes to the login page, which returns here afterwards.
 */
export function RedirectToLogin({ loginHref }: { loginHref: string }) {
  useEffect(() => {
    window.location.replace(loginUrl(`${window.location.pathname}${window.location.search}`));
  }, []);
  return (
    <Center h="100vh">
      <Text>
        You are not signed in. <Anchor href={loginHref}>Sign in</Anchor>
      </Text>
    </Center>
  );
}
