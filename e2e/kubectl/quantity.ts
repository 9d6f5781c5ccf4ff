// Kubernetes quantities as kubectl prints them: CPU in cores or millicores, memory in binary units.

/** CPU ("8", "250m", "0.5") in millicores; NaN when it is not a CPU quantity. */
export function millicores(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(text);
  return m ? Number(m[1]) * (m[2] === "m" ? 1 : 1000) : NaN;
}

/** Memory ("32Gi", "2048Ki") in MiB; NaN when it is not a binary-unit quantity. */
export function mebibytes(text: string): number {
  const units: Record<string, number> = { Ki: 1 / 1024, Mi: 1, Gi: 1024, Ti: 1024 * 1024 };
  const m = /^(\d+)(Ki|Mi|Gi|Ti)$/.exec(text);
  return m ? Number(m[1]) * units[m[2]!]! : NaN;
}
