// autocannon ships no types; the start-up bench uses its promise API only.
declare module 'autocannon';
