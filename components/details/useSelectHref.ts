"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { formatObjectRef, type ObjectRef } from "@/lib/k8s/objectRef";
import { withParams } from "@/components/ui/urlState";

/** Links that reopen the details on another object, over the same page and its other parameters. */
export function useSelectHref(): (ref: ObjectRef) => string {
  const pathname = usePathname();
  const params = useSearchParams();
  return (ref) => `${pathname}${withParams(params.toString(), { selected: formatObjectRef(ref) })}`;
}
