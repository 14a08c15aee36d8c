/** Settings as text, by key: the environment, or a config file's values turned into the same text. */
export type RawSettings = Record<string, string | undefined>;
