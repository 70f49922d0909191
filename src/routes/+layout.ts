// The whole app runs in the browser: the data never reach a server.
export const ssr = false;
export const prerender = true;
