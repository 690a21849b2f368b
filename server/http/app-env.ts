/** Per-request values shared by the middleware and the request log. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The route pattern (`POST bookings`), never the raw URL, which may carry ids. */
    route: string;
    /** Class and code of an unexpected error, never its message (it can quote SQL values). */
    errorKind: string;
    /** Origins allowed to embed the widgets, read once per API request (settings or IOP_ALLOWED_ORIGINS). */
    allowedOrigins: ReadonlySet<string>;
  };
}
