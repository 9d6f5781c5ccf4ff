// Debian's Chromium (no Playwright download on this machine) with the flags every suite uses.
export const chromiumLaunchOptions = {
  executablePath: process.env.ORRERY_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};
