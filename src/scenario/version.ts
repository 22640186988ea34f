/**
 * The scenario format's version (./schema.ts), apart from its validator: the page writes
 * documents from its first view, and reads untrusted ones only later (a link, a file, a message).
 */
export const SCENARIO_VERSION = 1;
