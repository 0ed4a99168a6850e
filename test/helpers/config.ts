/** The least configuration production accepts (an http site URL, so no proxy setting is needed). */
export const PRODUCTION_ENV = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://amy@db/amy",
  AMY_SECRET_KEY: "k".repeat(40),
  AMY_SITE_URL: "http://amy.example.org",
  AMY_REPORTS_SALT_FRONT: "front",
  AMY_REPORTS_SALT_BACK: "back",
};
