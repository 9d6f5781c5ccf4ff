/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server owns the port; Next only renders and routes.
  serverExternalPackages: ["@kubernetes/client-node", "pino", "ws", "prom-client"],
  basePath: process.env.ORRERY_BASE_PATH || undefined,
};

export default nextConfig;
